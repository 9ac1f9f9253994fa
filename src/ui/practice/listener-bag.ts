/**
 * Everything a call subscribes to, in one place, so that stopping removes all of it. DOM listeners
 * are removed with removeEventListener rather than an AbortSignal: that way a test can watch the
 * removals, and nothing depends on the target honouring `signal`.
 */
export class ListenerBag {
  private readonly disposers: (() => void)[] = [];

  /** Adds `listener` to `target` until `dispose`. */
  listen<E extends Event = Event>(target: EventTarget, type: string, listener: (event: E) => void): void {
    const handler = listener as EventListener;
    target.addEventListener(type, handler);
    this.disposers.push(() => target.removeEventListener(type, handler));
  }

  /** Runs `dispose` when the bag is disposed (an emitter's unsubscribe function, a cleanup). */
  add(dispose: () => void): void {
    this.disposers.push(dispose);
  }

  /** How many subscriptions are held. */
  get size(): number {
    return this.disposers.length;
  }

  /** Removes everything, newest first; one failing cleanup does not stop the others. */
  dispose(): void {
    while (this.disposers.length > 0) {
      const dispose = this.disposers.pop();
      try {
        dispose?.();
      } catch {
        // Already gone (a closed context, a stopped track): nothing left to undo.
      }
    }
  }
}
