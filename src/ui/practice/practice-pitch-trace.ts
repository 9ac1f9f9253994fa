import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { FRAMES_PER_SEC } from '../../dsp/config.ts';
import { baseStyles } from '../shared/styles.ts';
import { hzToSemitones, medianVoicedHz, semitoneToY } from './pitch-scale.ts';
import { practiceTokens } from './practice-styles.ts';
import { pt, type Locale } from './practice-text.ts';

/** A growing list of per-frame values (SpeakerTrack's fields are these). */
export interface FrameSeries {
  readonly length: number;
  get(index: number): number;
}

/** Voiced frames that fix the reference line: the first 3 s of voicing. */
const REFERENCE_FRAMES = 300;
/** The reference is redrawn only when it moves more than this, semitones. */
const REFERENCE_STEP_ST = 0.5;
const GRID_ST = [12, 6, 0, -6, -12];
/**
 * Consecutive frames further apart than this are not joined, semitones. A voice glides at most a
 * few semitones per 10 ms frame; a bigger step is a pitch-tracking octave error or a new voiced
 * stretch, and a line across it would draw a spike that was never said.
 */
const MAX_JOIN_ST = 4;

/**
 * A scrolling trace of the agent's pitch in semitones around their own median, over the last
 * `windowSec` seconds. Drawn on a canvas, incrementally: each update shifts the picture left by
 * the new frames' width (one image copy) and draws only the new frames, so the cost per frame
 * does not grow with the window. A full redraw happens only when the size, the call or the
 * reference changes (the reference settles over the first seconds of voicing). Updates come from
 * the host, which renders once per animation frame.
 *
 * @csspart plot - the area with the canvas and the semitone grid
 * @csspart axis - the time axis and the reference under the plot
 */
@customElement('luister-practice-pitch-trace')
export class PracticePitchTrace extends LitElement {
  static override styles = [
    baseStyles,
    practiceTokens,
    css`
      :host {
        display: block;
      }

      .plot {
        position: relative;
        height: var(--pitch-trace-height, 150px);
        border-radius: 6px;
        background: #fbfcfd;
        border: 1px solid var(--luister-border);
        overflow: hidden;
      }

      canvas {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
      }

      .grid {
        position: absolute;
        left: 0;
        right: 0;
        border-top: 1px dashed #d5dae1;
        font-size: 0.7rem;
        color: var(--luister-muted);
      }

      .grid.zero {
        border-top: 1px solid #9aa5b4;
      }

      .grid span {
        position: absolute;
        left: 0.25rem;
        top: 0;
        transform: translateY(-50%);
        background: #fbfcfd;
        padding: 0 0.2rem;
        font-variant-numeric: tabular-nums;
      }

      .grid.edge-top span {
        transform: none;
      }

      .grid.edge-bottom span {
        transform: translateY(-100%);
      }

      .axis {
        display: flex;
        justify-content: space-between;
        gap: 1rem;
        font-size: 0.75rem;
        color: var(--luister-muted);
        margin-top: 0.2rem;
      }
    `,
  ];

  @property({ attribute: false }) f0: FrameSeries | null = null;
  /** Frames of `f0` to show (the host passes the count it has seen). */
  @property({ type: Number, attribute: 'frame-count' }) frameCount = 0;
  @property() locale: Locale = 'nl';
  @property({ type: Number, attribute: 'window-sec' }) windowSec = 10;
  /** Semitones shown above and below the reference. */
  @property({ type: Number, attribute: 'range-st' }) rangeSt = 12;

  /** The reference shown in the axis and the label, Hz (0 until voicing was heard). */
  @state() private referenceHz = 0;

