/*
 * `npm run bench`: runs every `bench/*.bench.ts` in name order. Each default-exports an async
 * function that measures one part of the toolkit and prints its figures (timings live here,
 * never in tests).
 */
import { readdirSync } from 'node:fs';

const folder = new URL('.', import.meta.url);
const only = process.argv[2];
for (const file of readdirSync(folder)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  if (only && !file.includes(only)) continue;
  const bench = (await import(new URL(file, folder).href)) as { default: () => Promise<void> };
  console.log(`\n== ${file.replace('.bench.ts', '')}`);
  await bench.default();
}
