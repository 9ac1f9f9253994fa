import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sessionStore } from '../../storage/session-store.ts';
import { StorageError, type StorageErrorKind } from '../../storage/storage-errors.ts';
import type { SessionSummary } from '../../storage/session-types.ts';
import { recordingStateOf, sessionsBeingRecorded, whenRecordingEnds } from '../shared/recording-lock.ts';

/**
 * The saved sessions, kept current: loaded when the host connects and again after every change
 * to the store (from this tab or another). Subscribed only while connected.
 */
export class SessionListController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private unsubscribe: (() => void) | null = null;
  /** Newest first. */
  sessions: SessionSummary[] = [];
  loaded = false;
  error: StorageErrorKind | null = null;
  /** Sessions some tab is recording now; null where the browser cannot tell. */
  recordingNow: ReadonlySet<string> | null = null;
  /** Aborts the waits for recordings to end when the host goes. */
  private watching = new AbortController();
  private readonly watched = new Set<string>();
  /** Bumped per load, so a slow older load cannot overwrite a newer one. */
  private generation = 0;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = sessionStore.onChange(() => void this.reload());
    void this.reload();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.watching.abort();
    this.watching = new AbortController();
    this.watched.clear();
  }

  /** Whether the session is being recorded, was interrupted (its tab closed mid-call), or neither. */
  recordingState(session: SessionSummary): ReturnType<typeof recordingStateOf> {
    return recordingStateOf(session, this.recordingNow);
  }

  async reload(): Promise<void> {
    const generation = ++this.generation;
    try {
      const sessions = await sessionStore.listSessions();
      const recordingNow = await sessionsBeingRecorded().catch(() => null);
      if (generation !== this.generation) return;
      this.sessions = sessions;
      this.recordingNow = recordingNow;
      this.error = null;
      for (const id of recordingNow ?? []) this.reloadWhenEnded(id);
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error instanceof StorageError ? error.kind : 'failed';
    }
    this.loaded = true;
    this.host.requestUpdate();
  }

  /** A call recorded in another tab ends without a store change when that tab closes: listen for it. */
  private reloadWhenEnded(id: string): void {
    if (this.watched.has(id)) return;
    this.watched.add(id);
    const signal = this.watching.signal;
    whenRecordingEnds(id, signal).then(
      () => {
        this.watched.delete(id);
        if (!signal.aborted) void this.reload();
      },
      () => this.watched.delete(id),
    );
  }
}
