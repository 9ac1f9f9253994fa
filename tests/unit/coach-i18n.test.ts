import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogues, LOCALES, type MessageKey } from '../../src/i18n/messages.ts';
import { note, placeholdersOf, renderNote, t } from '../../src/i18n/translate.ts';

const keys = Object.keys(catalogues.en) as MessageKey[];

describe('coach texts (src/i18n)', () => {
  it('has every message in English and Dutch, with the same placeholders', () => {
    for (const locale of LOCALES) expect(Object.keys(catalogues[locale]).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(placeholdersOf(catalogues.nl[key]).sort(), key).toEqual(placeholdersOf(catalogues.en[key]).sort());
      for (const locale of LOCALES) expect(catalogues[locale][key].trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('fills placeholders and writes numbers the local way', () => {
    expect(t('en', 'silence.reason', { sec: 4.25, min: 3 })).toBe('the customer said nothing for 4.3 s after your turn (flagged from 3 s)');
    expect(t('nl', 'silence.reason', { sec: 4.25, min: 3 })).toBe('de klant zei 4,3 s niets na jouw beurt (gemeld vanaf 3 s)');
    expect(t('nl', 'backchannel.advice')).toMatch(/^Goed zo/);
    expect(renderNote('nl', note('pause.reason', { sec: 0.5 }))).toBe('een pauze van 0,5 s binnen de beurt');
  });

  it('uses every message somewhere in the coach, and only messages that exist', () => {
    const folder = new URL('../../src/coach/', import.meta.url);
    const source = readdirSync(folder)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(new URL(f, folder), 'utf8'))
      .join('\n');
    const used = new Set(Array.from(source.matchAll(/'((?:tone|silence|deadAir|pause|overlap|interruption|backchannel|sigh|agitation)\.[A-Za-z.]+)'/g), (m) => m[1]));
    for (const key of used) expect(keys, key).toContain(key);
    for (const key of keys) expect(used.has(key), `${key} is never used`).toBe(true);
  });
});
