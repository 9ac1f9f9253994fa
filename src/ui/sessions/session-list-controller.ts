import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sessionStore } from '../../storage/session-store.ts';
import { StorageError, type StorageErrorKind } from '../../storage/storage-errors.ts';
import type { SessionSummary } from '../../storage/session-types.ts';

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
  }

  async reload(): Promise<void> {
    const generation = ++this.generation;
    try {
      const sessions = await sessionStore.listSessions();
      if (generation !== this.generation) return;
      this.sessions = sessions;
      this.error = null;
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error instanceof StorageError ? error.kind : 'failed';
    }
    this.loaded = true;
    this.host.requestUpdate();
  }
}
