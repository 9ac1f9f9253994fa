import { LitElement, css, html } from 'lit';
import { customElement, property, queryAll } from 'lit/decorators.js';
import type { Report, SpeakerRole } from '../../report/report-types.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { ResizeController } from '../shared/resize-controller.ts';
import { SPEAKER_COLORS } from '../shared/speaker-colors.ts';
import { baseStyles } from '../shared/styles.ts';
import { drawLane, type LaneKind } from './lane-drawing.ts';

const LANE_HEIGHT = 64;
const LANES: readonly LaneKind[] = ['pitch', 'loudness'];

/**
 * Pitch (semitones around each speaker's own mean) and loudness (dBFS) over time, on canvases
 * exactly as wide as the waveform and drawn for the same visible range, so a moment lines up
 * across waveform, regions and lanes at every zoom and scroll position.
 *
 * @csspart lane - each lane's figure.
 */
@customElement('luister-feature-lanes')
export class LuisterFeatureLanes extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }

      figure {
        margin: 0 0 0.4rem;
      }

      figcaption {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        align-items: baseline;
        font-size: 0.8rem;
        color: var(--luister-muted);
        margin-bottom: 0.15rem;
      }

      figcaption strong {
        color: var(--luister-text);
      }

      .legend {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
      }

      .swatch {
        display: inline-block;
        width: 1.5rem;
        border-top: 2px solid;
      }

      .swatch.customer {
        border-top-style: dashed;
      }

      canvas {
        display: block;
        width: 100%;
        height: ${LANE_HEIGHT}px;
        border: 1px solid var(--luister-border);
        border-radius: 6px;
        background: var(--luister-surface);
      }
    `,
  ];

  @property({ attribute: false }) report: Report | null = null;
  /** Visible range of the waveform, s. */
  @property({ type: Number }) viewStart = 0;
  @property({ type: Number }) viewEnd = 0;

  @queryAll('canvas') private canvases!: NodeListOf<HTMLCanvasElement>;

  private readonly i18n = new LocaleController(this);
  private readonly size = new ResizeController(this);

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const roles = this.roles();
    return LANES.map(
      (kind) => html`
        <figure part="lane">
          <figcaption>
            <strong>${t(kind === 'pitch' ? 'lanes.pitch' : 'lanes.loudness')}</strong>
            ${roles.map(
              (role) =>
                html`<span class="legend"
                  ><span class="swatch ${role}" style="border-top-color:${SPEAKER_COLORS[role].line}"></span>${t(
                    role === 'agent' ? 'speaker.agent' : 'speaker.customer',
                  )}</span
                >`,
            )}
          </figcaption>
          <canvas data-lane=${kind} role="img" aria-label=${t(kind === 'pitch' ? 'lanes.pitchDescription' : 'lanes.loudnessDescription')}></canvas>
        </figure>
      `,
    );
  }

  protected override updated(): void {
    const report = this.report;
    const width = this.size.width;
    if (!report || width <= 0) return;
    const end = this.viewEnd > this.viewStart ? this.viewEnd : report.durationSec;
    const pixelRatio = window.devicePixelRatio || 1;
    const speakers = this.roles().flatMap((role) => {
      const speaker = report.speakers[role];
      return speaker ? [{ role, speaker }] : [];
    });
    for (const canvas of this.canvases) {
      const kind = canvas.dataset.lane as LaneKind;
      // The canvas' own width, borders excluded, is what the waveform's scroll area also spans.
      const cssWidth = canvas.clientWidth;
      const cssHeight = canvas.clientHeight;
      canvas.width = Math.round(cssWidth * pixelRatio);
      canvas.height = Math.round(cssHeight * pixelRatio);
      const ctx = canvas.getContext('2d');
      if (ctx) drawLane(ctx, kind, speakers, { start: this.viewStart, end, width: cssWidth, height: cssHeight, pixelRatio });
    }
  }

  private roles(): SpeakerRole[] {
    return (['agent', 'customer'] as const).filter((role) => this.report?.speakers[role]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-feature-lanes': LuisterFeatureLanes;
  }
}
