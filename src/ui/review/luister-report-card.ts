import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { speechBeforeToneSec } from '../../coach/norms.ts';
import { reportTexts } from '../../i18n/translate.ts';
import type { Report, ReportEvent, ReportEventType, Speaker, SpeakerRole } from '../../report/report-types.ts';
import { coachingTips, type CoachingTip } from '../report/coaching-tips.ts';
import { responseFigures, type ResponseFigures } from '../report/turn-taking.ts';
import { formatClock, formatNumber, formatPercent, formatSeconds } from '../format.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import type { PlainUiTextKey } from '../i18n/ui-text.ts';
import { SPEAKER_COLORS } from '../shared/speaker-colors.ts';
import { baseStyles } from '../shared/styles.ts';
import { EVENT_STYLES } from './event-style.ts';

const ROLES: readonly SpeakerRole[] = ['agent', 'customer'];
/** Always listed, with their moments, even when there are none: the card's core questions. */
const LISTED_EVENTS: readonly ReportEventType[] = ['silence', 'interruption', 'sigh'];
/** Moments per chunk of a list; a chunk goes in per frame (see `shown`). */
const MOMENTS_PER_CHUNK = 100;
const TONE_KEYS: Readonly<Record<string, PlainUiTextKey>> = {
  warm: 'tone.warm',
  rushed: 'tone.rushed',
  monotone: 'tone.monotone',
  neutral: 'tone.neutral',
};

/**
 * The report as a card: per speaker the figures, tone over the call and response times; the
 * moments (silences, interruptions, sighs…); and coaching tips tied to moments of this call.
 *
 * @fires event-activate - CustomEvent<{ index: number }>: a listed moment was chosen.
 * @fires seek-request - CustomEvent<{ time: number }>: a tip's time was chosen.
 * @csspart card - the card.
 */
