/**
 * The time axis under the waveform: one canvas as wide as the waveform's visible area, drawn for
 * the visible range only, at most once per frame.
 *
 * This replaces wavesurfer's timeline plugin, which made and laid out an element for every tick of
 * the whole recording (thousands for an hour) on every zoom, freezing the page for seconds. Here
 * the cost depends on the width on screen, not on the recording's length.
 */
import { formatClock } from '../format.ts';
import { tickSpacing, ticksIn } from './timeline-ticks.ts';

export const TIMELINE_HEIGHT = 22;
const FONT_PX = 11;
/** Labels sit this far right of their tick. */
const LABEL_INDENT_PX = 3;
/** Room kept free after the widest label before the next one. */
const LABEL_GAP_PX = 14;
/** Unlabelled ticks no closer than this, px. */
const MIN_TICK_PX = 8;
const MINOR_TICK_PX = 5;
/** Used when the theme's custom properties cannot be read (the canvas not yet styled). */
const FALLBACK_TEXT = '#4d5666';
const FALLBACK_LINE = '#cfd5dd';

export class WaveformTimeline {
  /**
   * Goes where the timeline is shown, under the waveform. Carries, for tests and tools,
   * `data-start`/`data-end` (the range drawn, s) and `data-labels` (the labels drawn, in order,
   * space-separated).
   */
  readonly canvas: HTMLCanvasElement;
  private start = 0;
  private end = 0;
  /** Seconds in the recording: its clock text is the widest label. */
  private duration = 0;
  private frame = 0;
  private readonly resizeObserver: ResizeObserver;
  /** The pointer held down on the timeline (dragging), and the time a drag seeks to next frame. */
  private dragPointer: number | null = null;
  private dragTime: number | null = null;
  private dragFrame = 0;

  /**
   * `onSeek(time)` runs when the timeline is clicked (or dragged along, at most once a frame):
   * it sits under the waveform outside wavesurfer's own element, which would take the click and
   * seek, so it seeks itself, to the time under the pointer.
   */
  constructor(private readonly onSeek: (time: number) => void = () => {}) {
    this.canvas = document.createElement('canvas');
    // The labels repeat the time display in the toolbar and the slider's value; read out they
    // would be a long run of numbers. Seeking by keyboard is on the waveform (see its hint).
    this.canvas.setAttribute('aria-hidden', 'true');
    // pan-y: a vertical swipe still scrolls the page, a horizontal one seeks.
    Object.assign(this.canvas.style, { display: 'block', width: '100%', height: `${TIMELINE_HEIGHT}px`, touchAction: 'pan-y' });
    // A wider or narrower view, or another pixel ratio, needs a new drawing of the same range.
    this.resizeObserver = new ResizeObserver(() => this.schedule());
    this.canvas.addEventListener('pointerdown', (event) => {
      // The main button only, as on the waveform.
      if (event.button !== 0 || this.dragPointer !== null) return;
      this.dragPointer = event.pointerId;
      this.canvas.setPointerCapture(event.pointerId);
      this.seekTo(event.clientX);
    });
    this.canvas.addEventListener('pointermove', (event) => {
      if (event.pointerId !== this.dragPointer) return;
      this.dragTime = this.timeAt(event.clientX);
      this.dragFrame ||= requestAnimationFrame(() => this.seekDragged());
    });
    const release = (event: PointerEvent): void => {
      if (event.pointerId !== this.dragPointer) return;
      this.dragPointer = null;
      // Where the drag let go, not a frame earlier.
      if (this.dragFrame) cancelAnimationFrame(this.dragFrame);
      this.seekDragged();
    };
    this.canvas.addEventListener('pointerup', release);
    this.canvas.addEventListener('pointercancel', release);
  }

  /** Puts the canvas into `parent` (empty until `show`). */
  attach(parent: HTMLElement): void {
    parent.replaceChildren(this.canvas);
    this.resizeObserver.observe(this.canvas);
  }

  /** Takes the canvas out and forgets the range. */
  detach(): void {
    this.resizeObserver.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.dragFrame) cancelAnimationFrame(this.dragFrame);
    this.frame = this.dragFrame = 0;
    this.dragPointer = this.dragTime = null;
    this.end = this.start = this.duration = 0;
    delete this.canvas.dataset.labels;
    this.canvas.remove();
  }

  /** The time under the pointer at `clientX` (clamped to the range shown), s; null before `show`. */
  private timeAt(clientX: number): number | null {
    const span = this.end - this.start;
    const box = this.canvas.getBoundingClientRect();
    if (!(span > 0) || box.width <= 0) return null;
    const fraction = Math.max(0, Math.min(1, (clientX - box.left) / box.width));
    return this.start + fraction * span;
  }

  private seekTo(clientX: number): void {
    const time = this.timeAt(clientX);
    if (time !== null) this.onSeek(time);
  }

  private seekDragged(): void {
    this.dragFrame = 0;
    const time = this.dragTime;
    this.dragTime = null;
    if (time !== null) this.onSeek(time);
  }

  /** Shows `start`–`end` s of a recording `duration` s long: drawn at the next frame, once. */
  show(start: number, end: number, duration: number): void {
    this.start = start;
    this.end = end;
    this.duration = duration;
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const canvas = this.canvas;
    const span = this.end - this.start;
    if (!canvas.isConnected || !(span > 0)) return;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (width <= 0 || height <= 0) return;
    const ratio = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(width * ratio);
    const pixelHeight = Math.round(height * ratio);
    // Resizing clears it anyway; unchanged, it is cleared below.
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);

    const style = getComputedStyle(canvas);
    const textColor = style.getPropertyValue('--luister-muted').trim() || FALLBACK_TEXT;
    const lineColor = style.getPropertyValue('--luister-border').trim() || FALLBACK_LINE;
    ctx.font = `${FONT_PX}px ${style.fontFamily || 'sans-serif'}`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';

    // The edge along the waveform.
    ctx.fillStyle = lineColor;
    ctx.fillRect(0, 0, width, 1);

    const pxPerSec = width / span;
    const labelWidth = ctx.measureText(formatClock(Math.max(this.duration, this.end))).width + LABEL_INDENT_PX;
    const spacing = tickSpacing(pxPerSec, labelWidth + LABEL_GAP_PX, MIN_TICK_PX);
    const ticks = ticksIn(this.start, this.end, spacing);
    const labels: string[] = [];
    ctx.fillStyle = textColor;
    for (const tick of ticks) {
      const offset = (tick.time - this.start) * pxPerSec;
      // Crisp one-pixel lines; the tick at the very end stays on the canvas.
      const x = Math.min(width - 1, Math.round(offset));
      if (x >= 0) ctx.fillRect(x, 0, 1, tick.labelled ? height : MINOR_TICK_PX);
      if (!tick.labelled) continue;
      const text = formatClock(tick.time);
      // Whole labels only: a label cut at the edge reads as another time ("1:" for 1:00:00).
      if (offset + LABEL_INDENT_PX + ctx.measureText(text).width > width) continue;
      ctx.fillText(text, offset + LABEL_INDENT_PX, height / 2 + 2);
      labels.push(text);
    }
    canvas.dataset.start = this.start.toFixed(3);
    canvas.dataset.end = this.end.toFixed(3);
    canvas.dataset.labels = labels.join(' ');
  }
}
