/**
 * Which sessions are being recorded right now, in any tab. A tab that records holds a Web Lock
 * named after the session for the whole call; the browser releases it when the tab closes or
 * crashes, whatever happens to the page. So a session still marked 'recording' whose lock nobody
 * holds was interrupted: its tab went away mid-call.
 */
const PREFIX = 'luister-recording:';

function locks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

/** Holds the session's lock until the returned function is called. */
export function holdRecordingLock(sessionId: string): () => void {
  const manager = locks();
  if (!manager) return () => undefined;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  manager.request(`${PREFIX}${sessionId}`, () => held).catch(() => undefined);
  return release;
}

/** Ids of the sessions some tab is recording now; null where the browser has no Web Locks. */
export async function sessionsBeingRecorded(): Promise<Set<string> | null> {
  const manager = locks();
  if (!manager) return null;
  const state = await manager.query();
  // Held only: a lock is held from just after the session is created until the call has ended.
  const names = (state.held ?? []).map((lock) => lock.name ?? '');
  return new Set(names.filter((name) => name.startsWith(PREFIX)).map((name) => name.slice(PREFIX.length)));
}

/**
 * Resolves when nobody records `sessionId` any more (the call ended or its tab went away), so a
 * list in another tab can update; rejects with an AbortError when `signal` aborts first.
 */
export async function whenRecordingEnds(sessionId: string, signal: AbortSignal): Promise<void> {
  const manager = locks();
  if (!manager) return new Promise<void>(() => undefined);
  // Granted once the recording tab lets go; held for no longer than this callback.
  await manager.request(`${PREFIX}${sessionId}`, { signal }, () => undefined);
}

/** A just-created session's lock may not be held yet: younger ones are not called interrupted, ms. */
export const START_GRACE_MS = 5000;

/**
 * What a session still marked 'recording' is: being recorded now (in this tab or another),
 * interrupted (nobody holds its lock), or unknown (no Web Locks, or too young to tell). Null for
 * a session that is not 'recording'.
 */
export function recordingStateOf(
  session: { id: string; status: string; createdAt: number },
  live: ReadonlySet<string> | null,
  now = Date.now(),
): 'recording' | 'interrupted' | 'unknown' | null {
  if (session.status !== 'recording') return null;
  if (live?.has(session.id)) return 'recording';
  if (!live || now - session.createdAt < START_GRACE_MS) return 'unknown';
  return 'interrupted';
}
