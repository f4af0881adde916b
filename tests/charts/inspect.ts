import { inflateSync } from 'node:zlib';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';
import { plexTextWidth } from '../../src/charts/fonts.ts';

/**
 * Warnings (and errors) that vega-lite's compiler and vega's parser and dataflow raise for
 * `spec`; an empty list means the spec is clean.
 */
export async function specWarnings(spec: TopLevelSpec): Promise<string[]> {
  const messages: string[] = [];
  const collect = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  const logger = {
    level(_?: number) {
      return logger;
    },
    warn: collect,
    error: collect,
    info: () => logger,
    debug: () => logger,
  };
  const vg = compile(spec, { logger: logger as never }).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none', logLevel: vega.Warn });
  view.logger(logger as never);
  await view.runAsync();
  view.finalize();
  return messages;
}

/** Width and height of a PNG from its IHDR chunk (bytes 16-23, big-endian). */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * The text a PDF shows, one string per embedded font: every FlateDecode stream is inflated,
 * each ToUnicode CMap's `bfrange` arrays give glyph id -> character, and the glyphs shown
 * by `<hex> Tj` / `[<hex> ...] TJ` in content order are decoded with each map in turn.
 */
export function pdfTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const start = /stream\r?\n/g;
  for (let m = start.exec(raw); m !== null; m = start.exec(raw)) {
    const from = m.index + m[0].length;
    const to = raw.indexOf('endstream', from);
    try {
      streams.push(inflateSync(pdf.subarray(from, to)).toString('latin1'));
    } catch {
      // not a Flate stream (e.g. the raw font program when uncompressed)
    }
  }
  const glyphs: number[] = [];
  const maps: Map<number, string>[] = [];
  for (const s of streams) {
    for (const shown of s.matchAll(/(<[0-9a-fA-F]+>|\[[^\]]*\])\s*T[jJ]/g)) {
      for (const hex of shown[1]!.matchAll(/<([0-9a-fA-F]+)>/g)) {
        for (let i = 0; i < hex[1]!.length; i += 4)
          glyphs.push(parseInt(hex[1]!.slice(i, i + 4), 16));
      }
    }
    for (const range of s.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/g)) {
      const map = new Map<number, string>();
      const first = parseInt(range[1]!, 16);
      [...range[2]!.matchAll(/<([0-9a-f]+)>/g)].forEach((u, k) => {
        map.set(first + k, String.fromCharCode(parseInt(u[1]!, 16)));
      });
      maps.push(map);
    }
  }
  return maps.map((map) => glyphs.map((g) => map.get(g) ?? '\u0000').join(''));
}

/** A scenegraph mark (with its items) or item (a group's items are marks). */
interface SceneNode {
  marktype?: string;
  role?: string;
  x?: number;
  items?: SceneNode[];
  bounds?: { x1: number; x2: number };
}

/**
 * The horizontal extent `[x1, x2]` of each legend of `spec`, in points from the figure's left
 * edge, laid out as `toSVG` lays it out (Plex metrics): a legend item's bounds are in its
 * group's coordinates, so they are shifted by the padding, the view's origin and the `x` of
 * every enclosing group item.
 */
export async function legendExtents(spec: TopLevelSpec): Promise<[number, number][]> {
  vega.textMetrics.width = await plexTextWidth();
  const view = new vega.View(vega.parse(compile(structuredClone(spec)).spec), {
    renderer: 'none',
  });
  await view.runAsync();
  const extents: [number, number][] = [];
  const visit = (mark: SceneNode, offset: number) => {
    for (const item of mark.items ?? []) {
      if (mark.role === 'legend') {
        extents.push([offset + item.bounds!.x1, offset + item.bounds!.x2]);
      } else if (mark.marktype === 'group') {
        for (const child of item.items ?? []) visit(child, offset + (item.x ?? 0));
      }
    }
  };
  // where vega's renderers put the root group: padding plus origin (its offset(view))
  const padding = view.padding() as { left: number };
  const scene = view.scenegraph() as unknown as { root: SceneNode };
  visit(scene.root, padding.left + view.origin()[0]);
  view.finalize();
  return extents;
}
