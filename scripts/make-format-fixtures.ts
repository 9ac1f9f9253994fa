/**
 * Writes the voice-like test signal (tests/e2e/test-audio.ts) as a 4 s stereo 44.1 kHz WAV at the
 * given path: the source that scripts/make-format-fixtures.sh encodes into every format.
 *   npx tsx scripts/make-format-fixtures.ts <out.wav>
 */
import { writeFileSync } from 'node:fs';
import { encodeWav } from '../src/audio/wav-writer.ts';
import { voiceLikeSignal } from '../tests/e2e/test-audio.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: make-format-fixtures.ts <out.wav>');
const rate = 44100;
// Two voices at different pitches: agent left, customer right, so both channels carry speech.
const left = voiceLikeSignal(rate, { seed: 1 });
const right = voiceLikeSignal(rate, { seed: 2, pitchScale: 1.6 });
writeFileSync(out, encodeWav([left, right], rate, 'int16'));
