/**
 * The report's events drawn over the waveform, in one of two ways depending on how dense they are
 * in the view:
 *
 * - Sparse (zoomed in): absolutely positioned marks, each with its label, placed in percent of the
 *   recording, so scrolling moves them with the waveform at no cost per mark. Only the marks that
 *   overlap the visible range (plus half a view either side) are in the DOM, put in at most once a
 *   frame for the view given to `view()`.
 * - Dense (more than MAX_DOM_MARKS_IN_VIEW in view, or closer together than MIN_DOM_SPACING_PX on
 *   average): one canvas over the same range, a translucent box per event in its channel's row
 *   with a strip in the event type's colour along the top, and no labels (at that density they
 *   would not fit anyway). An hour-long call near "fit" has thousands of events in view; as
 *   elements every zoom step laid out and painted every one of them again (0.4–0.8 s). A canvas
 *   costs a few milliseconds per redraw whatever the count. A click on it is hit-tested by time
 *   and row and selects the event under the pointer; hovering shows its label as the title.
 *
 * This replaced wavesurfer's regions plugin, which read the page's layout for every region it
 * added and again on every scroll and zoom.
 *
 * Keyboard users: the marks are for the pointer and have never been tab stops. Thousands of tab
 * stops across an hour would be a trap, and marks outside the view are not in the DOM at all, so
 * tabbing could not reach them in order. Every moment is reachable, in order, in two ways that do
 * not depend on the view: the event list beside the waveform has a button per event, and on the
 * focused waveform ArrowLeft/ArrowRight step to the previous/next event, scrolling the view to it
 * (which brings its mark into the DOM when zoomed in) and Space plays from there.
 */
import { formatClock } from '../format.ts';

export interface MarkedEvent {
  start: number;
  end: number;
  /** Row of the waveform it belongs to (`-1`: all rows). */
  channel: number;
  /** The event type, on the mark as `data-event-type`. */
  type: string;
  label: string;
  /** Fill of the mark and colour of the label's edge (and of the outline when selected). */
  fill: string;
  color: string;
}

/** Space between labels side by side and between stacked rows, in pixels. */
const LABEL_GAP = 2;
/** Marks stay this wide however far out the view is zoomed, so short events can be seen and clicked. */
const MIN_MARK_PX = 2;
/**
 * Marks put in per frame: a view may have up to MAX_DOM_MARKS_IN_VIEW marks plus its margins, and
 * styling and laying out hundreds of new marks in one frame would block the page.
 */
const MARKS_PER_FRAME = 250;
/**
 * Marks are kept this many view widths beyond each edge: a scroll is shown by the compositor
 * before the next frame's update, and a quick one would otherwise uncover empty waveform.
 */
const MARGIN_VIEWS = 0.5;
/**
 * More events than this in view and they are drawn on the canvas. With the margins that is up to
 * about three times as many marks in the page, which a zoom step lays out in well under 100 ms on
 * a busy two-core machine (a step with 4,500 marks took 0.4–0.8 s). At 200 marks in a view about
 * 1,000 px wide they stand 5 px apart on average, where a label (40–80 px) rarely finds room, so
 * the elements would bring little over the canvas. For the hour-long test call (4,500 events) the
 * switch comes at about 22× zoom.
 */
const MAX_DOM_MARKS_IN_VIEW = 200;
/**
 * Closer together than this on average (per row, in a narrow view) and the marks are drawn on
 * the canvas too: a few pixels apart they can be told apart by colour, not by label or click.
 */
const MIN_DOM_SPACING_PX = 5;
/** Height of the strip in the event type's colour along the top of each canvas mark, px. */
const STRIP_PX = 4;
/** A canvas mark is hit this far beyond its drawn edges, px. */
const HIT_SLOP_PX = 2;
/** The canvas is never wider than this many device pixels (the drawing is scaled to fit). */
const MAX_CANVAS_PX = 16_384;

