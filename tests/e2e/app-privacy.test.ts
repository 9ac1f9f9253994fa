/**
 * Audio never leaves the machine: over a whole session with the app (review the sample, play,
 * zoom, export, sessions, practice view, language switch) every request goes to the app's own
 * origin (blob: URLs of its own recordings included), none anywhere else.
 */
import { describe, expect, it } from 'vitest';
import { exported, openApp, openSampleCall, showView, useAppServer } from './app-support.ts';

const running = useAppServer();

/** The origin a URL loads from; blob: URLs carry their creator's origin, data: URLs none. */
function originOf(url: string): string {
  if (url.startsWith('data:')) return 'data';
  return new URL(url).origin;
}

describe('privacy', () => {
  it('requests nothing beyond its own origin over the whole flow', async () => {
    const app = await openApp(running.browser, running.server.url);
    const { page, requests, errors } = app;
    try {
      await openSampleCall(page);
      await page.locator('luister-waveform [part="wave"]').focus();
      await page.keyboard.press('Space');
      await page.waitForTimeout(300);
      await page.keyboard.press('Space');
      await page.locator('luister-waveform [aria-label="Inzoomen"]').click();
      await exported(page, 'json');
      await exported(page, 'wav');
      await showView(page, 'sessions');
      await page.locator('luister-sessions tbody tr').first().waitFor();
      await showView(page, 'practice');
      await page.waitForTimeout(1000);
      await page.locator('luister-language-switch button[lang="en"]').click();
      await showView(page, 'review');
      await page.reload();
      await page.locator('luister-app [role="tab"]').first().waitFor();

      const own = new URL(running.server.url).origin;
      const foreign = requests.filter((url) => ![own, 'data'].includes(originOf(url)));
      console.info(`privacy: ${requests.length} requests, ${foreign.length} elsewhere`);
      expect(requests.length).toBeGreaterThan(10);
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await app.context.close();
    }
  });
});