@customElement('luister-report-card')
export class LuisterReportCard extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        scroll-margin-top: 1rem;
      }

      section + section {
        margin-top: 1.25rem;
      }

      table {
        border-collapse: collapse;
        width: 100%;
        font-variant-numeric: tabular-nums;
      }

      /* A phone: wide tables scroll sideways instead of running off the screen. */
      @media (max-width: 600px) {
        table {
          display: block;
          overflow-x: auto;
        }

        thead th {
          white-space: nowrap;
        }
      }

      th,
      td {
        text-align: left;
        padding: 0.3rem 0.5rem;
        border-bottom: 1px solid #e7eaee;
        vertical-align: top;
      }

      thead th {
        font-size: 0.85rem;
        color: var(--luister-muted);
      }

      .who {
        font-weight: 700;
      }

      .tone-row {
        display: grid;
        grid-template-columns: 8rem 1fr;
        gap: 0.5rem;
        align-items: center;
        margin-bottom: 0.35rem;
      }

      .tone-strip {
        display: flex;
        list-style: none;
        margin: 0;
        padding: 0;
        height: 1.6rem;
        border: 1px solid var(--luister-border);
        border-radius: 4px;
        overflow: hidden;
        background: #f0f2f5;
      }

      .tone-strip li {
        font-size: 0.72rem;
        line-height: 1.6rem;
        padding: 0 0.25rem;
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
        border-right: 1px solid #fff;
      }

      .tone-warm {
        background: #d7efe2;
      }
      .tone-rushed {
        background: #fde1d3;
      }
      .tone-monotone {
        background: #e4e1f5;
      }
      .tone-neutral {
        background: #e9ecef;
      }

      .counts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        margin: 0 0 0.5rem;
      }

      .counts div {
        display: flex;
        gap: 0.35rem;
      }

      .counts dt {
        font-weight: 600;
      }

      .counts dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }

      .moments {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
        gap: 0.75rem;
      }

      .moments ul,
      .tips {
        list-style: none;
        margin: 0;
        padding: 0;
      }

      .moments li,
      .moments p {
        margin: 0.15rem 0;
      }

      /* Skipped while off screen: an hour-long call lists thousands of moments, and styling and
         laying them all out with the rest of the new review blocked the page. */
      .moments ul {
        content-visibility: auto;
        contain-intrinsic-size: auto 12rem;
      }

      .tips li {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.15rem 0.6rem;
        padding: 0.5rem 0;
        border-bottom: 1px solid #e7eaee;
      }

      .badge {
        font-size: 0.75rem;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.03em;
        padding: 0.1rem 0.45rem;
        border-radius: 999px;
        align-self: start;
        white-space: nowrap;
      }

      .badge.praise {
        background: #d7efe2;
        color: #14532d;
      }

      .badge.suggestion {
        background: #fff1c7;
        color: #5c4300;
      }

      .advice {
        grid-column: 2;
        color: var(--luister-muted);
      }

      .muted {
        color: var(--luister-muted);
      }

      @media print {
        .moments ul {
          content-visibility: visible;
        }
      }
    `,
  ];

  @property({ attribute: false }) report: Report | null = null;

  /**
   * How many chunks of moments are rendered, counted over the lists in LISTED_EVENTS order: an
   * hour-long call lists thousands, which go in a chunk per frame rather than all in the task
   * that shows the new review.
   */
  @state() private shown = 0;

  private readonly i18n = new LocaleController(this);
  /** What the card shows of `report`, worked out once per report rather than on every render. */
  private derived: Derived | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('report')) return;
    this.derived = this.report ? derive(this.report) : null;
    this.shown = Math.min(this.derived?.chunkCount ?? 0, 1);
  }

  protected override updated(): void {
    const derived = this.derived;
    if (!derived || this.shown >= derived.chunkCount) return;
    requestAnimationFrame(() => {
      if (this.derived === derived) this.shown = Math.min(derived.chunkCount, this.shown + 1);
    });
  }

  protected override render() {
    const report = this.report;
    const derived = this.derived;
    if (!report || !derived) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const roles = derived.roles;
    const locale = this.i18n.locale;
    // Only the moments change while they come in; the rest renders again for a new report or
    // another language.
    return html`
      <article class="card" part="card" aria-labelledby="card-title">
        <h2 id="card-title">${t('card.title')}</h2>
        <section aria-labelledby="summary-title">
          <h3 id="summary-title">${t('card.summary')}</h3>
          ${guard([derived, locale], () => this.renderSummary(report, roles))}
        </section>
        <section aria-labelledby="tone-title">
          <h3 id="tone-title">${t('card.tone')}</h3>
          ${guard([derived, locale], () => this.renderTone(report, roles))}
        </section>
        <section aria-labelledby="response-title">
          <h3 id="response-title">${t('card.responses')}</h3>
          ${guard([derived, locale], () => this.renderResponses(derived))}
        </section>
        <section aria-labelledby="moments-title">
          <h3 id="moments-title">${t('card.moments')}</h3>
          ${this.renderMoments(derived)}
        </section>
        <section aria-labelledby="tips-title">
          <h3 id="tips-title">${t('card.tips')}</h3>
          ${guard([derived, locale], () => this.renderTips(derived.tips))}
        </section>
      </article>
    `;
  }

  private speakerName(role: SpeakerRole): string {
    return this.i18n.t(role === 'agent' ? 'speaker.agent' : 'speaker.customer');
  }

  private renderSummary(report: Report, roles: readonly SpeakerRole[]) {
    const t = this.i18n.t.bind(this.i18n);
    const locale = this.i18n.locale;
    const rows: { label: string; value: (s: Speaker) => string }[] = [
      { label: t('summary.talkShare'), value: (s) => formatPercent(locale, s.summary.talkShare) },
      { label: t('summary.speechTime'), value: (s) => formatSeconds(locale, s.summary.speechSec) },
      { label: t('summary.meanF0'), value: (s) => (s.summary.meanF0Hz > 0 ? `${formatNumber(locale, s.summary.meanF0Hz, 0)} Hz` : '—') },
      { label: t('summary.pitchSd'), value: (s) => t('unit.semitones', { value: formatNumber(locale, s.summary.pitchSdSemitones) }) },
      { label: t('summary.speechRate'), value: (s) => t('unit.syllablesPerSec', { value: formatNumber(locale, s.summary.speechRate) }) },
      {
        label: t('summary.articulationRate'),
        value: (s) => t('unit.syllablesPerSec', { value: formatNumber(locale, s.summary.articulationRate) }),
      },
    ];
    return html`
      <table>
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">${t('card.measure')}</span></th>
            ${roles.map((role) => html`<th scope="col" class="who" style="color:${SPEAKER_COLORS[role].line}">${this.speakerName(role)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr>
              <th scope="row">${row.label}</th>
              ${roles.map((role) => {
                const speaker = report.speakers[role];
                return html`<td>${speaker ? row.value(speaker) : '—'}</td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
      <p class="muted">${t('card.duration', { duration: formatClock(report.durationSec) })}</p>
    `;
  }

  /** Why there is no tone to show: most often, the agent spoke too little for the coach to judge. */
  private noToneReason(report: Report): string {
    const t = this.i18n.t.bind(this.i18n);
    const agent = report.speakers.agent;
    if (!agent) return t('card.noTone.noAgent');
    const needed = speechBeforeToneSec();
    if (agent.summary.speechSec >= needed) return t('card.noTone');
    const locale = this.i18n.locale;
    // Rounded down: 14.96 s must not read as the 15 s it falls short of.
    const spoken = Math.floor(agent.summary.speechSec * 10) / 10;
    return t('card.noTone.short', { speech: formatSeconds(locale, spoken), needed: formatSeconds(locale, needed, 0) });
  }

  private renderTone(report: Report, roles: readonly SpeakerRole[]) {
    const t = this.i18n.t.bind(this.i18n);
    const withTone = roles.filter((role) => (report.speakers[role]?.tone.length ?? 0) > 0);
    if (withTone.length === 0) return html`<p class="muted">${this.noToneReason(report)}</p>`;
    const duration = Math.max(report.durationSec, 0.001);
    return withTone.map((role) => {
      const windows = report.speakers[role]?.tone ?? [];
      return html`<div class="tone-row">
        <span class="who">${this.speakerName(role)}</span>
        <ol class="tone-strip" aria-label=${t('card.toneOf', { speaker: this.speakerName(role) })}>
          ${windows.map((w) => {
            const label = TONE_KEYS[w.label] ? t(TONE_KEYS[w.label]) : w.label;
            const reasons = reportTexts(this.i18n.locale, w.reasons, w.reasonMessages);
            return html`<li
              class="tone-${w.label}"
              style="flex: 0 0 ${((w.end - w.start) / duration) * 100}%"
              title=${`${formatClock(w.start)}–${formatClock(w.end)}: ${label}${reasons.length ? ` (${reasons.join('; ')})` : ''}`}
            >
              <span class="visually-hidden">${formatClock(w.start)}–${formatClock(w.end)}:</span> ${label}
            </li>`;
          })}
        </ol>
      </div>`;
    });
  }

  private renderResponses({ roles, responses }: Derived) {
    const t = this.i18n.t.bind(this.i18n);
    const locale = this.i18n.locale;
    if (roles.length < 2) return html`<p class="muted">${t('card.responsesNeedTwo')}</p>`;
    return html`
      <table>
        <thead>
          <tr>
            <th scope="col">${t('responses.who')}</th>
            <th scope="col">${t('responses.median')}</th>
            <th scope="col">${t('responses.longest')}</th>
            <th scope="col">${t('responses.overlapping')}</th>
          </tr>
        </thead>
        <tbody>
          ${roles.map((role) => {
            const figures = responses[role];
            if (!figures) return nothing;
            const after = figures.longestAfter;
            return html`<tr>
              <th scope="row">${this.speakerName(role)}</th>
              <td>${figures.count > 0 ? formatSeconds(locale, figures.medianSec) : '—'}</td>
              <td>
                ${figures.longestSec === null ? '—' : formatSeconds(locale, figures.longestSec)}
                ${after !== undefined
                  ? html`<button class="link" type="button" @click=${() => this.seek(after)}>${t('responses.at', { time: formatClock(after) })}</button>`
                  : nothing}
              </td>
              <td>${figures.overlapping}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    `;
  }

  private renderMoments({ counts, moments }: Derived) {
    const t = this.i18n.t.bind(this.i18n);
    const locale = this.i18n.locale;
    // The lists fill in order: each gets what is left of `shown` after the ones before it. A
    // chunk on screen renders again only for another language.
    let left = this.shown;
    return html`
      <dl class="counts">
        ${counts.map(
          ({ type, count }) => html`<div>
            <dt>${t(EVENT_STYLES[type].plural)}</dt>
            <dd>${count}</dd>
          </div>`,
        )}
      </dl>
      <div class="moments">
        ${moments.map(({ type, chunks }) => {
          const visible = chunks.slice(0, Math.max(0, left));
          left -= chunks.length;
          return html`<div>
            <h4>${t(EVENT_STYLES[type].plural)}</h4>
            ${chunks.length === 0
              ? html`<p class="muted">${t('card.noneOfType')}</p>`
              : html`<ul>
                  ${visible.map((chunk) =>
                    guard([chunk, locale], () =>
                      chunk.map(
                        ({ event, index }) => html`<li>
                          <button class="link" type="button" @click=${() => this.activate(index)}>${formatClock(event.start)}</button>
                          · ${formatSeconds(locale, event.end - event.start)}${event.speaker ? html` · ${this.speakerName(event.speaker)}` : nothing}
                        </li>`,
                      ),
                    ),
                  )}
                </ul>`}
          </div>`;
        })}
      </div>
    `;
  }

  private renderTips(tips: CoachingTip[]) {
    const t = this.i18n.t.bind(this.i18n);
    const locale = this.i18n.locale;
    if (tips.length === 0) return html`<p class="muted">${t('card.noTips')}</p>`;
    return html`<ul class="tips">
      ${tips.map(
        (tip) => html`<li>
          <span class="badge ${tip.kind}">${t(tip.kind === 'praise' ? 'tip.praise' : 'tip.suggestion')}</span>
          <span>
            ${tip.text(locale)}
            ${tip.at !== undefined
              ? html`<button class="link listen" type="button" @click=${() => this.seek(tip.at ?? 0)}>
                  ${t('tip.listen', { time: formatClock(tip.at) })}
                </button>`
              : nothing}
          </span>
          ${tip.advice ? html`<span class="advice">${tip.advice(locale)}</span>` : nothing}
        </li>`,
      )}
    </ul>`;
  }

  private activate(index: number): void {
    this.dispatchEvent(new CustomEvent('event-activate', { detail: { index }, bubbles: true, composed: true }));
  }

  private seek(time: number): void {
    this.dispatchEvent(new CustomEvent('seek-request', { detail: { time }, bubbles: true, composed: true }));
  }
}

interface Derived {
  roles: readonly SpeakerRole[];
  responses: Partial<Record<SpeakerRole, ResponseFigures>>;
  /** How many there are of each type the card counts, in EVENT_STYLES order. */
  counts: { type: ReportEventType; count: number }[];
  /** The listed types' moments, each with its index in the report's events, in chunks. */
  moments: { type: ReportEventType; chunks: { event: ReportEvent; index: number }[][] }[];
  chunkCount: number;
  tips: CoachingTip[];
}

/** One pass over the events, and the turn-taking work (tips, response figures) done once. */
function derive(report: Report): Derived {
  const roles = ROLES.filter((role) => report.speakers[role]);
  const byType = new Map<ReportEventType, { event: ReportEvent; index: number }[]>();
  report.events.forEach((event, index) => {
    const items = byType.get(event.type);
    if (items) items.push({ event, index });
    else byType.set(event.type, [{ event, index }]);
  });
  const counts = (Object.keys(EVENT_STYLES) as ReportEventType[])
    .filter((type) => LISTED_EVENTS.includes(type) || byType.has(type))
    .map((type) => ({ type, count: byType.get(type)?.length ?? 0 }));
  const moments = LISTED_EVENTS.map((type) => {
    const items = byType.get(type) ?? [];
    const chunks: { event: ReportEvent; index: number }[][] = [];
    for (let first = 0; first < items.length; first += MOMENTS_PER_CHUNK) chunks.push(items.slice(first, first + MOMENTS_PER_CHUNK));
    return { type, chunks };
  });
  const responses: Derived['responses'] = {};
  if (roles.length >= 2) for (const role of roles) responses[role] = responseFigures(report, role);
  return {
    roles,
    responses,
    counts,
    moments,
    chunkCount: moments.reduce((sum, { chunks }) => sum + chunks.length, 0),
    tips: coachingTips(report),
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-report-card': LuisterReportCard;
  }
  interface HTMLElementEventMap {
    'seek-request': CustomEvent<{ time: number }>;
  }
}