export class EventMarks {
  /** Goes in wavesurfer's wrapper (the element that is as wide as the whole recording). */
  readonly layer: HTMLDivElement;
  /**
   * The dense view's drawing (see the module's comment); hidden while the marks are elements.
   * Carries, for tests and tools, `data-from`/`data-to` (the range drawn, s) and `data-drawn`
   * (how many events were drawn).
   */
  readonly canvas: HTMLCanvasElement;
  /** Holds the marks (elements), in event order. */
  private readonly markLayer: HTMLDivElement;
  private readonly onActivate: (index: number) => void;
  /** Listeners on the waveform's wrapper (clicks and hovers over the canvas), removed on clear. */
  private wrapperListeners: AbortController | null = null;
  private wrapper: HTMLElement | null = null;
  private events: readonly MarkedEvent[] = [];
  /** Made on first need and kept (in or out of the layer), by event index. */
  private elements: (HTMLElement | undefined)[] = [];
  /** Event indices by start time, and those start times. */
  private byStart = new Uint32Array(0);
  private starts = new Float64Array(0);
  /** The longest event, s: how far before the view a mark may start and still reach into it. */
  private longest = 0;
  private channels = 1;
  /** Seconds the layer spans. */
  private duration = 1;
  private selected = -1;
  /** The visible range (s) and the layer's width (px) last given to `view`. */
  private viewStart = 0;
  private viewEnd = 0;
  private layerWidth = 0;
  /** Label widths by text, the label height and the layer's height, px (see measure). */
  private widthOf = new Map<string, number>();
  private labelHeight = 0;
  private layerHeight = 0;
  /** Stacking row of each event's label (`-1`: hidden), for `levelsWidth` px of layer. */
  private levels = new Int16Array(0);
  private levelsWidth = -1;
  private frame = 0;
  /** Whether the marks are drawn on the canvas (dense) rather than as elements. */
  private dense = false;
  /** The range the canvas shows (s) and the layer width it was drawn for; `canvasWidth` -1: redraw. */
  private canvasFrom = 0;
  private canvasTo = 0;
  private canvasWidth = -1;
  /** The pointer's last position over the wrapper, hit-tested for the title once a frame. */
  private hoverX = 0;
  private hoverY = 0;
  private hoverFrame = 0;
  private hovered = -1;

  /** `onActivate(index)` runs when a mark is clicked; the click goes no further (no seek). */
  constructor(onActivate: (index: number) => void) {
    this.onActivate = onActivate;
    this.layer = document.createElement('div');
    this.layer.setAttribute('part', 'regions-container');
    // Contained: layout elsewhere in the waveform never lays out the marks, nor they it.
    Object.assign(this.layer.style, { position: 'absolute', inset: '0', zIndex: '5', pointerEvents: 'none', contain: 'strict' });
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('part', 'event-canvas');
    // The same moments are in the event list, as buttons in order, and the waveform's arrow keys.
    this.canvas.setAttribute('aria-hidden', 'true');
    // Never hit: the waveform under it keeps its clicks and drags (see attach for the marks').
    Object.assign(this.canvas.style, { position: 'absolute', top: '0', height: '100%', display: 'none', pointerEvents: 'none' });
    this.markLayer = document.createElement('div');
    Object.assign(this.markLayer.style, { position: 'absolute', inset: '0', pointerEvents: 'none', contain: 'strict' });
    this.layer.append(this.canvas, this.markLayer);
    this.layer.addEventListener('click', (event) => {
      const mark = (event.target as Element | null)?.closest<HTMLElement>('[data-index]');
      if (!mark) return;
      // The waveform would seek to the click; playing the event does that.
      event.stopPropagation();
      onActivate(Number(mark.dataset.index));
    });
  }

  /**
   * Puts the layer into wavesurfer's `wrapper`, and listens there for clicks and hovers over the
   * canvas: the canvas is never hit itself (the waveform's own clicks and drags pass through to
   * the wrapper), so a click is caught on its way down to the waveform and taken when an event is
   * drawn under the pointer. A drag never ends in a click there (wavesurfer stops it).
   */
  attach(wrapper: HTMLElement): void {
    this.wrapperListeners?.abort();
    this.wrapperListeners = new AbortController();
    const { signal } = this.wrapperListeners;
    this.wrapper = wrapper;
    wrapper.appendChild(this.layer);
    wrapper.addEventListener(
      'click',
      (event) => {
        if (!this.dense) return;
        const index = this.hitAt(event.clientX, event.clientY);
        if (index < 0) return;
        // The waveform's click (a seek) never runs: it listens on the wrapper too, and the
        // wrapper is the click's target (nothing over it is hit), where stopping propagation
        // alone would not stop a listener on the same element.
        event.stopImmediatePropagation();
        this.onActivate(index);
      },
      { capture: true, signal },
    );
    wrapper.addEventListener(
      'pointermove',
      (event) => {
        if (!this.dense && this.hovered < 0) return;
        this.hoverX = event.clientX;
        this.hoverY = event.clientY;
        this.hoverFrame ||= requestAnimationFrame(() => {
          this.hoverFrame = 0;
          this.hover(this.dense ? this.hitAt(this.hoverX, this.hoverY) : -1);
        });
      },
      { signal },
    );
    wrapper.addEventListener('pointerleave', () => this.hover(-1), { signal });
  }

