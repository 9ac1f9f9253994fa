/**
 * What `npm start` serves: the production build of index.html under `vite preview` opens the
 * bundled sample call in one click and reviews it with the bundled Worker.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openSampleCall } from './app-support.ts';
import { launchChromium, ROOT, startPreviewServer, type Server } from './harness.ts';

let outDir: string;
let server: Server;
let browser: Browser;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'luister-app-build-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await startPreviewServer(outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the built app', () => {
  it('bundles the sample call and reviews it from vite preview', async () => {
    const files = await readdir(join(outDir, 'assets'));
    expect(files.filter((name) => /^practice-call-.*\.wav$/.test(name))).toHaveLength(1);

    const app = await openApp(browser, server.url);
    try {
      await openSampleCall(app.page);
      await expect(app.page.locator('luister-recording-view #recording-title').textContent()).resolves.toBe('Voorbeeldgesprek.wav');
      expect(await app.page.locator('luister-waveform [part~="region"]').count()).toBeGreaterThan(0);
      expect(app.errors).toEqual([]);
    } finally {
      await app.context.close();
    }
  });
});
