import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogues, LOCALES, type MessageKey } from '../../src/i18n/messages.ts';
import { coachTracks } from '../../src/coach/coach-report.ts';
import { note, placeholdersOf, renderNote, reportTexts, t } from '../../src/i18n/translate.ts';
import { analyseCall, CallBuilder, CLIPS } from '../support/call-builder.ts';

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

  it("keeps a report's texts as messages on request, so a viewer shows them in the other language", () => {
    // A call with tone windows (30 s of the agent) and events with advice (a customer silent for 4 s).
    const b = new CallBuilder(11);
    for (let i = 0; i < 6; i++) {
      b.say('agent', CLIPS.natural[i % CLIPS.natural.length], 0.6);
      b.say('agent', CLIPS.fast[i % CLIPS.fast.length], 0.1);
      b.say('customer', CLIPS.customer[i % 4], i === 2 ? 4 : 0.6);
    }
    const call = analyseCall(b.build({}));
    const dutch = coachTracks(call.tracks, { locale: 'nl', messages: true });
    const english = coachTracks(call.tracks, { locale: 'en' });
    const tone = dutch.tone.agent ?? [];
    expect(tone.length).toBeGreaterThan(0);
    expect(dutch.events.length).toBeGreaterThan(0);
    // Rendered in English, the Dutch report's messages read exactly as the English report's texts.
    dutch.events.forEach((event, i) => {
      expect(reportTexts('en', event.reasons, event.reasonMessages)).toEqual(english.events[i].reasons);
      expect(reportTexts('nl', event.reasons, event.reasonMessages)).toEqual(event.reasons);
      if (event.advice) expect(reportTexts('en', [event.advice], event.adviceMessage && [event.adviceMessage])).toEqual([english.events[i].advice]);
    });
    expect(dutch.events.some((event) => event.adviceMessage)).toBe(true);
    tone.forEach((window, i) => {
      expect(reportTexts('en', window.reasons, window.reasonMessages)).toEqual(english.tone.agent?.[i].reasons);
      expect(reportTexts('en', window.advice, window.adviceMessages)).toEqual(english.tone.agent?.[i].advice);
    });
    // Without messages (the command line's reports, older ones), or with a key this version does not know: as written.
    expect(english.events[0].reasonMessages).toBeUndefined();
    expect(reportTexts('nl', english.events[0].reasons, english.events[0].reasonMessages)).toEqual(english.events[0].reasons);
    const [first] = dutch.events;
    const unknown = (first.reasonMessages ?? []).map((m) => ({ ...m, key: 'from.a.newer.version' }));
    expect(reportTexts('en', first.reasons, unknown)).toEqual(first.reasons);
    // A known key whose placeholders changed since (a parameter missing): its own text, not "{sec}".
    const renamed = (first.reasonMessages ?? []).map((m) => ({ ...m, params: {} }));
    expect(first.reasonMessages?.some((m) => Object.keys(m.params).length > 0)).toBe(true);
    expect(reportTexts('en', first.reasons, renamed)).toEqual(first.reasons);
  });
});
