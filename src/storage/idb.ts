/**
 * A thin typed layer over raw IndexedDB: promises for requests and transactions, one place where
 * browser errors become storage errors. Written here rather than taking the `idb` package because
 * the store needs only open/upgrade, get/put/delete, key ranges and transaction completion, and
 * because every write must pass through `toStorageError` so a full disk is always recognised.
 */
import { toStorageError } from './storage-errors.ts';

/** Resolves with the request's result; rejects with a StorageError. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = (event) => {
      // Handled here: without preventDefault the error also aborts the transaction noisily.
      event.preventDefault();
      reject(toStorageError(req.error));
    };
  });
}

/**
 * Resolves when the transaction has committed; rejects when it aborts. A quota failure often
 * shows only here (the writes succeed, the commit does not), so every write awaits this.
 */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // Not onerror: a failed request (already rejected by `request`) bubbles there even when the
    // transaction goes on; only an abort means nothing of it was written.
    tx.onabort = () => reject(toStorageError(tx.error));
  });
}

/**
 * Runs `work` in one transaction over `stores` and resolves with its result once the transaction
 * has committed, so a caller never sees success for data that did not reach the disk.
 */
export async function inTransaction<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, mode);
  const done = committed(tx);
  // Observed below; this only keeps an early abort from being reported as unhandled meanwhile.
  done.catch(() => undefined);
  try {
    const result = await work(tx);
    await done;
    return result;
  } catch (error) {
    // Abort what is left so a half-done write cannot commit.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the browser.
    }
    throw toStorageError(error);
  }
}

export interface OpenOptions {
  name: string;
  version: number;
  upgrade(db: IDBDatabase, oldVersion: number, tx: IDBTransaction): void;
}

export function openDatabase(options: OpenOptions): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(options.name, options.version);
    req.onupgradeneeded = (event) => {
      const tx = req.transaction;
      if (tx) options.upgrade(req.result, event.oldVersion, tx);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the schema: step aside so it is not blocked forever.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(toStorageError(req.error));
    req.onblocked = () => undefined;
  });
}

/** Deletes a whole database (all data of the app). */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(toStorageError(req.error));
  });
}
