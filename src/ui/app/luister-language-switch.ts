import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Locale } from '../../i18n/messages.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { setLocale } from '../i18n/locale.ts';
import { baseStyles } from '../shared/styles.ts';

/** Dutch first: the app is made for Dutch-speaking teams. */
const ORDER: readonly Locale[] = ['nl', 'en'];

/**
 * Each language named in itself, as language pickers should. The accessible name starts with the
 * visible abbreviation, so speech control ("click NL") finds the button.
 */
const NAMES: Readonly<Record<Locale, { short: string; full: string }>> = {
  nl: { short: 'NL', full: 'Nederlands' },
  en: { short: 'EN', full: 'English' },
};

/**
 * NL/EN toggle. The choice is remembered (see locale.ts) and every element switches at once.
 *
 * @csspart group - the button group.
 */
@customElement('luister-language-switch')
export class LuisterLanguageSwitch extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .group {
        display: inline-flex;
        border: 1px solid var(--luister-accent);
        border-radius: 6px;
        overflow: hidden;
      }

      button {
        border: 0;
        border-radius: 0;
        min-width: 2.75rem;
      }

      button[aria-pressed='true'] {
        background: var(--luister-accent);
        color: #fff;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  protected override render() {
    const current = this.i18n.locale;
    return html`<div class="group" part="group" role="group" aria-label=${this.i18n.t('app.language')}>
      ${ORDER.map(
        (locale) => html`<button
          type="button"
          lang=${locale}
          aria-label=${`${NAMES[locale].short}, ${NAMES[locale].full}`}
          aria-pressed=${locale === current ? 'true' : 'false'}
          @click=${() => setLocale(locale)}
        >
          ${NAMES[locale].short}
        </button>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-language-switch': LuisterLanguageSwitch;
  }
}
