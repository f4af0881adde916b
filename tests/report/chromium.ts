import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
 * The flags of a headless run with its own profile folder that loads `url`, lets its scripts
 * run for 10 s of virtual time and prints the DOM (no background networking: this machine has
 * no network, and the browser would keep trying).
 */
export function dumpDomFlags(profile: string, url: string, extra: string[] = []) {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--user-data-dir=${profile}`,
    ...extra,
    '--virtual-time-budget=10000',
    '--dump-dom',
    url,
  ];
}

/** Loads an HTML file in headless Chromium, lets its scripts run, and returns the resulting DOM. */
export function renderedDom(file: string) {
  const profile = mkdtempSync(join(tmpdir(), 'twolevel-chromium-'));
  try {
    return execFileSync(chromium!, dumpDomFlags(profile, pathToFileURL(file).href), {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 60_000,
      // the dumped DOM holds the inlined vega bundles (several MB)
      maxBuffer: 256 * 1024 * 1024,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
