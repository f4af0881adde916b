import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';

/** Debian's headless Chromium, if installed (`.ci/run` installs it via scripts/install-system-deps.sh). */
export const chromium = ['chromium', 'chromium-browser']
  .map((name) => spawnSync('which', [name], { encoding: 'utf8' }).stdout.trim())
  .find((path) => path !== '');

if (!chromium) {
  console.warn(
    'Skipping the browser tests: no chromium. Run `bash scripts/install-system-deps.sh` as root (Debian) to enable them.',
  );
}

/**
 * The flags of a headless run with its own profile folder, driven over the DevTools
 * protocol on a pipe (no background networking: this machine has no network, and the
 * browser would keep trying).
 */
function headlessFlags(profile: string, extra: string[]) {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    ...extra,
    'about:blank',
  ];
}

/** A DevTools reply: the result of a command, or its error. */
interface Reply {
  id: number;
  result?: { targetId?: string; sessionId?: string; result?: { value?: unknown } };
  error?: { message: string };
}

/** The signal the toolkit's pages set on `<body>` once every chart has been drawn (or failed). */
export const RENDERED = 'document.body?.dataset.rendered === "true"';

/** How long a page may take to set its signal before the test fails. */
const RENDER_TIMEOUT_MS = 60_000;
/** How often the signal is polled. */
const POLL_MS = 100;

/**
 * Loads `url` in headless Chromium, waits until the page sets its render signal (`ready`, a
 * JavaScript expression; by default {@link RENDERED}), polled every 100 ms for at most 60 s,
 * and returns the DOM then. No time budget decides when the page is done: a slow machine
 * only makes the wait longer, and a page that never signals fails with the time waited.
 *
 * @param url the page (`file://` or `http://`)
 * @param extra more Chromium flags (e.g. `--log-net-log=FILE`, written when the browser closes)
 */
export async function renderedPage(url: string, extra: string[] = [], ready = RENDERED) {
  const profile = mkdtempSync(join(tmpdir(), 'twolevel-chromium-'));
  const browser = spawn(chromium!, headlessFlags(profile, extra), {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((done) => browser.once('exit', done));
  const commands = browser.stdio[3] as Writable;
  const replies = browser.stdio[4] as Readable;
  const pending = new Map<number, (message: Reply) => void>();
  let buffer = '';
  replies.setEncoding('utf8');
  replies.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
      const message = JSON.parse(buffer.slice(0, end)) as Reply;
      buffer = buffer.slice(end + 1);
      pending.get(message.id)?.(message);
      pending.delete(message.id);
    }
  });
  let id = 0;
  /** Sends one DevTools command and waits for its reply. */
  const send = (method: string, params: object = {}, sessionId?: string) =>
    new Promise<NonNullable<Reply['result']>>((resolve, reject) => {
      const key = ++id;
      pending.set(key, (m) =>
        m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result ?? {}),
      );
      commands.write(`${JSON.stringify({ id: key, method, params, sessionId })}\0`);
    });
  try {
    const { targetId } = await send('Target.createTarget', { url });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    const evaluate = async (expression: string) =>
      (await send('Runtime.evaluate', { expression, returnByValue: true }, sessionId)).result
        ?.value;
    const start = Date.now();
    while (!(await evaluate(ready))) {
      if (Date.now() - start > RENDER_TIMEOUT_MS) {
        throw new Error(
          `${url} did not signal that it rendered (${ready}) within ${RENDER_TIMEOUT_MS / 1000} s`,
        );
      }
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
    return (await evaluate('document.documentElement.outerHTML')) as string;
  } finally {
    await send('Browser.close').catch(() => undefined);
    const killer = setTimeout(() => browser.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Loads an HTML file in headless Chromium, waits for its render signal, and returns the DOM. */
export function renderedDom(file: string) {
  return renderedPage(pathToFileURL(file).href);
}
