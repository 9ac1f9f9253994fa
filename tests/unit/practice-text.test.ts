import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../src/i18n/translate.ts';
import { formatClock } from '../../src/ui/format.ts';
import { PRACTICE_TEXT_KEYS, practiceTemplate, pt } from '../../src/ui/practice/practice-text.ts';

describe('practice texts', () => {
  it('fill the same placeholders in Dutch as in English, and no text is empty', () => {
    for (const key of PRACTICE_TEXT_KEYS) {
      const en = practiceTemplate('en', key);
      const nl = practiceTemplate('nl', key);
      expect(nl.trim(), key).not.toBe('');
      expect([...placeholdersOf(nl)].sort(), key).toEqual([...placeholdersOf(en)].sort());
    }
  });

  it('format numbers and times the way each language writes them', () => {
    expect(pt('nl', 'practiceCall.pace.valueText', { rate: 5.5, zone: 'snel' })).toBe('5,5 lettergrepen per seconde, snel');
    expect(pt('en', 'practiceCall.pace.valueText', { rate: 5.5, zone: 'fast' })).toBe('5.5 syllables per second, fast');
    expect(pt('nl', 'practiceCall.silence.space')).toBe('Geef ruimte — stilte is goed');
    expect(formatClock(7.9)).toBe('0:07');
    expect(formatClock(3725)).toBe('1:02:05');
  });
});
