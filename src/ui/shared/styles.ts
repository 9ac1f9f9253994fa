/**
 * Styles every element shares: the palette (as custom properties, so the print sheet and a
 * future dark theme change them in one place), buttons, focus rings and visually hidden text.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    --luister-text: #1d2330;
    --luister-muted: #4d5666;
    --luister-bg: #f5f6f8;
    --luister-surface: #ffffff;
    --luister-border: #cfd5dd;
    --luister-accent: #0a5c57;
    --luister-accent-soft: #e3f1ef;
    --luister-focus: #1a5fb4;
    --luister-danger: #a4262c;
    --luister-danger-soft: #fdecea;
    --luister-warning-soft: #fff4d6;
    --luister-agent: #1f5fa8;
    --luister-customer: #b3541e;
    color: var(--luister-text);
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    line-height: 1.45;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  button,
  input,
  select {
    font: inherit;
  }

  button {
    cursor: pointer;
    border: 1px solid var(--luister-accent);
    border-radius: 6px;
    background: var(--luister-surface);
    color: var(--luister-accent);
    padding: 0.35rem 0.8rem;
    min-height: 2.25rem;
  }

  button:hover {
    background: var(--luister-accent-soft);
  }

  button.primary {
    background: var(--luister-accent);
    color: #fff;
  }

  button.primary:hover {
    background: #07463f;
  }

  button.danger {
    border-color: var(--luister-danger);
    color: var(--luister-danger);
  }

  button.danger:hover {
    background: var(--luister-danger-soft);
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  /* A button that reads as a link in running text: a time to listen at. */
  button.link {
    all: unset;
    cursor: pointer;
    color: var(--luister-accent);
    text-decoration: underline;
    font-variant-numeric: tabular-nums;
  }

  /* Kept focusable while it cannot act (aria-disabled), so a keyboard user keeps their place. */
  button.link[aria-disabled='true'] {
    cursor: not-allowed;
    color: var(--luister-muted);
    text-decoration: none;
  }

  button.link:focus-visible {
    outline: 3px solid var(--luister-focus);
    outline-offset: 2px;
  }

  input[type='text'],
  select {
    border: 1px solid var(--luister-border);
    border-radius: 6px;
    padding: 0.35rem 0.5rem;
    min-height: 2.25rem;
    background: var(--luister-surface);
    color: var(--luister-text);
  }

  :focus-visible {
    outline: 3px solid var(--luister-focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .card {
    background: var(--luister-surface);
    border: 1px solid var(--luister-border);
    border-radius: 10px;
    padding: 1rem 1.25rem;
  }

  h2,
  h3,
  h4 {
    margin: 0 0 0.5rem;
    line-height: 1.25;
  }

  @media print {
    button,
    input,
    select {
      display: none !important;
    }

    .card {
      border-color: #999;
      break-inside: avoid;
    }

    /* Times stay readable on paper; "listen" links mean nothing there. */
    button.link {
      display: inline !important;
      color: inherit;
      text-decoration: none;
    }

    button.link.listen,
    button.link.screen-only,
    .screen-only {
      display: none !important;
    }
  }
`;
