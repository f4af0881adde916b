import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import type { TopLevelSpec } from 'vega-lite';
import { UserError } from '../errors.ts';
import { writeAtomic } from '../results/atomic.ts';
import { PLEX_SANS_FILES, plexTextWidth } from './fonts.ts';
import { FONT_FAMILY, POINTS_PER_INCH } from './theme.ts';

// vega, vega-lite, PDFKit and SVG-to-PDFKit (about 1 s to load together) and resvg (a native
// addon) are loaded when a figure is drawn, so that importing the library (or a command that
// draws nothing) does not load them.
declare module 'vega' {
  /** Vega's text measurer (exported by vega-scenegraph, missing from vega's typings). */
  export const textMetrics: { width: (item: object, text: unknown) => number };
}

const require = createRequire(import.meta.url);

/** Raster resolution of PNG output, in dots per inch. */
export const PNG_DPI = 300;

/** A file format {@link renderFigure} can write besides the `.vl.json` spec. */
export type FigureFormat = 'svg' | 'png' | 'pdf';

/**
 * Renders a Vega-Lite spec to SVG markup, headless: vega-lite compiles it, vega lays it
 * out with IBM Plex Sans metrics ({@link plexTextWidth}) and draws it with the `none`
 * renderer; the spec is cloned first, so it is never modified. SVG ids (clip paths, gradients) restart at 1 on each call, so the same spec
 * always gives the same bytes. Sizes are in Vega px = points (see `POINTS_PER_INCH`).
 *
 * @example
 * await toSVG({ data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } });
 * // => '<svg xmlns="http://www.w3.org/2000/svg" ... </svg>'
 */
export async function toSVG(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }, textWidth] = await Promise.all([
    import('vega'),
    import('vega-lite'),
    plexTextWidth(),
  ]);
  vega.textMetrics.width = textWidth;
  vega.resetSVGDefIds();
  // vega tags inline data rows with ids; a clone keeps the caller's spec untouched.
  const view = new vega.View(vega.parse(compile(structuredClone(spec)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Rasterises SVG markup to PNG at {@link PNG_DPI}: each Vega px (= 1 pt) becomes
 * 300/72 pixels, so a 252 pt (3.5 in) figure is 1050 px wide. Text is drawn with the
 * bundled IBM Plex Sans files only (no system fonts), and a `pHYs` chunk records 300 dpi
 * so word processors and LaTeX place the image at its intended size.
 *
 * @example
 * svgToPNG('<svg xmlns="http://www.w3.org/2000/svg" width="72" height="36"/>'); // => a 300 x 150 px PNG
 */
export function svgToPNG(svg: string): Buffer {
  // resvg is CommonJS (a native addon): required here, synchronously, on the first PNG.
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_DPI / POINTS_PER_INCH },
    font: {
      fontFiles: [PLEX_SANS_FILES.regular, PLEX_SANS_FILES.bold],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
    },
  });
  return withResolution(resvg.render().asPng(), PNG_DPI);
}

/**
 * Inserts a `pHYs` chunk (PNG 1.2 spec, section 4.2.4.2) right after `IHDR`: pixels per
 * metre on both axes, `dpi / 0.0254` rounded, unit 1 (metre). The chunk's CRC-32 covers its
 * type and data.
 */
function withResolution(png: Buffer, dpi: number): Buffer {
  const ihdrEnd = 8 + 4 + 4 + 13 + 4;
  const chunk = Buffer.alloc(4 + 4 + 9 + 4);
  const pixelsPerMetre = Math.round(dpi / 0.0254);
  chunk.writeUInt32BE(9, 0);
  chunk.write('pHYs', 4, 'latin1');
  chunk.writeUInt32BE(pixelsPerMetre, 8);
  chunk.writeUInt32BE(pixelsPerMetre, 12);
  chunk.writeUInt8(1, 16);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 17)), 17);
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

/** Reads the `width` and `height` attributes of an SVG root element, in Vega px = points. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) {
    throw new Error(`SVG root has no positive width and height: ${root.slice(0, 200)}`);
  }
  return { width, height };
}

/**
 * Converts SVG markup to a vector PDF whose page is the figure's size in points (1 Vega px
 * = 1 pt, so a 252 x 180 figure is a 3.5 x 2.5 in page). IBM Plex Sans regular and bold are
 * embedded as TrueType subsets (`FontFile2`) with a ToUnicode map, so the text is real,
 * selectable and searchable.
 *
 * @example
 * await svgToPDF('<svg xmlns="http://www.w3.org/2000/svg" width="252" height="180"/>'); // => a 252 x 180 pt one-page PDF
 */
export async function svgToPDF(svg: string): Promise<Buffer> {
  const { width, height } = svgSize(svg);
  const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([
    import('pdfkit'),
    import('svg-to-pdfkit'),
  ]);
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    // A fixed date, so the same figure gives the same bytes.
    info: {
      Producer: 'twolevel (PDFKit, SVG-to-PDFKit)',
      Creator: 'twolevel',
      CreationDate: new Date(0),
    },
  });
  doc.registerFont(FONT_FAMILY, PLEX_SANS_FILES.regular);
  doc.registerFont(`${FONT_FAMILY}-Bold`, PLEX_SANS_FILES.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  SVGtoPDF(doc, svg, 0, 0, {
    width,
    height,
    assumePt: true,
    fontCallback: (_family, bold) => (bold ? `${FONT_FAMILY}-Bold` : FONT_FAMILY),
    warningCallback: (message) => {
      throw new Error(`SVG to PDF: ${message}`);
    },
  });
  doc.end();
  return done;
}

const FORMATS: readonly FigureFormat[] = ['svg', 'png', 'pdf'];

/**
 * Writes a figure next to its source: `<outBase>.vl.json` (the spec, data inline, so the
 * figure can be re-rendered or opened in the Vega editor) and one file per format,
 * `<outBase>.svg`, `<outBase>.png` (300 dpi) and `<outBase>.pdf` (vector, fonts embedded).
 * Creates the folder when missing. Returns the paths written, spec first.
 *
 * @example
 * await renderFigure(spec, 'results/figures/agreement-rate', ['svg', 'pdf']);
 * // => ['results/figures/agreement-rate.vl.json', '....svg', '....pdf']
 */
export async function renderFigure(
  spec: TopLevelSpec,
  outBase: string,
  formats: readonly FigureFormat[] = FORMATS,
): Promise<string[]> {
  for (const format of formats) {
    if (!FORMATS.includes(format)) {
      throw new UserError(
        `renderFigure formats: unknown format ${JSON.stringify(format)}; valid: ${FORMATS.join(', ')}`,
      );
    }
  }
  await mkdir(dirname(outBase), { recursive: true });
  const written = [`${outBase}.vl.json`];
  writeAtomic(written[0]!, `${JSON.stringify(spec, null, 2)}\n`);
  const svg = await toSVG(spec);
  for (const format of formats) {
    const path = `${outBase}.${format}`;
    const bytes = format === 'svg' ? svg : format === 'png' ? svgToPNG(svg) : await svgToPDF(svg);
    writeAtomic(path, bytes);
    written.push(path);
  }
  return written;
}
