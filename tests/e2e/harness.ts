/**
 * Shared pieces of the browser tests: a Vite server for the project, headless Chromium, and a
 * page with the test API (pages/index.html) whose errors are collected.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServer, preview, type InlineConfig } from 'vite';
import type { E2EApi } from './pages/api.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The test page, relative to the server root. */
export const TEST_PAGE = 'tests/e2e/pages/index.html';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  // The pages start AudioContexts without a click.
  '--autoplay-policy=no-user-gesture-required',
];

/** Flags that make getUserMedia capture `wavPath` (looped; Chromium resamples it to 48 kHz). */
export function fakeMicrophoneArgs(wavPath: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wavPath}`];
}

export interface Server {
  url: string;
  close(): Promise<void>;
}

/** The project's own Vite config, quiet, with `extra` on top: for servers and builds alike. */
export function viteConfig(extra: InlineConfig = {}): InlineConfig {
  return {
    root: ROOT,
    configFile: `${ROOT}/vite.config.ts`,
    logLevel: 'warn',
    clearScreen: false,
    ...extra,
  };
}

/**
 * Vite's dev server on a free port. Nothing may reload a page in the middle of a test: no HMR, no
 * file watching (other work goes on in the tree), no dependency discovery (a late re-optimisation
 * reloads the page; the pages import no packages anyway).
 */
export async function startDevServer(): Promise<Server> {
  const server = await createServer(
    viteConfig({ server: { port: 0, host: '127.0.0.1', hmr: false, watch: null }, optimizeDeps: { noDiscovery: true } }),
  );
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the Vite dev server did not report its address');
  return { url, close: () => server.close() };
}

/** `vite preview` of a build in `outDir`, on a free port. */
export async function startPreviewServer(outDir: string): Promise<Server> {
  const server = await preview(viteConfig({ build: { outDir }, preview: { port: 0, host: '127.0.0.1' } }));
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the Vite preview server did not report its address');
  return { url, close: () => server.close() };
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * Chromium with a profile in `userDataDir`, as a user's browser has: storage goes to disk. The
 * contexts of `launchChromium` keep IndexedDB in memory, which would count a long recording as
 * the browser's own memory.
 */
export function launchPersistentChromium(userDataDir: string, extraArgs: string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: { width: 1280, height: 800 },
    locale: 'nl-NL',
  });
}

export interface TestPage {
  page: Page;
  /** Uncaught errors and console errors of the page, for assertions and failure messages. */
  errors: string[];
}

/** Where the page finds a file given to `openTestPage`. */
export function testFileUrl(name: string): string {
  return `/e2e-files/${name}`;
}

/**
 * Opens the test page from `baseUrl` and waits until its API is installed. `files` are answered
 * from memory at `testFileUrl(name)`, so test audio never has to be written into the tree.
 */
export async function openTestPage(browser: Browser, baseUrl: string, files: Record<string, Uint8Array> = {}): Promise<TestPage> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  for (const [name, body] of Object.entries(files)) {
    await page.route(new URL(testFileUrl(name), baseUrl).href, (route) => route.fulfill({ body: Buffer.from(body), contentType: 'audio/wav' }));
  }
  await page.goto(new URL(TEST_PAGE, baseUrl).href);
  await page.waitForFunction(() => window.luisterE2E !== undefined);
  return { page, errors };
}

/** Calls one method of the page's test API with JSON arguments and returns its JSON result. */
export function callPage<K extends keyof E2EApi>(
  page: Page,
  method: K,
  ...args: Parameters<E2EApi[K]>
): Promise<Awaited<ReturnType<E2EApi[K]>>> {
  return page.evaluate(
    ([name, params]) => {
      const api = window.luisterE2E;
      if (!api) throw new Error('the test page API is not installed');
      return (api[name] as (...a: unknown[]) => Promise<unknown>)(...params);
    },
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<E2EApi[K]>>>;
}