  /**
   * Replaces the marks with `events` over a recording of `duration` seconds in `channels` rows.
   * They appear at the next frame, for the range last given to `view`.
   */
  show(events: readonly MarkedEvent[], duration: number, channels: number): void {
    this.events = events;
    this.channels = Math.max(1, channels);
    this.duration = duration;
    this.selected = -1;
    this.elements = [];
    this.markLayer.replaceChildren();
    this.byStart = Uint32Array.from(events.keys()).sort((a, b) => events[a].start - events[b].start);
    this.starts = Float64Array.from(this.byStart, (index) => events[index].start);
    this.longest = events.reduce((longest, event) => Math.max(longest, event.end - event.start), 0);
    this.widthOf.clear();
    this.levels = new Int16Array(events.length);
    this.levelsWidth = -1;
    this.canvasWidth = -1;
    this.layerHeight = 0;
    this.hover(-1);
    this.schedule();
  }

  /** Takes every mark out and forgets the view (the waveform is gone). */
  clear(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.hoverFrame) cancelAnimationFrame(this.hoverFrame);
    this.frame = this.hoverFrame = 0;
    this.wrapperListeners?.abort();
    this.wrapperListeners = null;
    this.hover(-1);
    this.wrapper = null;
    this.viewStart = this.viewEnd = this.layerWidth = 0;
    this.setDense(false);
    this.show([], 1, 1);
  }

  /**
   * The waveform shows `start`–`end` s and the layer is `layerWidth` px wide: the marks for that
   * range are put in, and the labels restacked for a new width, at the next frame, once.
   */
  view(start: number, end: number, layerWidth: number): void {
    this.viewStart = start;
    this.viewEnd = end;
    this.layerWidth = layerWidth;
    this.schedule();
  }

  /** New label texts (another language), one per event in the order given to `show`. */
  relabel(labels: readonly string[]): void {
    this.events = this.events.map((event, index) => ({ ...event, label: labels[index] ?? '' }));
    for (const [index, mark] of this.elements.entries()) {
      const label = mark?.firstElementChild;
      if (label) label.textContent = this.events[index].label;
    }
    // Other texts, other widths: measured and stacked again.
    this.widthOf.clear();
    this.levelsWidth = -1;
    const hovered = this.hovered;
    this.hover(-1);
    this.hover(hovered);
    this.schedule();
  }

  /** Outlines mark `index` in its event's colour (`-1`: none); a mark put in later comes outlined. */
  select(index: number): void {
    const previous = this.selected;
    this.selected = index;
    for (const i of [previous, index]) {
      const mark = this.elements[i];
      if (mark) this.styleSelection(mark, i);
    }
    if (this.dense && previous !== index) {
      this.canvasWidth = -1;
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  /** Brings the layer in line with the view: the canvas drawn, or the marks in range put in. */
  private update(): void {
    const span = this.viewEnd - this.viewStart;
    // No events (any more): nothing is left drawn.
    if (this.events.length === 0) this.setDense(false);
    if (this.events.length === 0 || !(span > 0) || !(this.layerWidth > 0)) return;
    const viewPx = span * this.pxPerSec();
    const inView = this.countIn(this.viewStart, this.viewEnd);
    this.setDense(inView > Math.min(MAX_DOM_MARKS_IN_VIEW, (this.channels * viewPx) / MIN_DOM_SPACING_PX));
    if (this.dense) this.drawCanvas();
    else this.updateMarks();
  }

  /** Switches between the canvas and the elements; the other one is emptied. */
  private setDense(dense: boolean): void {
    if (dense === this.dense) return;
    this.dense = dense;
    this.canvas.style.display = dense ? 'block' : 'none';
    if (dense) {
      this.markLayer.replaceChildren();
    } else {
      // Free its pixels; drawn again from scratch when next needed.
      this.canvas.width = this.canvas.height = 0;
      this.canvasWidth = -1;
      this.hover(-1);
    }
  }

  /** The marks in range as elements, in event order, their labels stacked. */
  private updateMarks(): void {
    const span = this.viewEnd - this.viewStart;
    const margin = span * MARGIN_VIEWS;
    const wanted = this.indicesIn(this.viewStart - margin, this.viewEnd + margin);
    const restacked = this.levelsWidth !== this.layerWidth;
    if (restacked) this.restack();

    // Merge the wanted marks into the layer's children, both in event order: marks that stay are
    // not touched, so their layout and paint can be kept.
    let added = 0;
    let shown = 0;
    let child = this.markLayer.firstElementChild as HTMLElement | null;
    for (const index of wanted) {
      while (child && Number(child.dataset.index) < index) {
        const next = child.nextElementSibling as HTMLElement | null;
        child.remove();
        child = next;
      }
      if (child && Number(child.dataset.index) === index) {
        if (restacked) this.placeLabel(index);
        shown++;
        child = child.nextElementSibling as HTMLElement | null;
        continue;
      }
      if (added >= MARKS_PER_FRAME) continue;
      const mark = this.markFor(index);
      this.placeLabel(index);
      this.markLayer.insertBefore(mark, child);
      shown++;
      added++;
    }
    while (child) {
      const next = child.nextElementSibling as HTMLElement | null;
      child.remove();
      child = next;
    }
    // The rest of a wide view comes in over the next frames.
    if (shown < wanted.length) this.schedule();
  }

  /**
   * Draws the marks of the view and half a view either side on the canvas, which is placed over
   * that range in percent of the recording (so a zoom stretches it into place until it is drawn
   * again). Not drawn again while a scroll stays well inside the range drawn.
   */
  private drawCanvas(): void {
    const span = this.viewEnd - this.viewStart;
    const margin = span * MARGIN_VIEWS;
    const inside = this.viewStart - margin / 2 >= this.canvasFrom || this.canvasFrom <= 0;
    const insideEnd = this.viewEnd + margin / 2 <= this.canvasTo || this.canvasTo >= this.duration;
    if (this.canvasWidth === this.layerWidth && inside && insideEnd) return;
    const height = this.layerHeight || (this.layerHeight = this.layer.clientHeight);
    // Not laid out yet (the waveform hidden): tried again at the next change.
    if (height <= 0) return;
    const from = Math.max(0, this.viewStart - margin);
    const to = Math.min(this.duration, this.viewEnd + margin);
    const pxPerSec = this.pxPerSec();
    const width = (to - from) * pxPerSec;
    const ratio = window.devicePixelRatio || 1;
    const pixelWidth = Math.max(1, Math.min(MAX_CANVAS_PX, Math.round(width * ratio)));
    const pixelHeight = Math.max(1, Math.round(height * ratio));
    const canvas = this.canvas;
    canvas.style.left = `${(100 * from) / this.duration}%`;
    canvas.style.width = `${(100 * (to - from)) / this.duration}%`;
    // Resizing clears it anyway; unchanged, it is cleared below.
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(pixelWidth / Math.max(width, 1e-9), 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);

    // One path per colour, filled once: thousands of boxes cost a few fills, not a fill each, and
    // overlapping boxes of one type do not darken each other.
    const boxes = new Map<string, Path2D>();
    const strips = new Map<string, Path2D>();
    const rowHeight = height / this.channels;
    const minSpan = MIN_MARK_PX / pxPerSec;
    let drawn = 0;
    this.eachMarkIn(from, to, minSpan, (_, event, end) => {
      const x = (event.start - from) * pxPerSec;
      const w = (end - event.start) * pxPerSec;
      const row = this.rowOf(event);
      const y = row >= 0 ? rowHeight * row : 0;
      let box = boxes.get(event.fill);
      if (!box) boxes.set(event.fill, (box = new Path2D()));
      box.rect(x, y, w, row >= 0 ? rowHeight : height);
      let strip = strips.get(event.color);
      if (!strip) strips.set(event.color, (strip = new Path2D()));
      strip.rect(x, y, w, STRIP_PX);
      drawn++;
    });
    for (const [fill, path] of boxes) {
      ctx.fillStyle = fill;
      ctx.fill(path);
    }
    for (const [color, path] of strips) {
      ctx.fillStyle = color;
      ctx.fill(path);
    }
    const selected = this.events[this.selected];
    if (selected && selected.start < to && Math.max(selected.end, selected.start + minSpan) > from) {
      const row = this.rowOf(selected);
      ctx.strokeStyle = selected.color;
      ctx.lineWidth = 2;
      ctx.strokeRect(
        (selected.start - from) * pxPerSec - 1,
        (row >= 0 ? rowHeight * row : 0) + 1,
        Math.max(selected.end - selected.start, minSpan) * pxPerSec + 2,
        (row >= 0 ? rowHeight : height) - 2,
      );
    }
    this.canvasFrom = from;
    this.canvasTo = to;
    this.canvasWidth = this.layerWidth;
    canvas.dataset.from = from.toFixed(3);
    canvas.dataset.to = to.toFixed(3);
    canvas.dataset.drawn = String(drawn);
  }

  /**
   * The event drawn under the pointer at `clientX`/`clientY` on the canvas (`-1`: none): in the
   * pointer's row (or spanning all rows), whose box is nearest the pointer's time, within a couple
   * of pixels; of boxes that all cover it (zoomed out they overlap), the one that starts last.
   */
  private hitAt(clientX: number, clientY: number): number {
    const box = this.layer.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0 || this.events.length === 0) return -1;
    const time = ((clientX - box.left) / box.width) * this.duration;
    const row = Math.floor(((clientY - box.top) / box.height) * this.channels);
    const pxPerSec = box.width / this.duration;
    const minSpan = MIN_MARK_PX / pxPerSec;
    const slop = HIT_SLOP_PX / pxPerSec;
    let best = -1;
    let bestDistance = Infinity;
    // A hair wider than the slop either way: a mark just `slop` away is still a hit.
    this.eachMarkIn(time - slop - 1e-9, time + slop + 1e-9, minSpan, (index, event, end) => {
      const eventRow = this.rowOf(event);
      if (eventRow >= 0 && eventRow !== row) return;
      const distance = time < event.start ? event.start - time : time > end ? time - end : 0;
      if (distance <= slop && distance <= bestDistance) {
        best = index;
        bestDistance = distance;
      }
    });
    return best;
  }

  /** Shows event `index`'s label and time as the waveform's title, with a pointer (`-1`: none). */
  private hover(index: number): void {
    if (index === this.hovered) return;
    this.hovered = index;
    const wrapper = this.wrapper;
    if (!wrapper) return;
    const event = this.events[index];
    if (event) {
      wrapper.title = `${event.label} ${formatClock(event.start)}`;
      wrapper.style.cursor = 'pointer';
    } else {
      wrapper.removeAttribute('title');
      wrapper.style.cursor = '';
    }
  }

  /** How many events' marks overlap `from`–`to` s. */
  private countIn(from: number, to: number): number {
    let count = 0;
    this.eachMarkIn(from, to, MIN_MARK_PX / this.pxPerSec(), () => count++);
    return count;
  }

  /** Event indices, ascending, whose mark overlaps `from`–`to` s. */
  private indicesIn(from: number, to: number): Uint32Array {
    const found: number[] = [];
    this.eachMarkIn(from, to, MIN_MARK_PX / this.pxPerSec(), (index) => found.push(index));
    return Uint32Array.from(found).sort();
  }

  /**
   * Calls `visit` for every event whose mark (at least `minSpan` s long) overlaps `from`–`to` s,
   * in order of start, with the mark's end: the one scan behind drawing, counting, listing and
   * hit-testing marks.
   */
  private eachMarkIn(from: number, to: number, minSpan: number, visit: (index: number, event: MarkedEvent, end: number) => void): void {
    // The first start at or after from − longest: no earlier event reaches `from`.
    const first = lowerBound(this.starts, from - this.longest - minSpan);
    const last = lowerBound(this.starts, to);
    for (let i = first; i < last; i++) {
      const index = this.byStart[i];
      const event = this.events[index];
      const end = Math.max(event.end, event.start + minSpan);
      if (end > from) visit(index, event, end);
    }
  }

  /** The row an event's mark is drawn in, or -1 when it spans all rows (no channel of its own). */
  private rowOf(event: MarkedEvent): number {
    return event.channel >= 0 && event.channel < this.channels ? event.channel : -1;
  }

  private pxPerSec(): number {
    return this.layerWidth / this.duration;
  }

  private markFor(index: number): HTMLElement {
    const existing = this.elements[index];
    if (existing) return existing;
    const event = this.events[index];
    const rowHeight = 100 / this.channels;
    const row = this.rowOf(event);
    const mark = document.createElement('div');
    mark.setAttribute('part', `region event-${index}`);
    mark.dataset.index = String(index);
    mark.dataset.eventType = event.type;
    mark.style.cssText =
      `position:absolute;box-sizing:border-box;border-radius:2px;pointer-events:all;min-width:${MIN_MARK_PX}px;` +
      `top:${row >= 0 ? rowHeight * row : 0}%;height:${row >= 0 ? rowHeight : 100}%;` +
      `left:${(100 * event.start) / this.duration}%;right:${(100 * Math.max(0, this.duration - event.end)) / this.duration}%;` +
      `background-color:${event.fill}`;
    const label = document.createElement('span');
    label.setAttribute('part', 'region-content');
    label.textContent = event.label;
    label.style.borderLeft = `3px solid ${event.color}`;
    mark.appendChild(label);
    this.styleSelection(mark, index);
    this.elements[index] = mark;
    return mark;
  }

  private styleSelection(mark: HTMLElement, index: number): void {
    const selected = index === this.selected;
    mark.style.outline = selected ? `2px solid ${this.events[index].color}` : '';
    mark.style.zIndex = selected ? '3' : '';
    mark.toggleAttribute('data-selected', selected);
  }

  /** Puts event `index`'s label on its stacking row, or hides it when no row in its channel is free. */
  private placeLabel(index: number): void {
    const label = this.elements[index]?.firstElementChild as HTMLElement | null | undefined;
    if (!label) return;
    const level = this.levels[index];
    const marginTop = `${Math.max(0, level) * (this.labelHeight + LABEL_GAP)}px`;
    if (label.style.marginTop !== marginTop) label.style.marginTop = marginTop;
    // A block, so the stacking margin moves it by exactly that much; a label that fits no row is
    // not shown at all rather than invisible: zoomed out that is most of them, and laying out
    // thousands of unseen texts at every zoom step would cost as much as the marks.
    const display = level >= 0 ? 'block' : 'none';
    if (label.style.display !== display) label.style.display = display;
  }

  /**
   * Stacks the labels for the current layer width: a label that would overlap the one before it
   * goes on a row below, per channel row; labels beyond the rows that fit in their channel are
   * hidden until zooming in gives them room. Computed for every event, not only those in view, so
   * a label keeps its row while the view scrolls; it is arithmetic on the times and one measured
   * width per distinct label text, no layout per label, and a label that fits no row is not kept
   * (rows are taken first-fit, so one hidden label could only ever block other hidden ones).
   */
  private restack(): void {
    this.measure();
    const rowsThatFit = Math.max(1, Math.floor(this.layerHeight / this.channels / (this.labelHeight + LABEL_GAP)));
    const pxPerSec = this.pxPerSec();
    const rowEndsByChannel = new Map<number, number[]>();
    for (const index of this.byStart) {
      const event = this.events[index];
      const left = event.start * pxPerSec;
      let rowEnds = rowEndsByChannel.get(event.channel);
      if (!rowEnds) rowEndsByChannel.set(event.channel, (rowEnds = []));
      let level = rowEnds.findIndex((end) => left > end + LABEL_GAP);
      if (level < 0 && rowEnds.length < rowsThatFit) level = rowEnds.push(0) - 1;
      if (level >= 0) rowEnds[level] = left + (this.widthOf.get(event.label) ?? 0);
      this.levels[index] = level;
    }
    // Measured with the layer out of sight (its sizes 0): stacked again once it shows.
    this.levelsWidth = this.labelHeight > 0 ? this.layerWidth : -1;
  }

  /**
   * Measures each distinct label text once (and the layer's height): one label per text, put in
   * the layer and taken out again in the same task, one layout for all of them.
   */
  private measure(): void {
    const texts = [...new Set(this.events.map((event) => event.label))].filter((text) => !this.widthOf.has(text));
    if (texts.length === 0 && this.labelHeight > 0) return;
    const probes = (texts.length > 0 ? texts : [this.events[0].label]).map((text) => {
      const probe = document.createElement('span');
      probe.setAttribute('part', 'region-content');
      probe.textContent = text;
      // Like a real label (with its edge), out of sight and never hit.
      probe.style.cssText = 'display:block;position:absolute;left:0;top:0;visibility:hidden;border-left:3px solid';
      return probe;
    });
    this.markLayer.append(...probes);
    for (const probe of probes) {
      const width = probe.offsetWidth;
      // Not laid out (the layer hidden): measured again next time.
      if (width > 0) this.widthOf.set(probe.textContent ?? '', width);
      this.labelHeight ||= probe.offsetHeight;
    }
    this.layerHeight = this.layer.clientHeight;
    for (const probe of probes) probe.remove();
  }
}

/** The first position in ascending `values` whose value is at least `value`. */
function lowerBound(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
