import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, query, queryAll, state } from 'lit/decorators.js';
import { sessionStore } from '../../storage/session-store.ts';
import { formatPercent } from '../format.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { LANGUAGE_TAGS } from '../../i18n/messages.ts';
import type { PlainUiTextKey } from '../i18n/ui-text.ts';
import '../review/luister-review.ts';
import type { LuisterReview } from '../review/luister-review.ts';
import '../sessions/luister-sessions.ts';
import { StorageSpaceController } from '../shared/storage-space-controller.ts';
import { baseStyles } from '../shared/styles.ts';
import './luister-language-switch.ts';

export type AppView = 'practice' | 'review' | 'sessions';

const VIEWS: readonly { id: AppView; label: PlainUiTextKey }[] = [
  { id: 'practice', label: 'tab.practice' },
  { id: 'review', label: 'tab.review' },
  { id: 'sessions', label: 'tab.sessions' },
];

function isView(value: string): value is AppView {
  return VIEWS.some((v) => v.id === value);
}

/**
 * The app: Practise, Review and Sessions as tabs (arrow keys, Home/End; the view is kept in the
 * URL's hash), the language switch, and a warning when storage is running out. Views stay
 * mounted when hidden, so a review is still there after a look at the sessions.
 *
 * @csspart tabs - the tab list.
 */
@customElement('luister-app')
export class LuisterApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--luister-bg);
      }

      header {
        background: var(--luister-surface);
        border-bottom: 1px solid var(--luister-border);
      }

      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem 2rem;
        max-width: 84rem;
        margin: 0 auto;
        padding: 0.75rem 1.5rem 0;
      }

      .brand {
        display: flex;
        align-items: baseline;
        gap: 0.75rem;
        margin-right: auto;
      }

      h1 {
        margin: 0;
        font-size: 1.5rem;
        color: var(--luister-accent);
        letter-spacing: 0.01em;
      }

      .tagline {
        color: var(--luister-muted);
      }

      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        max-width: 84rem;
        margin: 0 auto;
        padding: 0.5rem 1.5rem 0;
      }

      [role='tab'] {
        border: 0;
        border-bottom: 3px solid transparent;
        border-radius: 6px 6px 0 0;
        background: transparent;
        color: var(--luister-muted);
        font-weight: 600;
        padding: 0.5rem 1rem;
      }

      [role='tab']:hover {
        background: var(--luister-accent-soft);
        color: var(--luister-text);
      }

      [role='tab'][aria-selected='true'] {
        color: var(--luister-accent);
        border-bottom-color: var(--luister-accent);
      }

      main {
        max-width: 84rem;
        margin: 0 auto;
        padding: 1.5rem;
      }

      [role='tabpanel'][hidden] {
        display: none;
      }

      .storage-warning {
        max-width: 84rem;
        margin: 1rem auto 0;
        padding: 0 1.5rem;
      }

      .storage-warning p {
        margin: 0;
        background: var(--luister-warning-soft);
        border: 1px solid #edd898;
        border-left: 4px solid #8a6d00;
        border-radius: 6px;
        padding: 0.6rem 0.9rem;
      }

      footer {
        max-width: 84rem;
        margin: 0 auto;
        padding: 0 1.5rem 2rem;
        color: var(--luister-muted);
        font-size: 0.85rem;
      }

      @media print {
        :host {
          background: #fff;
        }

        header,
        footer,
        .storage-warning,
        [role='tabpanel']:not([data-view='review']) {
          display: none !important;
        }

        main {
          padding: 0;
          max-width: none;
        }
      }
    `,
  ];

  @state() private view: AppView = this.viewFromHash() ?? 'review';
  /** Views shown at least once: the practice view is only loaded when first opened. */
  @state() private visited = new Set<AppView>([this.view]);
  @state() private practiceLoaded = false;

  @query('luister-review') private review!: LuisterReview;
  @queryAll('[role="tab"]') private tabs!: NodeListOf<HTMLButtonElement>;

  private readonly i18n = new LocaleController(this);
  private readonly space = new StorageSpaceController(this);

  constructor() {
    super();
    this.addEventListener('session-open', (e) => {
      this.show('review');
      void this.review.openSession(e.detail.id);
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private readonly onHashChange = (): void => {
    const view = this.viewFromHash();
    if (view) this.show(view);
  };

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('view') && this.view === 'practice' && !this.practiceLoaded) {
      // Loaded on first use: it brings the audio worklet along, which reviewing does not need.
      void import('../practice/luister-practice.ts').then(() => (this.practiceLoaded = true));
    }
  }

  protected override updated(): void {
    // The page's language follows the app's, for screen readers and hyphenation.
    document.documentElement.lang = LANGUAGE_TAGS[this.i18n.locale];
    document.title = this.i18n.t('app.documentTitle');
  }

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <header>
        <div class="bar">
          <div class="brand">
            <h1>Luister</h1>
            <span class="tagline">${t('app.tagline')}</span>
          </div>
          <luister-language-switch></luister-language-switch>
        </div>
        <div role="tablist" part="tabs" aria-label=${t('app.views')} @keydown=${this.onTabKey}>
          ${VIEWS.map(
            ({ id, label }) => html`<button
              type="button"
              role="tab"
              id="tab-${id}"
              aria-controls="panel-${id}"
              aria-selected=${id === this.view ? 'true' : 'false'}
              tabindex=${id === this.view ? 0 : -1}
              @click=${() => this.show(id)}
            >
              ${t(label)}
            </button>`,
          )}
        </div>
      </header>
      ${this.space.space?.low
        ? html`<div class="storage-warning" role="status">
            <p>${t('storage.low', { free: formatPercent(this.i18n.locale, this.space.space.freeFraction) })}</p>
          </div>`
        : nothing}
      <main>
        ${VIEWS.map(
          ({ id }) => html`<section
            role="tabpanel"
            id="panel-${id}"
            data-view=${id}
            aria-labelledby="tab-${id}"
            ?hidden=${id !== this.view}
          >
            ${this.visited.has(id) ? this.renderView(id) : nothing}
          </section>`,
        )}
      </main>
      <footer>${t('app.privacy')}</footer>
    `;
  }

  private renderView(view: AppView) {
    switch (view) {
      case 'practice':
        // The practice view records into the session store; its sessions appear under Sessions.
        return this.practiceLoaded ? html`<luister-practice .locale=${this.i18n.locale} .sink=${sessionStore}></luister-practice>` : nothing;
      case 'review':
        return html`<luister-review></luister-review>`;
      case 'sessions':
        return html`<luister-sessions></luister-sessions>`;
    }
  }

  private show(view: AppView): void {
    this.view = view;
    if (!this.visited.has(view)) this.visited = new Set([...this.visited, view]);
    if (location.hash !== `#${view}`) history.replaceState(null, '', `#${view}`);
  }

  /** Arrow keys, Home and End move between tabs and select them (automatic activation). */
  private onTabKey(event: KeyboardEvent): void {
    const index = VIEWS.findIndex((v) => v.id === this.view);
    const last = VIEWS.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index + 1) % VIEWS.length
      : event.key === 'ArrowLeft' ? (index + last) % VIEWS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : -1;
    if (next < 0) return;
    event.preventDefault();
    this.show(VIEWS[next].id);
    void this.updateComplete.then(() => this.tabs[next]?.focus());
  }

  private viewFromHash(): AppView | null {
    const hash = location.hash.slice(1);
    return isView(hash) ? hash : null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-app': LuisterApp;
  }
}
