/**
 * Errors of the session store, by what the user can do about them. The UI shows a message per
 * kind; the browser's own message is kept for the console.
 */
export type StorageErrorKind = 'full' | 'unavailable' | 'not-found' | 'invalid' | 'failed';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly kind: StorageErrorKind;

  constructor(kind: StorageErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}

/** True for the browser's "disk/quota full" in any of its guises. */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof DOMException) && !(error instanceof Error)) return false;
  // Chromium and Firefox use QuotaExceededError; old Firefox NS_ERROR_DOM_QUOTA_REACHED.
  return error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Maps whatever IndexedDB threw (or null, for an abort without error) to a StorageError. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const message = error instanceof Error ? error.message : String(error ?? 'the transaction was aborted');
  if (isQuotaError(error)) return new StorageError('full', message, { cause: error });
  if (error instanceof DOMException && (error.name === 'InvalidStateError' || error.name === 'UnknownError')) {
    return new StorageError('unavailable', message, { cause: error });
  }
  return new StorageError('failed', message, { cause: error });
}
