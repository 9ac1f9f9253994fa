/**
 * Small inline shapes that go with every coloured cue, so colour is never the only signal: each
 * tone, silence phase and event type has its own outline. Decorative (aria-hidden): the text next
 * to it says the same.
 */
import { svg, type SVGTemplateResult } from 'lit';

function icon(body: SVGTemplateResult): SVGTemplateResult {
  return svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
}

export const icons = {
  /** A sun: warm. */
  warm: icon(svg`<circle cx="12" cy="12" r="4"/><path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1"/>`),
  /** Fast-forward: rushed. */
  rushed: icon(svg`<path d="M3 6l8 6-8 6zM12 6l8 6-8 6z"/>`),
  /** A flat line: monotone. */
  monotone: icon(svg`<path d="M3 12h18M3 8v8M21 8v8"/>`),
  /** An empty circle: neutral. */
  neutral: icon(svg`<circle cx="12" cy="12" r="8"/>`),
  /** An hourglass: not known yet. */
  pending: icon(svg`<path d="M7 3h10M7 21h10M8 3c0 5 8 5 8 9s-8 4-8 9M16 3c0 5-8 5-8 9"/>`),
  /** A check mark: good. */
  good: icon(svg`<path d="M4 12l5 5L20 6"/>`),
  /** An exclamation mark in a triangle: needs attention. */
  attention: icon(svg`<path d="M12 3 2 20h20z"/><path d="M12 10v4M12 17h.01"/>`),
  /** A microphone: someone speaks. */
  speaking: icon(svg`<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5 11a7 7 0 0 0 14 0M12 18v3"/>`),
  /** A pause sign: a gap. */
  gap: icon(svg`<path d="M9 5v14M15 5v14"/>`),
  /** An ear: listening. */
  listening: icon(svg`<path d="M7 9a5 5 0 0 1 10 0c0 3-3 4-3 7a3 3 0 0 1-6 0"/><path d="M10 9a2 2 0 0 1 4 0"/>`),
  /** A breath: sigh. */
  sigh: icon(svg`<path d="M3 9h11a3 3 0 1 0-3-3M3 13h15a3 3 0 1 1-3 3M3 17h7"/>`),
  /** Crossing arrows: overlap, interruption. */
  overlap: icon(svg`<path d="M4 7h12l-3-3M20 17H8l3 3"/>`),
  /** A wave rising: tension. */
  agitation: icon(svg`<path d="M2 16c3 0 3-4 6-4s3 6 6 6 3-12 8-12"/>`),
  /** Speech bubble: short response. */
  backchannel: icon(svg`<path d="M4 5h16v10H9l-5 4z"/>`),
  /** An empty frame: silence. */
  silence: icon(svg`<rect x="4" y="6" width="16" height="12" rx="2" stroke-dasharray="3 3"/>`),
  /** A circle with a bar: stopped / error. */
  error: icon(svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v6M12 16h.01"/>`),
  /** A dot: live. */
  live: svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="6" fill="currentColor"/></svg>`,
  /** A square: stopped. */
  idle: icon(svg`<rect x="7" y="7" width="10" height="10"/>`),
} as const;

export type IconName = keyof typeof icons;
