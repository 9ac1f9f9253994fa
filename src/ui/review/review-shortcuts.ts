import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ReviewShortcutHandlers {
  togglePlay(): void;
  previousEvent(): void;
  nextEvent(): void;
}

/** Elements whose own keys must win: typing, choosing, sliding, pressing a button. */
const OWN_KEYS = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A', 'SUMMARY']);

/**
 * The review's keys while focus is inside it: Space plays or pauses, ArrowLeft/ArrowRight go to
 * the previous/next event. Focus in a control that uses those keys itself (a text field, the zoom
 * slider, a button's Space) keeps them. Listens on the host only while connected.
 */
export class ReviewShortcutsController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly handlers: ReviewShortcutHandlers;

  constructor(host: ReactiveControllerHost & HTMLElement, handlers: ReviewShortcutHandlers) {
    this.host = host;
    this.handlers = handlers;
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // The innermost target, across shadow roots.
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && (OWN_KEYS.has(target.tagName) || target.isContentEditable)) return;
    if (event.key === ' ') this.handlers.togglePlay();
    else if (event.key === 'ArrowLeft') this.handlers.previousEvent();
    else if (event.key === 'ArrowRight') this.handlers.nextEvent();
    else return;
    // Space would scroll the page and arrows the list.
    event.preventDefault();
  };
}
