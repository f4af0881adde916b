// `npm run build`: compiles the CLI (every command file of src/cli/), the sweep's worker and
// the library (src/index.ts) to JavaScript in dist/, so that `twolevel` and its workers run
// plain JavaScript instead of TypeScript through a loader. One esbuild bundle with code
// splitting: each entry point imports only what it needs, shared code lives in dist/chunks/,
// npm packages stay external except zod: its entry loads 95 files, 60 of them locales
// twolevel never uses (about 0.09 s of a 0.3 s command start-up); bundled, esbuild keeps only
// the code the schemas reach (the same validation and messages). Every output file sits one
// folder below dist/ (dist/cli/, dist/engine/, dist/lib/, dist/chunks/), so a path relative
// to a source file of src/<folder>/ resolves the same from its compiled code. Adding a command is still adding one file to
// src/cli/: it becomes dist/cli/<name>.js at the next build.
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const commands = readdirSync(new URL('src/cli/', `file://${root}`)).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.d.ts'),
);
const entryPoints = {
  'engine/worker': 'src/engine/worker.ts',
  'lib/index': 'src/index.ts',
  ...Object.fromEntries(commands.map((f) => [`cli/${f.slice(0, -3)}`, `src/cli/${f}`])),
};
/** npm packages compiled into dist/ (see above); the others are imported from node_modules. */
const bundled = ['zod'];
/** Marks every bare import (an npm package, a Node built-in) external, but those of `bundled`. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      const name = path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');
      return bundled.includes(name) ? undefined : { path, external: true };
    });
  },
};
rmSync(new URL('dist/', `file://${root}`), { recursive: true, force: true });
const started = performance.now();
await build({
  absWorkingDir: root,
  entryPoints,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externalPackages],
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(
  `built dist/: ${Object.keys(entryPoints).length} entry points in ${Math.round(performance.now() - started)} ms`,
);
