/**
 * How much room the browser gives the app. Recordings are large, so the app warns while there is
 * still room to act (delete old sessions, export) rather than when a save fails.
 */

/** Warn when less than this share of the quota is free. */
export const LOW_SPACE_FRACTION = 0.1;

export interface StorageSpace {
  usageBytes: number;
  quotaBytes: number;
  /** Share of the quota still free, 0–1. */
  freeFraction: number;
  low: boolean;
}

/** The browser's estimate, or null where it gives none. */
export async function estimateSpace(): Promise<StorageSpace | null> {
  if (!navigator.storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  if (quota <= 0) return null;
  const freeFraction = Math.max(0, (quota - usage) / quota);
  return { usageBytes: usage, quotaBytes: quota, freeFraction, low: freeFraction < LOW_SPACE_FRACTION };
}

/**
 * Asks the browser not to evict the app's data under storage pressure: sessions are the user's
 * only copy of their practice. Chromium decides silently; a refusal changes nothing.
 */
export async function requestPersistence(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}
