import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PLEX_SANS_FILES } from '../charts/fonts.ts';
import { FONT_FAMILY } from '../charts/theme.ts';

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

/**
 * `@font-face` rules carrying IBM Plex Sans (regular and bold, the TTFs the figures are
 * rendered with) as data URLs, so the page and its charts draw in the figures' font on any
 * machine, with nothing fetched.
 */
function embeddedFonts() {
  const face = (file: string, weight: number) =>
    `@font-face { font-family: '${FONT_FAMILY}'; font-style: normal; font-weight: ${weight}; font-display: block; src: url(data:font/ttf;base64,${readFileSync(file).toString('base64')}) format('truetype'); }`;
  return `${face(PLEX_SANS_FILES.regular, 400)}\n${face(PLEX_SANS_FILES.bold, 700)}`;
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
 * vega-lite, vega-embed and the IBM Plex Sans font inlined (nothing loads from a network).
 * Charts are drawn once the font has loaded (so vega measures its labels in it) and scaled to
 * the page's width (a figure's 8 pt labels would be 8 px on a screen). Tables scroll
 * horizontally each in its own box (`<div class="table">`), their first column fixed and no
 * number wrapped. Each chart's container gets `data-rendered="true"` once drawn, or
 * `data-error` with the message; `<body>` gets `data-font="loaded"` (or `missing`) and
 * `data-rendered="true"` when every chart is settled, so a headless browser can wait for
 * that and check that every chart rendered in the embedded font.
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
${embeddedFonts()}
body { font-family: '${FONT_FAMILY}', system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
.table { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: separate; border-spacing: 0; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: right; white-space: nowrap; background: #fff; }
th:first-child, td:first-child { text-align: left; position: sticky; left: 0; z-index: 1; border-right: 1px solid #ddd; }
td.text { white-space: normal; min-width: 12rem; }
figure { margin: 1.5rem 0; }
.chart svg.marks { width: 100%; height: auto; }
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
document.fonts.load("10px '${FONT_FAMILY}'").finally(() => {
  const loaded = [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === '${FONT_FAMILY}' && f.status === 'loaded');
  document.body.dataset.font = loaded.length === 2 ? 'loaded' : 'missing';
  const drawn = Object.entries(specs).map(([id, spec]) => {
    const el = document.getElementById(id);
    return vegaEmbed(el, spec, { renderer: 'svg', actions: { export: true, source: true, compiled: false, editor: false } })
      .then(() => { el.dataset.rendered = 'true'; })
      .catch((error) => { el.dataset.error = String(error); });
  });
  Promise.all(drawn).then(() => { document.body.dataset.rendered = 'true'; });
});
</script>
</body>
</html>
`;
}
