import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sessionStore } from '../../storage/session-store.ts';
import { estimateSpace, type StorageSpace } from '../../storage/storage-space.ts';

/**
 * The browser's storage estimate, refreshed when the host connects and after every change to the
 * sessions, so the warning appears as soon as a save brings free space under 10 %.
 */
export class StorageSpaceController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private unsubscribe: (() => void) | null = null;
  space: StorageSpace | null = null;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = sessionStore.onChange(() => void this.refresh());
    void this.refresh();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  async refresh(): Promise<void> {
    try {
      this.space = await estimateSpace();
    } catch {
      this.space = null;
    }
    this.host.requestUpdate();
  }
}
