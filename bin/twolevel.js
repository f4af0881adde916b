#!/usr/bin/env node
// Entry point of the `twolevel` command: the compiled CLI in dist/ (`npm run build`), or, when
// dist/ is missing or older than a file of src/, the TypeScript sources through tsx (slower to
// start, never stale).
import { existsSync, readdirSync, statSync } from 'node:fs';

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

if (
  existsSync(compiled) &&
  statSync(compiled).mtimeMs >= newest(new URL('../src/', import.meta.url))
) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
