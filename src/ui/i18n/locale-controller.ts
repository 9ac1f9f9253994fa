import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../../i18n/messages.ts';
import { currentLocale, onLocaleChange } from './locale.ts';
import { uiText, type UiTextArgs, type UiTextKey } from './ui-text.ts';

/**
 * Gives an element the current language and re-renders it when the language changes. Listens
 * only while the element is connected, so removed elements are not kept alive by the listener.
 */
export class LocaleController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private unsubscribe: (() => void) | null = null;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  get locale(): Locale {
    return currentLocale();
  }

  /** The UI text `key` in the current language. */
  t<K extends UiTextKey>(key: K, ...params: UiTextArgs<K>): string {
    return uiText(this.locale, key, ...params);
  }

  hostConnected(): void {
    this.unsubscribe = onLocaleChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
