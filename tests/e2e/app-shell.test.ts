/**
 * The shell: tabs that follow the ARIA tabs pattern (arrow keys, Home/End, aria-selected, one tab
 * stop), the language from the browser until the user picks one, which is then remembered.
 */
import { describe, expect, it } from 'vitest';
import { deepActiveElement, openApp, WAIT, useAppServer } from './app-support.ts';

const running = useAppServer();

describe('app shell', () => {
  it('moves between views with the arrow keys, Home and End', async () => {
    const { page, context, errors } = await openApp(running.browser, running.server.url);
    try {
      const selected = () => page.locator('luister-app [role="tab"][aria-selected="true"]').getAttribute('id');
      const visiblePanel = () => page.locator('luister-app [role="tabpanel"]:not([hidden])').getAttribute('id');
      expect(await selected()).toBe('tab-review');
      expect(await page.locator('luister-app [role="tab"][tabindex="0"]').count()).toBe(1);

      await page.locator('luister-app #tab-review').focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(selected, WAIT).toBe('tab-sessions');
      expect(await visiblePanel()).toBe('panel-sessions');
      expect((await deepActiveElement(page)).text).toBe('Sessies');
      await page.keyboard.press('ArrowRight');
      await expect.poll(selected, WAIT).toBe('tab-practice');
      await page.keyboard.press('End');
      await expect.poll(selected, WAIT).toBe('tab-sessions');
      await page.keyboard.press('Home');
      await expect.poll(selected, WAIT).toBe('tab-practice');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(selected, WAIT).toBe('tab-sessions');
      expect(page.url()).toMatch(/#sessions$/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('speaks the browser\'s language until the user picks one, and remembers the pick', async () => {
    const { page, context } = await openApp(running.browser, running.server.url, { locale: 'en-US' });
    try {
      const review = page.locator('luister-app #tab-review');
      await expect(review.textContent()).resolves.toContain('Review');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-GB');

      await page.locator('luister-language-switch button[lang="nl"]').click();
      await expect.poll(() => review.textContent(), WAIT).toContain('Terugluisteren');
      expect(await page.locator('luister-language-switch button[lang="nl"]').getAttribute('aria-pressed')).toBe('true');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl-NL');

      await page.reload();
      await expect.poll(() => page.locator('luister-app #tab-review').textContent(), WAIT).toContain('Terugluisteren');
    } finally {
      await context.close();
    }
  });
});
