/**
 * Coaching tips on the practice call: each tied to its moment, grounded in active listening, in
 * both languages, taking the coach's events over the card's own turn measurements when present.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { coachingTips, type CoachingTip } from '../../src/ui/report/coaching-tips.ts';
import { practiceCallReport } from './ui-report-fixtures.ts';

const rendered = (tips: CoachingTip[], locale: 'nl' | 'en') => tips.map((tip) => ({ kind: tip.kind, at: tip.at, text: tip.text(locale), advice: tip.advice?.(locale) }));

describe('coaching tips', () => {
  it('finds the moments of the practice call from its speech alone', () => {
    const tips = rendered(coachingTips(practiceCallReport()), 'nl');
    // A talk share of 56 % is neither a concern (> 60 %) nor worth praise (≤ 50 %): no tip.
    expect(tips.map((tip) => tip.at)).toEqual([16.6669375, 22.727125, 23.727125]);

    const [room, cut, summarise] = tips;
    expect(room.kind).toBe('praise');
    expect(room.text).toBe('Na je beurt om 0:16 bleef het 4,0 s stil voordat de klant reageerde. Goed: je liet de stilte vallen en gaf de klant ruimte.');
    expect(room.advice).toBe(t('nl', 'silence.advice'));
    expect(cut.kind).toBe('suggestion');
    expect(cut.text).toContain('Om 0:22 begon je te praten terwijl de klant nog 1,0 s doorsprak');
    expect(cut.advice).toBe(t('nl', 'interruption.adviceAgent'));
    // Placed where the customer finished: the moment to summarise.
    expect(summarise.text).toContain('Van 0:20 tot 0:23 vertelde de klant het langst');
    expect(summarise.advice).toBeUndefined();
  });

  it('prefers the coach\'s own events: its silence, interruption, sigh and backchannel', () => {
    const report = practiceCallReport([
      { type: 'backchannel', speaker: 'agent', start: 6.51, end: 6.8 },
      { type: 'silence', speaker: 'customer', start: 16.7, end: 20.6 },
      { type: 'interruption', speaker: 'agent', start: 22.73, end: 23.73 },
      { type: 'sigh', speaker: 'customer', start: 26.1, end: 26.9 },
    ]);
    const tips = rendered(coachingTips(report), 'en');
    const at = (time: number) => tips.find((tip) => tip.at === time);
    expect(at(6.51)?.text).toBe('At 0:06 a short "yes" or "mm-hm" showed you were listening (in this call: 1 in all).');
    expect(at(16.7)?.text).toContain('it stayed quiet for 3.9 s');
    expect(at(22.73)?.text).toContain('At 0:22 you started talking while the customer went on for 1.0 s');
    expect(at(26.1)?.text).toBe('At 0:26 the customer sighed.');
    expect(at(26.1)?.advice).toBe(t('en', 'sigh.advice'));
  });

  it('flags a flat, fast agent who does most of the talking', () => {
    const tips = rendered(coachingTips(practiceCallReport([], { talkShare: 0.72, pitchSdSemitones: 1.1, articulationRate: 6.6, speechSec: 20 })), 'nl');
    const texts = tips.map((tip) => tip.text);
    expect(texts).toContain('Je sprak 72% van de tijd. Geef de klant meer ruimte: vraag door en luister.');
    expect(texts).toContain('Je toonhoogte varieerde weinig in dit gesprek (1,1 halve tonen SD).');
    expect(texts).toContain('Je sprak snel: 6,6 lettergrepen per seconde.');
  });

  it('says so when the customer had the room', () => {
    const texts = rendered(coachingTips(practiceCallReport([], { talkShare: 0.45 })), 'nl').map((tip) => tip.text);
    expect(texts).toContain('Je sprak 45% van de tijd: de klant kreeg volop ruimte om het verhaal te doen.');
  });

  it('leaves no placeholder unfilled, in either language', () => {
    const report = practiceCallReport([
      { type: 'interruption', speaker: 'agent', start: 22.73, end: 23.73 },
      { type: 'agitation', speaker: 'customer', start: 24, end: 28 },
      { type: 'dead-air', start: 29, end: 33 },
    ]);
    for (const locale of ['nl', 'en'] as const) {
      for (const tip of rendered(coachingTips(report), locale)) expect(`${tip.text} ${tip.advice ?? ''}`).not.toMatch(/[{}]/);
    }
  });
});
