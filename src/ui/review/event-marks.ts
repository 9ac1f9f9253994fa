/**
 * The report's events drawn over the waveform: one layer of absolutely positioned marks, each with
 * its label, placed in percent of the recording, so scrolling moves them with the waveform at no
 * cost per mark.
 *
 * Only the marks that overlap the visible range (plus half a view either side) are in the DOM.
 * An hour-long call has thousands of events; with all of them in the layer (as wide as the whole
 * recording) every zoom laid out, painted and hit-tested every mark again, which stalled each zoom
 * step for up to seconds. Now a zoom step costs what is on screen. The layer follows the view
 * given to `view()` (the range the waveform computes once per change), at most once a frame.
 *
 * This replaced wavesurfer's regions plugin, which read the page's layout for every region it
 * added and again on every scroll and zoom.
 *
 * Keyboard users: the marks are for the pointer and have never been tab stops. Thousands of tab
 * stops across an hour would be a trap, and marks outside the view are not in the DOM at all, so
 * tabbing could not reach them in order. Every moment is reachable, in order, in two ways that do
 * not depend on the view: the event list beside the waveform has a button per event, and on the
 * focused waveform ArrowLeft/ArrowRight step to the previous/next event, scrolling the view to it
 * (which brings its mark into the DOM) and Space plays from there.
 */

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
 * Marks put in per frame: at the widest view every event is visible, and styling and laying out
 * thousands of new marks in one frame would block the page.
 */
const MARKS_PER_FRAME = 250;
/**
 * Marks are kept this many view widths beyond each edge: a scroll is shown by the compositor
 * before the next frame's update, and a quick one would otherwise uncover empty waveform.
 */
const MARGIN_VIEWS = 0.5;

export class EventMarks {
  /** Goes in wavesurfer's wrapper (the element that is as wide as the whole recording). */
  readonly layer: HTMLDivElement;
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

  /** `onActivate(index)` runs when a mark is clicked; the click goes no further (no seek). */
  constructor(onActivate: (index: number) => void) {
    this.layer = document.createElement('div');
    this.layer.setAttribute('part', 'regions-container');
    // Contained: layout elsewhere in the waveform never lays out the marks, nor they it.
    Object.assign(this.layer.style, { position: 'absolute', inset: '0', zIndex: '5', pointerEvents: 'none', contain: 'strict' });
    this.layer.addEventListener('click', (event) => {
      const mark = (event.target as Element | null)?.closest<HTMLElement>('[data-index]');
      if (!mark) return;
      // The waveform would seek to the click; playing the event does that.
      event.stopPropagation();
      onActivate(Number(mark.dataset.index));
    });
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
    this.layer.replaceChildren();
    this.byStart = Uint32Array.from(events.keys()).sort((a, b) => events[a].start - events[b].start);
    this.starts = Float64Array.from(this.byStart, (index) => events[index].start);
    this.longest = events.reduce((longest, event) => Math.max(longest, event.end - event.start), 0);
    this.widthOf.clear();
    this.levels = new Int16Array(events.length);
    this.levelsWidth = -1;
    this.schedule();
  }

  /** Takes every mark out and forgets the view (the waveform is gone). */
  clear(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.viewStart = this.viewEnd = this.layerWidth = 0;
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
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  /** Brings the layer in line with the view: the marks in range, in event order, their labels stacked. */
  private update(): void {
    const span = this.viewEnd - this.viewStart;
    if (this.events.length === 0 || !(span > 0) || !(this.layerWidth > 0)) return;
    const margin = span * MARGIN_VIEWS;
    const wanted = this.indicesIn(this.viewStart - margin, this.viewEnd + margin);
    const restacked = this.levelsWidth !== this.layerWidth;
    if (restacked) this.restack();

    // Merge the wanted marks into the layer's children, both in event order: marks that stay are
    // not touched, so their layout and paint can be kept.
    let added = 0;
    let shown = 0;
    let child = this.layer.firstElementChild as HTMLElement | null;
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
      this.layer.insertBefore(mark, child);
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

  /** Event indices, ascending, whose mark overlaps `from`–`to` s. */
  private indicesIn(from: number, to: number): Uint32Array {
    // The first start at or after from − longest: no earlier event reaches `from`.
    const first = lowerBound(this.starts, from - this.longest - MIN_MARK_PX / this.pxPerSec());
    const last = lowerBound(this.starts, to);
    const minSpan = MIN_MARK_PX / this.pxPerSec();
    const found: number[] = [];
    for (let i = first; i < last; i++) {
      const event = this.events[this.byStart[i]];
      if (Math.max(event.end, event.start + minSpan) > from) found.push(this.byStart[i]);
    }
    return Uint32Array.from(found).sort();
  }

  private pxPerSec(): number {
    return this.layerWidth / this.duration;
  }

  private markFor(index: number): HTMLElement {
    const existing = this.elements[index];
    if (existing) return existing;
    const event = this.events[index];
    const rowHeight = 100 / this.channels;
    const inRow = event.channel >= 0 && event.channel < this.channels;
    const mark = document.createElement('div');
    mark.setAttribute('part', `region event-${index}`);
    mark.dataset.index = String(index);
    mark.dataset.eventType = event.type;
    mark.style.cssText =
      `position:absolute;box-sizing:border-box;border-radius:2px;pointer-events:all;min-width:${MIN_MARK_PX}px;` +
      `top:${inRow ? rowHeight * event.channel : 0}%;height:${inRow ? rowHeight : 100}%;` +
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
    this.layer.append(...probes);
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