  @query('canvas') private canvas!: HTMLCanvasElement;
  private context: CanvasRenderingContext2D | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private widthPx = 0;
  private heightPx = 0;
  private pixelRatio = 1;
  private color = '#1f5fa8';
  /** What is on the canvas: which series, up to which frame, against which reference. */
  private series: FrameSeries | null = null;
  private drawnFrames = 0;
  private drawnReferenceHz = 0;
  private needsFullDraw = true;
  private referenceValues: number[] = [];
  private referenceScanned = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.canvas) this.observeSize();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
  }

  override render() {
    const unit = pt(this.locale, 'practiceCall.pitch.unit');
    const hz = Math.round(this.referenceHz);
    const label =
      hz > 0
        ? pt(this.locale, 'practiceCall.pitch.label', { sec: this.windowSec, hz })
        : pt(this.locale, 'practiceCall.pitch.labelPending', { sec: this.windowSec });
    return html`
      <div class="plot" part="plot">
        ${GRID_ST.filter((st) => Math.abs(st) <= this.rangeSt).map((st) => {
          const top = (semitoneToY(st, this.rangeSt, 1) * 100).toFixed(2);
          const edge = st === this.rangeSt ? 'edge-top' : st === -this.rangeSt ? 'edge-bottom' : '';
          return html`<div class="grid ${st === 0 ? 'zero' : ''} ${edge}" style=${styleMap({ top: `${top}%` })} aria-hidden="true">
            <span>${st > 0 ? `+${st}` : st === 0 ? '0' : `−${-st}`} ${unit}</span>
          </div>`;
        })}
        <canvas role="img" aria-label=${label}></canvas>
      </div>
      <div class="axis" part="axis" aria-hidden="true">
        <span>−${this.windowSec} s</span>
        <span>${hz > 0 ? pt(this.locale, 'practiceCall.pitch.reference', { hz }) : pt(this.locale, 'practiceCall.pitch.referencePending')}</span>
        <span>0 s</span>
      </div>
    `;
  }

  protected override firstUpdated(): void {
    this.context = this.canvas.getContext('2d');
    this.observeSize();
  }

  /** Before rendering, so a new reference reaches the label in the same update. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('f0') && this.f0 !== this.series) this.resetSeries();
    if (changed.has('windowSec') || changed.has('rangeSt')) this.needsFullDraw = true;
    if (this.f0) this.updateReference(this.f0, Math.min(this.frameCount, this.f0.length));
  }

  protected override updated(): void {
    this.draw();
  }

  private observeSize(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(this.canvas);
  }

  private resize(): void {
    const rect = this.canvas.getBoundingClientRect();
    this.pixelRatio = window.devicePixelRatio || 1;
    this.widthPx = Math.max(1, Math.round(rect.width * this.pixelRatio));
    this.heightPx = Math.max(1, Math.round(rect.height * this.pixelRatio));
    this.canvas.width = this.widthPx;
    this.canvas.height = this.heightPx;
    this.color = getComputedStyle(this).getPropertyValue('--luister-agent').trim() || this.color;
    this.needsFullDraw = true;
    this.draw();
  }

  private resetSeries(): void {
    this.series = this.f0;
    this.drawnFrames = 0;
    this.drawnReferenceHz = 0;
    this.referenceValues = [];
    this.referenceScanned = 0;
    this.referenceHz = 0;
    this.needsFullDraw = true;
  }

  /** Collects the first voiced frames and moves the reference while it is settling. */
  private updateReference(f0: FrameSeries, count: number): void {
    if (this.referenceValues.length >= REFERENCE_FRAMES) return;
    for (; this.referenceScanned < count && this.referenceValues.length < REFERENCE_FRAMES; this.referenceScanned++) {
      const hz = f0.get(this.referenceScanned);
      if (hz > 0) this.referenceValues.push(hz);
    }
    const median = medianVoicedHz(this.referenceValues);
    if (median <= 0) return;
    if (this.drawnReferenceHz === 0 || Math.abs(hzToSemitones(median, this.drawnReferenceHz)) > REFERENCE_STEP_ST) {
      this.drawnReferenceHz = median;
      this.needsFullDraw = true;
    }
    // Shown rounded; a new value re-renders the label once.
    if (Math.round(median) !== Math.round(this.referenceHz)) this.referenceHz = median;
  }

  private draw(): void {
    const ctx = this.context;
    const f0 = this.f0;
    if (!ctx || !f0 || this.widthPx <= 1) return;
    const count = Math.min(this.frameCount, f0.length);
    if (this.drawnReferenceHz === 0) {
      // Nothing voiced yet: nothing to draw, but the frames are accounted for.
      this.drawnFrames = count;
      return;
    }
    const windowFrames = this.windowSec * FRAMES_PER_SEC;
    const perFrame = this.widthPx / windowFrames;
    if (this.needsFullDraw || count - this.drawnFrames >= windowFrames || count < this.drawnFrames) {
      ctx.clearRect(0, 0, this.widthPx, this.heightPx);
      this.drawFrames(ctx, f0, Math.max(0, count - windowFrames), count, count, perFrame);
      this.needsFullDraw = false;
    } else if (count > this.drawnFrames) {
      // Whole pixels only: positions are rounded from absolute frame numbers, so no drift builds up.
      const shift = Math.round(count * perFrame) - Math.round(this.drawnFrames * perFrame);
      if (shift > 0) {
        ctx.globalCompositeOperation = 'copy';
        ctx.drawImage(this.canvas, -shift, 0);
        ctx.globalCompositeOperation = 'source-over';
      }
      // From one frame back, so the line joins the part already drawn.
      this.drawFrames(ctx, f0, Math.max(0, this.drawnFrames - 1), count, count, perFrame);
    }
    this.drawnFrames = count;
  }

  /** Draws frames [from, to) with frame `newest` at the right edge. */
  private drawFrames(ctx: CanvasRenderingContext2D, f0: FrameSeries, from: number, to: number, newest: number, perFrame: number): void {
    const right = Math.round(newest * perFrame);
    const ref = this.drawnReferenceHz;
    ctx.strokeStyle = this.color;
    ctx.fillStyle = this.color;
    ctx.lineWidth = 2.5 * this.pixelRatio;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.beginPath();
    let previousSt = Number.NaN;
    for (let i = from; i < to; i++) {
      const hz = f0.get(i);
      // Unvoiced, or outside the plot (octave errors mostly): a gap, not a line along the edge.
      const st = hz > 0 ? hzToSemitones(hz, ref) : Number.NaN;
      if (!(Math.abs(st) <= this.rangeSt)) {
        previousSt = Number.NaN;
        continue;
      }
      const x = this.widthPx - (right - i * perFrame);
      const y = semitoneToY(st, this.rangeSt, this.heightPx);
      if (Math.abs(st - previousSt) <= MAX_JOIN_ST) {
        ctx.lineTo(x, y);
      } else {
        // A lone voiced frame still shows: a dot the width of the line.
        ctx.moveTo(x, y);
        ctx.lineTo(x + 0.01, y);
      }
      previousSt = st;
    }
    ctx.stroke();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-practice-pitch-trace': PracticePitchTrace;
  }
}
