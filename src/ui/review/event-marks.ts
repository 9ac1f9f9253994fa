/**
 * The report's events drawn over the waveform: one layer of absolutely positioned marks, each with
 * its label, placed in percent of the recording. Zoom and scroll stretch and move the layer with
 * the waveform, so they need no work per mark.
 *
 * This replaces wavesurfer's regions plugin, which reads the page's layout for every region it
 * adds and again on every scroll and zoom: after each region's insertion, so every read forced a
 * layout of all the regions before it. The thousands of events of an hour-long call blocked the
 * page for seconds. Here the marks go in a few hundred per frame without reading anything, and
 * stacking the labels reads only a handful of widths (one per distinct label text) and the layer's
 * size.
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
/** Marks added per frame (see show). */
const MARKS_PER_FRAME = 250;

export class EventMarks {
  /** Goes in wavesurfer's wrapper (the element that is as wide as the whole recording). */
  readonly layer: HTMLDivElement;
  private marks: HTMLElement[] = [];
  private labels: HTMLElement[] = [];
  private events: readonly MarkedEvent[] = [];
  private channels = 1;
  /** Seconds the layer spans. */
  private duration = 1;
  private selected = -1;
  /** Bumped by every `show`, so the slices of an earlier one stop. */
  private build = 0;

  /** `onActivate(index)` runs when a mark is clicked; the click goes no further (no seek). */
  constructor(onActivate: (index: number) => void) {
    this.layer = document.createElement('div');
    this.layer.setAttribute('part', 'regions-container');
    // Contained: layout elsewhere in the waveform (the timeline's ticks) never lays out the marks.
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
   * Replaces the marks with `events` over a recording of `duration` seconds in `channels` rows, a
   * slice per frame so no frame has to style and lay out thousands of new marks; `done` runs once
   * all are in.
   */
  show(events: readonly MarkedEvent[], duration: number, channels: number, done: () => void = () => {}): void {
    const build = ++this.build;
    this.events = events;
    this.channels = Math.max(1, channels);
    this.duration = duration;
    this.selected = -1;
    this.marks = [];
    this.labels = [];
    this.layer.replaceChildren();
    const addSlice = (): void => {
      if (build !== this.build) return;
      const fragment = document.createDocumentFragment();
      const to = Math.min(events.length, this.marks.length + MARKS_PER_FRAME);
      for (let index = this.marks.length; index < to; index++) fragment.appendChild(this.markFor(events[index], index));
      this.layer.appendChild(fragment);
      if (to < events.length) requestAnimationFrame(addSlice);
      else done();
    };
    addSlice();
  }

  private markFor(event: MarkedEvent, index: number): HTMLElement {
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
    this.marks.push(mark);
    this.labels.push(label);
    return mark;
  }

  /** New label texts (another language), one per event in the order given to `show`. */
  relabel(labels: readonly string[]): void {
    for (const [index, label] of this.labels.entries()) label.textContent = labels[index] ?? '';
    // Marks still to come in (see show) get the new text too.
    this.events = this.events.map((event, index) => ({ ...event, label: labels[index] ?? '' }));
  }

  /** Outlines mark `index` in its event's colour (`-1`: none). */
  select(index: number): void {
    for (const previous of [this.selected, index]) {
      const mark = this.marks[previous];
      if (!mark) continue;
      const selected = previous === index;
      mark.style.outline = selected ? `2px solid ${this.events[previous].color}` : '';
      mark.style.zIndex = selected ? '3' : '';
      mark.toggleAttribute('data-selected', selected);
    }
    this.selected = index;
  }

  /**
   * Puts labels that would overlap on rows below each other, per channel row, at the current
   * zoom; labels beyond the rows that fit in their channel are hidden until zooming in gives them
   * room. Positions come from the times, widths from one measured label per distinct text: no
   * per-label layout read, so this stays cheap for thousands of events.
   */
  stack(): void {
    if (this.labels.length === 0) return;
    const widthOf = new Map<string, number>();
    let labelHeight = 0;
    for (const label of this.labels) {
      const text = label.textContent ?? '';
      if (widthOf.has(text)) continue;
      widthOf.set(text, label.offsetWidth);
      labelHeight ||= label.offsetHeight;
    }
    const layerWidth = this.layer.clientWidth;
    const rowsThatFit = Math.max(1, Math.floor(this.layer.clientHeight / this.channels / (labelHeight + LABEL_GAP)));
    const duration = this.duration;
    const order = this.labels.map((_, index) => index).sort((a, b) => this.events[a].start - this.events[b].start);
    const levelEndsByChannel = new Map<number, number[]>();
    for (const index of order) {
      const event = this.events[index];
      const label = this.labels[index];
      const left = (event.start / duration) * layerWidth;
      const levelEnds = levelEndsByChannel.get(event.channel) ?? [];
      levelEndsByChannel.set(event.channel, levelEnds);
      let level = levelEnds.findIndex((end) => left > end + LABEL_GAP);
      if (level < 0) level = levelEnds.push(0) - 1;
      levelEnds[level] = left + (widthOf.get(label.textContent ?? '') ?? 0);
      const marginTop = `${level * (labelHeight + LABEL_GAP)}px`;
      if (label.style.marginTop !== marginTop) label.style.marginTop = marginTop;
      const visibility = level < rowsThatFit ? '' : 'hidden';
      if (label.style.visibility !== visibility) label.style.visibility = visibility;
    }
  }
}
