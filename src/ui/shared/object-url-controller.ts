import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * An object URL for a Blob that lives exactly as long as the host is connected and the Blob is
 * current: revoked when the Blob changes or the host leaves the page, so recordings are not kept
 * in memory by forgotten URLs.
 */
export class ObjectUrlController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private blob: Blob | null = null;
  private current = '';
  private connected = false;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /** The URL of the current Blob ('' when there is none or the host is not connected). */
  get url(): string {
    return this.current;
  }

  set(blob: Blob | null): void {
    if (blob === this.blob) return;
    this.blob = blob;
    if (this.connected) this.refresh();
  }

  hostConnected(): void {
    this.connected = true;
    this.refresh();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.revoke();
  }

  private refresh(): void {
    this.revoke();
    if (this.blob) this.current = URL.createObjectURL(this.blob);
    this.host.requestUpdate();
  }

  private revoke(): void {
    if (this.current) URL.revokeObjectURL(this.current);
    this.current = '';
  }
}
