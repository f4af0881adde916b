import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** A piece of a report page: trusted HTML written by the toolkit, or a Vega-Lite chart. */
export type ReportBlock =
  | { kind: 'html'; html: string }
  | { kind: 'chart'; title: string; spec: object };

const require = createRequire(import.meta.url);

/** The browser build of a package, read from its folder (package exports hide `build/`). */
function browserBuild(pkg: string, file: string) {
  for (const modules of require.resolve.paths(pkg) ?? []) {
    const path = join(modules, pkg, 'build', file);
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  throw new Error(`cannot find ${pkg}/build/${file}: is ${pkg} installed (npm install)?`);
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Puts a script's text inside `<script>` safely: a literal `</script` would end the element. */
function inlineScript(code: string) {
  return `<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`;
}

/**
 * A self-contained HTML page: the blocks in order, each chart drawn by vega-embed, with vega,
 * vega-lite and vega-embed inlined (nothing loads from a network). Each chart's container gets
 * `data-rendered="true"` once drawn, or `data-error` with the message, and `<body>` gets
 * `data-rendered="true"` when every chart is settled, so a headless browser can wait for
 * that and check that every chart rendered.
 */
export function reportPage(title: string, blocks: ReportBlock[]) {
  const charts: { id: string; spec: object }[] = [];
  const body = blocks
    .map((block) => {
      if (block.kind === 'html') return block.html;
      const id = `chart-${charts.length + 1}`;
      charts.push({ id, spec: block.spec });
      return `<figure><div class="chart" id="${id}"></div><figcaption>${escapeHtml(block.title)}</figcaption></figure>`;
    })
    .join('\n');
  const specs = JSON.stringify(Object.fromEntries(charts.map((c) => [c.id, c.spec]))).replace(
    /</g,
    '\\u003c',
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 1rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
figure { margin: 1.5rem 0; }
figcaption { font-size: 0.9rem; color: #555; }
pre { background: #f6f6f6; padding: 0.75rem; overflow-x: auto; font-size: 0.8rem; }
.supported { color: #0a6e31; } .contradicted { color: #b00020; } .inconclusive { color: #8a6d00; }
</style>
${inlineScript(browserBuild('vega', 'vega.min.js'))}
${inlineScript(browserBuild('vega-lite', 'vega-lite.min.js'))}
${inlineScript(browserBuild('vega-embed', 'vega-embed.min.js'))}
</head>
<body>
${body}
<script>
const specs = ${specs};
const drawn = Object.entries(specs).map(([id, spec]) => {
  const el = document.getElementById(id);
  return vegaEmbed(el, spec, { renderer: 'svg', actions: { export: true, source: true, compiled: false, editor: false } })
    .then(() => { el.dataset.rendered = 'true'; })
    .catch((error) => { el.dataset.error = String(error); });
});
Promise.all(drawn).then(() => { document.body.dataset.rendered = 'true'; });
</script>
</body>
</html>
`;
}
