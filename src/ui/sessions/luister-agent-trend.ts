import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { defaultCoachNorms } from '../../coach/norms.ts';
import type { AgentFigures, SessionSummary } from '../../storage/session-types.ts';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../format.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import type { PlainUiTextKey } from '../i18n/ui-text.ts';
import { TIP_NORMS } from '../report/coaching-tips.ts';
import { baseStyles } from '../shared/styles.ts';

interface Metric {
  key: keyof AgentFigures;
  title: PlainUiTextKey;
  /** Value as drawn (talk share in percent). */
  scale: number;
  /** The range coaching aims for, drawn as a band; from the coach's norms. */
  band: { low: number; high: number; label: PlainUiTextKey };
  /** Axis range always shown, widened to fit the data. */
  axis: { min: number; max: number };
}

const tone = defaultCoachNorms.tone;
const METRICS: readonly Metric[] = [
  {
    key: 'talkShare',
    title: 'trend.talkShare',
    scale: 100,
    band: { low: 30, high: TIP_NORMS.agentTalkShareGood * 100, label: 'trend.talkShareBand' },
    axis: { min: 0, max: 100 },
  },
  {
    key: 'pitchSdSemitones',
    title: 'trend.pitchSd',
    scale: 1,
    band: { low: tone.monotone.livelyLowSt, high: tone.monotone.livelyHighSt, label: 'trend.pitchSdBand' },
    axis: { min: 0, max: 6 },
  },
  {
    key: 'articulationRate',
    title: 'trend.articulationRate',
    scale: 1,
    band: { low: tone.warm.minArticulationRate, high: tone.warm.maxArticulationRate, label: 'trend.articulationBand' },
    axis: { min: 0, max: 8 },
  },
];

const W = 300;
const H = 150;
const PAD = { left: 34, right: 10, top: 12, bottom: 24 };

/**
 * How one agent's figures moved over their sessions: talk share, pitch variation and articulation
 * rate, each against the range coaching aims for. Plain SVG; the same numbers as a table follow.
 *
 * @csspart chart - each metric's chart.
 */
@customElement('luister-agent-trend')
export class LuisterAgentTrend extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }

      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        gap: 1rem;
      }

      figure {
        margin: 0;
      }

      figcaption {
        font-weight: 600;
        margin-bottom: 0.25rem;
      }

      svg {
        width: 100%;
        height: auto;
        display: block;
        overflow: visible;
      }

      .axis {
        font-size: 10px;
        fill: #4d5666;
      }

      .band {
        fill: #dcefe9;
      }

      .band-label {
        font-size: 10px;
        fill: #1f5c4f;
      }

      .grid {
        stroke: #e3e7ec;
      }

      .line {
        fill: none;
        stroke: var(--luister-agent);
        stroke-width: 2;
      }

      .point {
        fill: #fff;
        stroke: var(--luister-agent);
        stroke-width: 2;
      }

      details {
        margin-top: 0.75rem;
      }

      table {
        border-collapse: collapse;
        margin-top: 0.5rem;
        font-variant-numeric: tabular-nums;
      }

      th,
      td {
        text-align: left;
        padding: 0.25rem 0.75rem 0.25rem 0;
        border-bottom: 1px solid #e7eaee;
      }

      .note {
        color: var(--luister-muted);
        margin: 0.5rem 0 0;
      }
    `,
  ];

  /** Sessions of one agent; only those with figures are drawn. */
  @property({ attribute: false }) sessions: readonly SessionSummary[] = [];
  @property() agent = '';

  private readonly i18n = new LocaleController(this);

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const points = this.sessions.filter((s) => s.figures).sort((a, b) => a.createdAt - b.createdAt);
    if (points.length === 0) return html`<p class="note">${t('trend.empty', { agent: this.agent })}</p>`;
    return html`
      <div class="charts">${METRICS.map((metric) => this.renderChart(metric, points))}</div>
      ${points.length === 1 ? html`<p class="note">${t('trend.onePoint')}</p>` : ''}
      <details>
        <summary>${t('trend.table')}</summary>
        ${this.renderTable(points)}
      </details>
    `;
  }

  private value(session: SessionSummary, metric: Metric): number {
    return (session.figures?.[metric.key] ?? 0) * metric.scale;
  }

  private format(value: number, metric: Metric): string {
    const locale = this.i18n.locale;
    return metric.key === 'talkShare' ? formatPercent(locale, value / 100) : formatNumber(locale, value);
  }

  private renderChart(metric: Metric, points: SessionSummary[]) {
    const t = this.i18n.t.bind(this.i18n);
    const values = points.map((p) => this.value(p, metric));
    const min = Math.min(metric.axis.min, ...values);
    const max = Math.max(metric.axis.max, ...values);
    const x = (i: number): number =>
      points.length === 1 ? (PAD.left + W - PAD.right) / 2 : PAD.left + (i / (points.length - 1)) * (W - PAD.left - PAD.right);
    const y = (v: number): number => H - PAD.bottom - ((v - min) / (max - min || 1)) * (H - PAD.top - PAD.bottom);
    const id = `trend-${metric.key}`;
    const description = t('trend.description', {
      first: this.format(values[0], metric),
      last: this.format(values[values.length - 1], metric),
      count: String(points.length),
    });
    const locale = this.i18n.locale;
    return html`<figure part="chart">
      <figcaption id="${id}-title">${t(metric.title)}</figcaption>
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-title ${id}-desc">
        <desc id="${id}-desc">${description}</desc>
        ${svg`
          <rect class="band" x=${PAD.left} width=${W - PAD.left - PAD.right} y=${y(metric.band.high)} height=${y(metric.band.low) - y(metric.band.high)}></rect>
          <text class="band-label" x=${PAD.left + 4} y=${y(metric.band.high) + 11}>${t(metric.band.label)}</text>
          ${[min, (min + max) / 2, max].map(
            (v) => svg`
              <line class="grid" x1=${PAD.left} x2=${W - PAD.right} y1=${y(v)} y2=${y(v)}></line>
              <text class="axis" x=${PAD.left - 4} y=${y(v) + 3} text-anchor="end">${this.format(v, metric)}</text>`,
          )}
          <text class="axis" x=${x(0)} y=${H - 6} text-anchor=${points.length === 1 ? 'middle' : 'start'}>${formatDate(locale, points[0].createdAt)}</text>
          ${points.length > 1
            ? svg`<text class="axis" x=${x(points.length - 1)} y=${H - 6} text-anchor="end">${formatDate(locale, points[points.length - 1].createdAt)}</text>
                 <polyline class="line" points=${values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}></polyline>`
            : ''}
          ${values.map(
            (v, i) => svg`<circle class="point" cx=${x(i)} cy=${y(v)} r="4"><title>${points[i].name}, ${formatDateTime(locale, points[i].createdAt)}: ${this.format(v, metric)}</title></circle>`,
          )}
        `}
      </svg>
    </figure>`;
  }

  private renderTable(points: SessionSummary[]) {
    const t = this.i18n.t.bind(this.i18n);
    const locale = this.i18n.locale;
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${t('trend.session')}</th>
          ${METRICS.map((m) => html`<th scope="col">${t(m.title)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${points.map(
          (p) => html`<tr>
            <th scope="row">${p.name}<br /><small>${formatDateTime(locale, p.createdAt)}</small></th>
            ${METRICS.map((m) => html`<td>${this.format(this.value(p, m), m)}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-agent-trend': LuisterAgentTrend;
  }
}
