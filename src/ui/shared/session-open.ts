/** Asks the app shell to show a stored session in the review: what "open" in a list or panel fires. */
export function sessionOpenEvent(id: string): CustomEvent<{ id: string }> {
  return new CustomEvent('session-open', { detail: { id }, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'session-open': CustomEvent<{ id: string }>;
  }
}
