/**
 * Drawing the pitch and loudness lanes: per speaker, the frames that fall in the visible time
 * range, one value per pixel column, so the lanes line up with the waveform at every zoom.
 */
import type { Speaker, SpeakerRole } from '../../report/report-types.ts';
import { SPEAKER_COLORS, SPEAKER_DASH } from '../shared/speaker-colors.ts';

export type LaneKind = 'pitch' | 'loudness';

/** Value range of each lane: ±12 semitones around the speaker's mean; -70…0 dBFS. */
export const LANE_RANGES: Readonly<Record<LaneKind, { min: number; max: number; ticks: number[] }>> = {
  pitch: { min: -12, max: 12, ticks: [-12, 0, 12] },
  loudness: { min: -70, max: 0, ticks: [-60, -30, 0] },
};

export interface LaneView {
  start: number;
  end: number;
  /** Canvas size in CSS pixels. */
  width: number;
  height: number;
  pixelRatio: number;
}

/**
 * Per pixel column: the value of the frames under it, or NaN where there is none (unvoiced for
 * pitch). Pitch takes the mean of voiced frames in semitones re the speaker's mean F0; loudness
 * the loudest frame, so short words stay visible when zoomed out.
 */
export function laneColumns(speaker: Speaker, kind: LaneKind, view: Pick<LaneView, 'start' | 'end' | 'width'>): Float32Array {
  const { hopSec, startSec, f0Hz, levelDb } = speaker.frames;
  const columns = new Float32Array(Math.max(0, Math.floor(view.width))).fill(Number.NaN);
  const span = view.end - view.start;
  const reference = speaker.summary.meanF0Hz;
  if (!(span > 0) || columns.length === 0 || (kind === 'pitch' && !(reference > 0))) return columns;
  const frames = kind === 'pitch' ? semitonesOf(f0Hz, reference) : levelDb;
  for (let x = 0; x < columns.length; x++) {
    const t0 = view.start + (x / columns.length) * span;
    const t1 = view.start + ((x + 1) / columns.length) * span;
    const first = Math.max(0, Math.round((t0 - startSec) / hopSec));
    // At least the frame nearest the column, so a zoomed-in lane has no holes between frames.
    const last = Math.min(frames.length - 1, Math.max(first, Math.round((t1 - startSec) / hopSec) - 1));
    let sum = 0;
    let count = 0;
    let loudest = Number.NEGATIVE_INFINITY;
    for (let i = first; i <= last; i++) {
      const value = frames[i];
      if (kind === 'pitch') {
        if (!Number.isNaN(value)) {
          sum += value;
          count++;
        }
      } else if (value > loudest) loudest = value;
    }
    if (kind === 'pitch') columns[x] = count > 0 ? sum / count : Number.NaN;
    else columns[x] = Number.isFinite(loudest) ? loudest : Number.NaN;
  }
  return columns;
}

const semitoneCache = new WeakMap<readonly number[], { reference: number; semitones: Float64Array }>();

/**
 * F0 per frame in semitones re `reference`, NaN where unvoiced; worked out once per report, not at
 * every redraw (a logarithm for each of an hour's 360,000 frames, at every scroll and zoom).
 */
function semitonesOf(f0Hz: readonly number[], reference: number): Float64Array {
  const cached = semitoneCache.get(f0Hz);
  if (cached && cached.reference === reference) return cached.semitones;
  const semitones = new Float64Array(f0Hz.length);
  for (let i = 0; i < f0Hz.length; i++) semitones[i] = f0Hz[i] > 0 ? 12 * Math.log2(f0Hz[i] / reference) : Number.NaN;
  semitoneCache.set(f0Hz, { reference, semitones });
  return semitones;
}

/** Draws the lane: grid lines at the ticks, then one line per speaker, broken where NaN. */
export function drawLane(
  ctx: CanvasRenderingContext2D,
  kind: LaneKind,
  speakers: readonly { role: SpeakerRole; speaker: Speaker }[],
  view: LaneView,
): void {
  const { width, height, pixelRatio } = view;
  const range = LANE_RANGES[kind];
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const y = (value: number): number => {
    const clamped = Math.min(range.max, Math.max(range.min, value));
    return height - 4 - ((clamped - range.min) / (range.max - range.min)) * (height - 8);
  };

  ctx.lineWidth = 1;
  ctx.strokeStyle = '#dfe3e8';
  ctx.setLineDash([]);
  for (const tick of range.ticks) {
    ctx.beginPath();
    ctx.moveTo(0, Math.round(y(tick)) + 0.5);
    ctx.lineTo(width, Math.round(y(tick)) + 0.5);
    ctx.stroke();
  }

  ctx.lineWidth = 1.75;
  ctx.lineJoin = 'round';
  for (const { role, speaker } of speakers) {
    const columns = laneColumns(speaker, kind, view);
    ctx.strokeStyle = SPEAKER_COLORS[role].line;
    ctx.setLineDash(SPEAKER_DASH[role]);
    ctx.beginPath();
    let drawing = false;
    for (let x = 0; x < columns.length; x++) {
      const value = columns[x];
      if (Number.isNaN(value)) {
        drawing = false;
        continue;
      }
      if (drawing) ctx.lineTo(x + 0.5, y(value));
      else ctx.moveTo(x + 0.5, y(value));
      drawing = true;
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);

  // Tick labels last, on a light backing so lines never hide them.
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of range.ticks) {
    const label = kind === 'pitch' && tick > 0 ? `+${tick}` : tick < 0 ? `−${-tick}` : String(tick);
    const ty = Math.min(height - 6, Math.max(6, y(tick)));
    const textWidth = ctx.measureText(label).width;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
    ctx.fillRect(width - textWidth - 6, ty - 6, textWidth + 4, 12);
    ctx.fillStyle = '#4d5666';
    ctx.fillText(label, width - 3, ty);
  }
}
