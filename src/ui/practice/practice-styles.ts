/**
 * What the practice view's elements share beyond the app's base styles: the tone and cue colours
 * (each always paired with a text and a shape, never the only signal) and the panel look.
 */
import { css } from 'lit';

export const practiceTokens = css`
  :host {
    --practice-good: #1e6b3a;
    --practice-good-soft: #e4f3e8;
    --practice-attention: #8a4b00;
    --practice-attention-soft: #fff1db;
    --practice-alarm: #a4262c;
    --practice-alarm-soft: #fdecea;
    --practice-calm: #3d5a80;
    --practice-calm-soft: #e6edf5;
    --practice-quiet: #4d5666;
    --practice-quiet-soft: #eef0f3;
  }

  .panel {
    background: var(--luister-surface, #fff);
    border: 1px solid var(--luister-border, #cfd5dd);
    border-radius: 10px;
    padding: 0.75rem 1rem;
    min-width: 0;
  }

  .panel-title {
    margin: 0 0 0.35rem;
    font-size: 0.8rem;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--luister-muted, #4d5666);
  }

  .icon {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    vertical-align: -0.2em;
  }

  .number {
    font-variant-numeric: tabular-nums;
  }
`;
