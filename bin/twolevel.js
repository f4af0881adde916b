#!/usr/bin/env node
// Entry point of the `twolevel` command: the compiled CLI in dist/ (`npm run build`), or, when
// dist/ is missing or older than a file of src/, the TypeScript sources through tsx (slower to
// start, never stale).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/cli/main.js', import.meta.url);

/** The newest modification time of a file under `folder`. */
function newest(folder) {
  let time = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      time = Math.max(time, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return time;
}

// An installed package (under node_modules) runs dist/ as npm pack built it: npm unpacks
// src/ after dist/, so their times say nothing there.
const installed = fileURLToPath(import.meta.url)
  .split(sep)
  .includes('node_modules');
if (
  existsSync(compiled) &&
  (installed || statSync(compiled).mtimeMs >= newest(new URL('../src/', import.meta.url)))
) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
