/** The interface texts: both languages complete, with the same placeholders, filled in by uiText. */
import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../src/i18n/translate.ts';
import { localeFor } from '../../src/ui/i18n/locale.ts';
import { UI_TEXT, uiText, type UiTextKey } from '../../src/ui/i18n/ui-text.ts';

const keys = Object.keys(UI_TEXT.nl) as UiTextKey[];

describe('ui text', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(UI_TEXT.en).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(UI_TEXT.nl[key].trim(), key).not.toBe('');
      expect(UI_TEXT.en[key].trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in Dutch and English', () => {
    for (const key of keys) expect(placeholdersOf(UI_TEXT.en[key]).sort(), key).toEqual(placeholdersOf(UI_TEXT.nl[key]).sort());
  });

  it('fills placeholders with the text given, as text', () => {
    const name = '<img src=x onerror=alert(1)>.wav';
    expect(uiText('nl', 'status.ready', { name })).toBe(`Klaar: het rapport van ${name} staat hieronder.`);
    expect(uiText('en', 'tab.review')).toBe('Review');
  });

  it('picks Dutch for any Dutch browser language, English otherwise', () => {
    expect(localeFor(['nl-NL'])).toBe('nl');
    expect(localeFor(['nl-BE', 'fr-BE'])).toBe('nl');
    expect(localeFor(['NL'])).toBe('nl');
    expect(localeFor(['en-GB', 'nl'])).toBe('en');
    expect(localeFor(['nld'])).toBe('en');
    expect(localeFor([])).toBe('en');
  });
});
