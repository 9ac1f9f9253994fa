/**
 * A stereo call with customer sighs at known times, uploaded into the review: each sigh shows as a
 * labelled region, and the report the app exports has it within 150 ms of where it was placed.
 */
import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../src/audio/wav-writer.ts';
import type { Report } from '../../src/report/report-types.ts';
import { CallBuilder, CLIPS } from '../support/call-builder.ts';
import { downloaded, exported, openApp, waitForReview, WAIT, useAppServer } from './app-support.ts';

const ONSET_TOLERANCE_SEC = 0.15;

const running = useAppServer();

/** Agent and customer take turns; the customer sighs three times, in the pauses between turns. */
function callWithSighs() {
  const b = new CallBuilder(7);
  for (let k = 0; k < 3; k++) {
    b.say('agent', CLIPS.natural[k], 0.6);
    b.say('customer', CLIPS.customer[k % CLIPS.customer.length], 0.5);
    const sigh = b.sigh('customer', b.cursor + 0.8);
    b.cursor = sigh.end;
  }
  b.say('agent', CLIPS.natural[3], 0.8);
  return b.build({ noiseDb: -60 });
}

describe('review of a call with sighs', () => {
  it('shows every sigh as a labelled region, at the right time in the exported report', async () => {
    const call = callWithSighs();
    const placed = call.truth.placed.filter((e) => e.type === 'sigh');
    expect(placed).toHaveLength(3);
    const app = await openApp(running.browser, running.server.url);
    try {
      const { page } = app;
      const wav = Buffer.from(encodeWav(call.channels, call.sampleRate, 'int16'));
      await page.locator('luister-file-picker input[type="file"]').setInputFiles({ name: 'zuchten.wav', mimeType: 'audio/wav', buffer: wav });
      await waitForReview(page);

      const sighRegions = page.locator('luister-waveform [part~="region-content"]', { hasText: 'Zucht' });
      await expect.poll(() => sighRegions.count(), WAIT).toBe(placed.length);

      const report = JSON.parse(await downloaded(await exported(page, 'json'))) as Report;
      const found = report.events.filter((e) => e.type === 'sigh');
      for (const sigh of placed) {
        const match = found.find((e) => Math.abs(e.start - sigh.start) <= ONSET_TOLERANCE_SEC);
        expect(match, `sigh at ${sigh.start.toFixed(2)} s in ${JSON.stringify(found)}`).toBeDefined();
        expect(match?.speaker).toBe('customer');
      }
    } finally {
      await app.context.close();
    }
  });
});
