/**
 * Accessibility of every view, checked by axe-core in Chromium (shadow roots included): no
 * serious or critical violations, in Dutch and in English.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openSampleCall, showView, type AppPage } from './app-support.ts';
import { launchChromium, startDevServer, type Server } from './harness.ts';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

declare global {
  interface Window {
    axe?: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
  }
}

let server: Server;
let browser: Browser;
let app: AppPage;
let axeSource: string;

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  server = await startDevServer();
  browser = await launchChromium();
  app = await openApp(browser, server.url);
  await app.page.addScriptTag({ content: axeSource });
  await openSampleCall(app.page);
});

afterAll(async () => {
  await app?.context.close();
  await browser?.close();
  await server?.close();
});

/** Serious and critical violations on the page as it is, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await page.evaluate(async () => {
    if (!window.axe) throw new Error('axe-core is not in the page');
    return window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe('accessibility', () => {
  for (const locale of ['nl', 'en'] as const) {
    for (const view of ['review', 'sessions', 'practice'] as const) {
      it(`has no serious or critical axe violations: ${view} (${locale})`, async () => {
        const { page } = app;
        await page.locator(`luister-language-switch button[lang="${locale}"]`).click();
        await showView(page, view);
        if (view === 'sessions') await page.locator('luister-sessions tbody tr').first().waitFor();
        await page.waitForTimeout(300);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }
});
