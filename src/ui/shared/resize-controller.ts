import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks the host's content width and re-renders it when that changes (canvases must be redrawn
 * at their new size). Observes only while connected.
 */
export class ResizeController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private observer: ResizeObserver | null = null;
  /** CSS pixels; 0 until the first observation. */
  width = 0;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const width = Math.round(entries[0]?.contentRect.width ?? 0);
      if (width !== this.width) {
        this.width = width;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}
