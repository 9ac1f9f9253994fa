import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import WaveSurfer from 'wavesurfer.js';
import ZoomPlugin from 'wavesurfer.js/dist/plugins/zoom.js';
import type { ReportEvent, SpeakerRole } from '../../report/report-types.ts';
import { formatClock, formatNumber } from '../format.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { readPreference, writePreference } from '../shared/preferences.ts';
import { SPEAKER_COLORS } from '../shared/speaker-colors.ts';
import { baseStyles } from '../shared/styles.ts';
import { EventMarks, type MarkedEvent } from './event-marks.ts';
import { UNKNOWN_EVENT_COLOR, eventStyle } from './event-style.ts';
import { TIMELINE_HEIGHT, WaveformTimeline } from './waveform-timeline.ts';

export interface ViewRange {
  /** First and last second visible in the waveform's scroll area. */
  start: number;
  end: number;
}

/** The visible range and how wide the whole recording is drawn, px. */
interface ViewGeometry extends ViewRange {
  totalWidth: number;
}

/** Most pixels per second the zoom goes to: the waveform's peaks come at 200 per second. */
const MAX_PX_PER_SEC = 400;
/** Zoom slider positions: logarithmic, so each step magnifies by the same factor. */
const ZOOM_STEPS = 100;
const CHANNEL_HEIGHT = 88;
/** How long the waveform waits for wavesurfer's first resize report before loading anyway, ms. */
const LOAD_FALLBACK_MS = 400;
/**
 * Playback speeds on offer. Faster to get through a long call, slower to hear a hesitation; the
 * pitch is kept, since how the voice sounds is what a coach listens for.
 */
const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 2] as const;
const isPlaybackRate = (value: unknown): value is number => PLAYBACK_RATES.some((rate) => rate === value);

/**
 * The recording as a waveform (one lane per channel) with a timeline (see waveform-timeline.ts),
 * zoom, playback and the report's events as labelled regions (see event-marks.ts).
 *
 * @fires event-activate - CustomEvent<{ index: number }>: a region was clicked (index into `events`).
 * @fires view-change - CustomEvent<ViewRange>: the visible time range changed (zoom, scroll, resize).
 * @fires play-state - CustomEvent<{ playing: boolean }>
 * @csspart wave - the focusable waveform area.
 * @csspart toolbar - play button, time and zoom controls.
 * @csspart timeline - the time axis under the waveform.
 */
