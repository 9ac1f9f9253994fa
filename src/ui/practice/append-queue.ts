/**
 * Appends a call's items (audio chunks, frame records) to storage in order, one write at a time.
 * A failed write is kept and retried with the next item (storage that is briefly busy), and the
 * writes stop at the first failure, so storage always holds a prefix of what was pushed, without
 * holes. What to do about items that wait too long is the owner's decision (drop them, or keep
 * them in memory); this only writes and counts.
 */
import { StorageError } from '../../storage/storage-errors.ts';

export interface AppendQueueOptions<T> {
  write(item: T): Promise<void>;
  /** What an item counts for (samples, frames), for the totals. */
  size(item: T): number;
  /** A write failed; it and everything after it wait for the next push or `settle`. */
  onFailure?(): void;
}

export class AppendQueue<T> {
  private readonly options: AppendQueueOptions<T>;
  private readonly pending: T[] = [];
  private writing: Promise<void> = Promise.resolve();
  /** Sum of `size` over the items waiting. */
  pendingSize = 0;
  writtenCount = 0;
  writtenSize = 0;
  /** The storage's message for the last failed write. */
  lastError = '';
  /** Whether the last failed write found the storage full. */
  lastFull = false;

  constructor(options: AppendQueueOptions<T>) {
    this.options = options;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Queues `item` after the others and starts writing. */
  push(item: T): void {
    this.pending.push(item);
    this.pendingSize += this.options.size(item);
    this.kick();
  }

  /** Waits for the writes in progress, then retries what waits, `attempts` tries in all. */
  async settle(attempts: number): Promise<void> {
    await this.writing;
    for (let attempt = 1; attempt < attempts && this.pending.length > 0; attempt++) {
      this.kick();
      await this.writing;
    }
  }

  /** Removes and returns the items that could not be written (call after `settle`). */
  takePending(): T[] {
    const left = this.pending.splice(0);
    this.pendingSize = 0;
    return left;
  }

  /** Starts a write pass after the one in progress, if any. */
  private kick(): void {
    this.writing = this.writing.then(() => this.writePending());
  }

  private async writePending(): Promise<void> {
    while (this.pending.length > 0) {
      const head = this.pending[0];
      try {
        await this.options.write(head);
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.lastFull = error instanceof StorageError && error.kind === 'full';
        this.options.onFailure?.();
        return;
      }
      this.pending.shift();
      const size = this.options.size(head);
      this.pendingSize -= size;
      this.writtenCount++;
      this.writtenSize += size;
    }
  }
}