@customElement('luister-waveform')
export class LuisterWaveform extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }

      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
        margin-bottom: 0.5rem;
      }

      .time {
        font-variant-numeric: tabular-nums;
        min-width: 7.5rem;
      }

      .speed {
        display: flex;
        align-items: center;
        gap: 0.35rem;
        font-size: 0.9rem;
      }

      .zoom {
        display: flex;
        align-items: center;
        gap: 0.35rem;
        margin-left: auto;
      }

      .zoom button {
        min-width: 2.25rem;
        padding: 0.2rem 0.5rem;
      }

      .wave {
        position: relative;
        border: 1px solid var(--luister-border);
        border-radius: 6px;
        background: var(--luister-surface);
      }

      /* Outside wavesurfer's scroll area, so it spans the visible width and is drawn for it alone. */
      .timeline {
        height: ${TIMELINE_HEIGHT}px;
      }

      /* At the bottom of each channel's row: event labels take the top. */
      .channel-label {
        position: absolute;
        left: 0.35rem;
        z-index: 6;
        font-size: 0.75rem;
        font-weight: 600;
        padding: 0 0.35rem;
        border-radius: 4px;
        background: rgba(255, 255, 255, 0.9);
        pointer-events: none;
      }

      .hint {
        font-size: 0.85rem;
        color: var(--luister-muted);
        margin: 0.35rem 0 0;
      }

      /* Event labels live in wavesurfer's shadow root; it exports them as parts. */
      .surface > div::part(region-content) {
        /* No display here: it is inline, block or none (see EventMarks.placeLabel). */
        width: max-content;
        /* Zoomed in on a long event whose start has scrolled out of view, its label stays at the
           view's left edge for as long as the mark is in view: the compositor keeps it there, no
           script runs while scrolling. */
        position: sticky;
        left: 0;
        font-size: 0.72rem;
        font-weight: 600;
        line-height: 1.2;
        color: #1d2330;
        background: rgba(255, 255, 255, 0.92);
        border-radius: 3px;
        padding: 0 0.3em;
        white-space: nowrap;
        /* No margin here: a ::part rule outranks inline styles, and labels are stacked with an
           inline margin-top (see EventMarks.placeLabel). */
      }

      .surface > div::part(cursor) {
        width: 2px;
      }

      @media print {
        .toolbar,
        .hint {
          display: none;
        }
      }
    `,
  ];

  /** Peak magnitudes per channel (see peaksOf). */
  @property({ attribute: false }) peaks: Float32Array[] = [];
  @property({ type: Number }) duration = 0;
  /** The audio to play: an object URL of the file or of a WAV made from stored audio. */
  @property({ attribute: false }) mediaUrl = '';
  @property({ attribute: false }) events: readonly ReportEvent[] = [];
  /** Whose voice each channel carries, in channel order. */
  @property({ attribute: false }) channelRoles: readonly SpeakerRole[] = [];
  @property({ type: Number }) selectedIndex = -1;

  @state() private playing = false;
  @state() private currentTime = 0;
  @state() private zoomStep = 0;
  @state() private playbackRate = readPreference('playbackRate', isPlaybackRate) ?? 1;

  @query('.surface') private surface!: HTMLElement;
  @query('.timeline') private timelineSlot!: HTMLElement;

  private readonly i18n = new LocaleController(this);
  private wavesurfer: WaveSurfer | null = null;
  private readonly marks = new EventMarks((index) =>
    this.dispatchEvent(new CustomEvent('event-activate', { detail: { index }, bubbles: true, composed: true })),
  );
  /** The language the event labels are in; they are relabelled when it changes. */
  private labelledLocale = this.i18n.locale;
  /** A click or drag on the timeline seeks, as one on the waveform does. */
  private readonly timeline = new WaveformTimeline((time) => this.moveTo(time));
  /**
   * The pixels per second wavesurfer last zoomed to (0: fit). Mouse-wheel zoom (the zoom plugin)
   * lands between slider steps; the slider then shows the nearest step without zooming again.
   */
  private zoomedPxPerSec = 0;
  /** Bumped whenever the waveform is torn down, so a creation still scheduled is dropped. */
  private build = 0;

  /** Plays or pauses from the cursor. */
  togglePlay(): void {
    void this.wavesurfer?.playPause();
  }

  /** Plays one event's stretch of the recording and stops at its end. */
  playEvent(index: number): void {
    const event = this.events[index];
    if (!event || !this.wavesurfer) return;
    this.moveTo(event.start);
    void this.wavesurfer.play(undefined, Math.max(event.end, event.start + 0.1));
  }

  /** Plays from `time` on. */
  playFrom(time: number): void {
    if (!this.wavesurfer) return;
    this.moveTo(time);
    void this.wavesurfer.play();
  }

  /** Moves the cursor to `time` and scrolls it into view. */
  seek(time: number): void {
    const ws = this.wavesurfer;
    if (!ws) return;
    this.moveTo(time);
    const range = this.visibleRange();
    if (range && (time < range.start || time > range.end)) ws.setScrollTime(Math.max(0, time - (range.end - range.start) / 4));
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  /** Where the cursor is, s: where playback is, or where it was last put while paused. */
  get position(): number {
    return this.wavesurfer?.getCurrentTime() ?? 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyWaveSurfer();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a move: build the waveform again once rendered.
    if (this.hasUpdated && !this.wavesurfer) this.requestUpdate('peaks');
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('peaks') || changed.has('mediaUrl') || changed.has('duration') || changed.has('channelRoles')) {
      this.createWaveSurferAfterPaint();
    } else if (changed.has('events')) {
      this.addRegions();
    }
    if (changed.has('selectedIndex')) this.marks.select(this.selectedIndex);
    if (this.labelledLocale !== this.i18n.locale) this.relabelRegions();
    // Wavesurfer refuses to zoom before its audio is loaded; the load applies the zoom itself.
    if (changed.has('zoomStep') && this.wavesurfer?.getDuration() && !this.showsStep(this.zoomStep)) {
      this.wavesurfer.zoom(this.pxPerSecFor(this.zoomStep));
    }
  }

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const fit = this.zoomStep === 0;
    return html`
      <div class="toolbar" part="toolbar">
        <button class="primary" type="button" aria-pressed=${this.playing ? 'true' : 'false'} @click=${this.togglePlay}>
          ${this.playing ? t('waveform.pause') : t('waveform.play')}
        </button>
        <span class="time" aria-live="off">${formatClock(this.currentTime)} / ${formatClock(this.duration)}</span>
        <label class="speed">
          ${t('waveform.speed')}
          <select data-control="speed" @change=${this.onSpeed}>
            ${PLAYBACK_RATES.map(
              (rate) => html`<option value=${rate} ?selected=${rate === this.playbackRate}>${formatNumber(this.i18n.locale, rate, 2)}×</option>`,
            )}
          </select>
        </label>
        <div class="zoom" role="group" aria-label=${t('waveform.zoom')}>
          <button type="button" aria-label=${t('waveform.zoomOut')} ?disabled=${fit} @click=${() => this.stepZoom(-10)}>−</button>
          <input
            type="range"
            min="0"
            max=${ZOOM_STEPS}
            .value=${String(this.zoomStep)}
            aria-label=${t('waveform.zoom')}
            aria-valuetext=${fit ? t('waveform.zoomFit') : t('waveform.zoomLevel', { factor: this.zoomFactorText() })}
            @input=${(e: Event) => (this.zoomStep = Number((e.target as HTMLInputElement).value))}
          />
          <button type="button" aria-label=${t('waveform.zoomIn')} ?disabled=${this.zoomStep >= ZOOM_STEPS} @click=${() => this.stepZoom(10)}>+</button>
          <button type="button" ?disabled=${fit} @click=${() => (this.zoomStep = 0)}>${t('waveform.zoomFit')}</button>
        </div>
      </div>
      <div class="wave" part="wave" tabindex="0" role="group" aria-label=${t('waveform.label')} aria-describedby="wave-hint">
        ${this.channelRoles.map(
          (role, channel) => html`<span class="channel-label" style="top:${(channel + 1) * CHANNEL_HEIGHT - 20}px; color:${SPEAKER_COLORS[role].line}"
            >${t(role === 'agent' ? 'speaker.agent' : 'speaker.customer')}${this.channelRoles.length > 1
              ? html` (${t(channel === 0 ? 'channel.left' : 'channel.right')})`
              : nothing}</span
          >`,
        )}
        <div class="surface"></div>
        <div class="timeline" part="timeline"></div>
      </div>
      <p class="hint" id="wave-hint">${t('waveform.hint')}</p>
    `;
  }

  /**
   * Builds the waveform once the new view has been laid out and painted: wavesurfer reads the
   * layout as it builds, and in the task that rendered a review each read laid out the whole new
   * page (a long list, the report card), which blocked it for hundreds of ms.
   */
  private createWaveSurferAfterPaint(): void {
    this.destroyWaveSurfer();
    this.afterPaint(this.build, () => this.createWaveSurfer());
  }

  /**
   * Runs `step` in a task of its own once the page has been laid out and painted, unless the
   * waveform of `build` has been torn down (or this element taken out) by then.
   */
  private afterPaint(build: number, step: () => void): void {
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (build === this.build && this.isConnected) step();
      }, 0),
    );
  }

  private createWaveSurfer(): void {
    this.destroyWaveSurfer();
    if (!this.surface || this.peaks.length === 0 || !this.mediaUrl || !(this.duration > 0)) return;
    const ws = WaveSurfer.create({
      container: this.surface,
      height: CHANNEL_HEIGHT,
      splitChannels: this.channelRoles.map((role) => ({
        waveColor: SPEAKER_COLORS[role].wave,
        progressColor: SPEAKER_COLORS[role].progress,
      })),
      audioRate: this.playbackRate,
      cursorColor: '#1d2330',
      cursorWidth: 2,
      normalize: true,
      dragToSeek: true,
      autoScroll: true,
      plugins: [ZoomPlugin.create({ scale: 0.25, maxZoom: MAX_PX_PER_SEC, exponentialZooming: true })],
    });
    this.wavesurfer = ws;
    ws.on('play', () => this.setPlaying(true));
    ws.on('pause', () => this.setPlaying(false));
    ws.on('finish', () => this.setPlaying(false));
    ws.on('timeupdate', (time) => (this.currentTime = time));
    // Scroll, zoom and resize (a redraw) change the range the timeline and the marks show.
    ws.on('scroll', () => this.emitView());
    ws.on('redrawcomplete', () => this.emitView());
    ws.on('zoom', (pxPerSec) => {
      // Before the step: its update then sees that this zoom is already drawn (see showsStep).
      this.zoomedPxPerSec = pxPerSec;
      this.zoomStep = this.stepFor(pxPerSec);
      this.emitView();
    });
    this.marks.attach(ws.getWrapper());
    const build = this.build;
    // The build in three tasks (together they blocked the page for 140–230 ms on an hour-long
    // review): wavesurfer's elements; the load, which draws the waveform; after a paint, the
    // timeline, the view and the marks.
    //
    // The load waits for wavesurfer's first resize report (100 ms after its resize observer first
    // sees the container, then once a frame): wavesurfer draws again at a report of a width other
    // than the last one reported, and before the first that is 0. Loaded earlier, the waveform was
    // drawn and then drawn again at that report (65–140 ms more for an hour); loaded after it, a
    // later report (the rows growing as the waveform is drawn) finds the width unchanged. Without
    // a resize observer there is no report: the load goes ahead after a while.
    let loading = false;
    const load = (): void => {
      if (loading || build !== this.build) return;
      loading = true;
      clearTimeout(fallback);
      ws.load(this.mediaUrl, this.peaks, this.duration)
        .then(() =>
          this.afterPaint(build, () => {
            // Once the waveform is drawn: a canvas in this element then means a drawn waveform,
            // which is what waiting for a review looks for.
            this.timeline.attach(this.timelineSlot);
            // The view first: read before the marks go in, it costs no layout of them.
            this.emitView();
            this.addRegions();
          }),
        )
        .catch((error: unknown) => {
          // A newer load replaced this one: nothing to report.
          if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
        });
    };
    ws.once('resize', load);
    const fallback = setTimeout(load, LOAD_FALLBACK_MS);
  }

  private destroyWaveSurfer(): void {
    this.build++;
    this.wavesurfer?.destroy();
    this.wavesurfer = null;
    this.timeline.detach();
    this.marks.clear();
    this.playing = false;
    this.currentTime = 0;
    this.zoomStep = 0;
    this.zoomedPxPerSec = 0;
  }

  private addRegions(): void {
    const duration = this.wavesurfer?.getDuration();
    if (!duration) return;
    const multichannel = this.channelRoles.length > 1;
    const marked = this.events.map((event): MarkedEvent => {
      const style = eventStyle(event.type);
      return {
        start: event.start,
        end: Math.max(event.end, event.start + 0.02),
        channel: multichannel && event.speaker ? this.channelRoles.indexOf(event.speaker) : -1,
        type: event.type,
        label: this.labelOf(event),
        fill: style?.fill ?? 'rgba(77, 86, 102, 0.2)',
        color: style?.color ?? UNKNOWN_EVENT_COLOR,
      };
    });
    this.labelledLocale = this.i18n.locale;
    this.marks.show(marked, duration, this.channelRoles.length);
    this.marks.select(this.selectedIndex);
  }

  /** The event's label: textContent, never markup, whatever the event carries. */
  private labelOf(event: ReportEvent): string {
    const style = eventStyle(event.type);
    return style ? this.i18n.t(style.label) : event.type;
  }

  private relabelRegions(): void {
    this.marks.relabel(this.events.map((event) => this.labelOf(event)));
    this.labelledLocale = this.i18n.locale;
  }

  /**
   * Puts the cursor, and the media element, at `time`. Wavesurfer (7.x) keeps a position asked for
   * while the media cannot play yet as pending, and drops it when the media then reports an
   * earlier seek still under way: quick arrow presses left the cursor, and Space's playback, on an
   * event before the selected one, about one time in three. Once the media knows its length it
   * can seek at any time, so it is sent there directly too; the pending position, if any, is then
   * the same one and is kept.
   */
  private moveTo(time: number): void {
    const ws = this.wavesurfer;
    if (!ws) return;
    ws.setTime(time);
    const media = ws.getMediaElement();
    if (media && media.readyState >= HTMLMediaElement.HAVE_METADATA) media.currentTime = ws.getCurrentTime();
  }

  private onSpeed(event: Event): void {
    const rate = Number((event.target as HTMLSelectElement).value);
    if (!isPlaybackRate(rate)) return;
    this.playbackRate = rate;
    writePreference('playbackRate', rate);
    this.wavesurfer?.setPlaybackRate(rate, true);
  }

  private setPlaying(playing: boolean): void {
    this.playing = playing;
    this.dispatchEvent(new CustomEvent('play-state', { detail: { playing }, bubbles: true, composed: true }));
  }

  private visibleRange(): ViewGeometry | null {
    const ws = this.wavesurfer;
    const duration = ws?.getDuration() ?? 0;
    const totalWidth = ws?.getWrapper().clientWidth ?? 0;
    if (!ws || !(duration > 0) || totalWidth <= 0) return null;
    const scroll = ws.getScroll();
    return {
      start: (scroll / totalWidth) * duration,
      end: (Math.min(totalWidth, scroll + ws.getWidth()) / totalWidth) * duration,
      totalWidth,
    };
  }

  /**
   * Tells the lanes (view-change), the timeline and the event marks the visible range: one
   * reading for all three. The timeline and the marks draw it at the next frame, once.
   */
  private emitView(): void {
    const view = this.visibleRange();
    if (!view) return;
    const { start, end, totalWidth } = view;
    this.timeline.show(start, end, this.wavesurfer?.getDuration() ?? end);
    this.marks.view(start, end, totalWidth);
    const detail: ViewRange = { start, end };
    this.dispatchEvent(new CustomEvent('view-change', { detail, bubbles: true, composed: true }));
  }

  /** Pixels per second that fill the width exactly: zoom step 0. */
  private fitPxPerSec(): number {
    const width = this.wavesurfer?.getWidth() || this.surface?.clientWidth || 1;
    return width / Math.max(this.duration, 0.001);
  }

  private pxPerSecFor(step: number): number {
    if (step <= 0) return 0;
    const fit = this.fitPxPerSec();
    const max = Math.max(fit * 1.01, MAX_PX_PER_SEC);
    return fit * (max / fit) ** (step / ZOOM_STEPS);
  }

  /**
   * Whether wavesurfer already shows zoom `step`: the zoom plugin's wheel zoom, whose step was
   * read from it, is drawn once, not again at the step's exact scale. (Fit is drawn at 0, which
   * follows the width; a wheel zoom out that stops at fit is drawn again at 0 for that.)
   */
  private showsStep(step: number): boolean {
    return step > 0 ? this.zoomedPxPerSec > 0 && this.stepFor(this.zoomedPxPerSec) === step : this.zoomedPxPerSec === 0;
  }

  private stepFor(pxPerSec: number): number {
    const fit = this.fitPxPerSec();
    const max = Math.max(fit * 1.01, MAX_PX_PER_SEC);
    if (pxPerSec <= fit) return 0;
    return Math.min(ZOOM_STEPS, Math.round((Math.log(pxPerSec / fit) / Math.log(max / fit)) * ZOOM_STEPS));
  }

  private stepZoom(delta: number): void {
    this.zoomStep = Math.max(0, Math.min(ZOOM_STEPS, this.zoomStep + delta));
  }

  private zoomFactorText(): string {
    const factor = this.pxPerSecFor(this.zoomStep) / this.fitPxPerSec();
    return `${Math.round(factor * 10) / 10}×`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-waveform': LuisterWaveform;
  }
  interface HTMLElementEventMap {
    'event-activate': CustomEvent<{ index: number }>;
    'view-change': CustomEvent<ViewRange>;
    'play-state': CustomEvent<{ playing: boolean }>;
  }
}
