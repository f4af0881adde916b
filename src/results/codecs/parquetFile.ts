/**
 * A Parquet file written from a table's typed columns: one row group, one dictionary page
 * (where a dictionary pays) and one DATA_PAGE_V2 per column chunk, Snappy-compressed, with
 * statistics (Parquet format: "File format", "Data pages", "Encodings": PLAIN, RLE /
 * bit-packing hybrid, RLE_DICTIONARY; "Compression": SNAPPY).
 *
 * The file is byte for byte what hyparquet-writer 0.17's `parquetWriteBuffer` writes for the
 * table (tests/results/encoderBytes.test.ts): the same choices (a dictionary when its values
 * and bit-packed keys take at most half the PLAIN bytes, booleans of more than 16 rows as RLE,
 * the statistics' signed zeros and truncated strings), made on the typed columns instead of
 * value by value through Maps, and the values written without a converted copy into buffers
 * reused from column to column. The page headers and the file metadata are written by
 * parquetMetadata.ts, the same Thrift bytes as hyparquet-writer's; level runs, dictionary keys,
 * Snappy and the truncation of long string statistics are hyparquet-writer's own functions.
 * Tables it lays out otherwise (no rows, more than 1,000 rows, so several row groups, or a
 * column of 1 MiB of text, so several pages: see `fitsOnePage`; columns of different
 * lengths, which it refuses) are left to hyparquet-writer itself, and so is every table on a
 * big-endian machine (values are copied in the machine's byte order):
 * `encodeParquetFile` returns undefined for them.
 * @module
 */
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import type { ColumnSpec } from '../../engine/columns.ts';
import { type ColumnValues, type ResultTable, tableRows } from '../table.ts';
import {
  type ChunkMetadata,
  type ChunkStatistics,
  ENCODING,
  type SchemaNode,
  writeDataPageV2Header,
  writeDictionaryPageHeader,
  writeFileMetadata,
} from './parquetMetadata.ts';
import { ByteSink, CompactWriter } from './thrift.ts';
import { utf8Bytes, utf8Length } from './utf8.ts';

const require = createRequire(import.meta.url);

/** hyparquet-writer's pieces (loaded on the first encode, as parquet.ts explains). */
function writerParts() {
  return {
    snappyCompress: (
      require('hyparquet-writer/src/snappy.js') as typeof import('hyparquet-writer/src/snappy.js')
    ).snappyCompress,
    writeRleBitPackedHybrid: (
      require('hyparquet-writer/src/encoding.js') as typeof import('hyparquet-writer/src/encoding.js')
    ).writeRleBitPackedHybrid as unknown as (
      sink: ByteSink,
      values: ArrayLike<number>,
      bitWidth: number,
    ) => number,
  };
}
type Parts = ReturnType<typeof writerParts>;

/** hyparquet-writer's row groups hold up to 1,000 rows first; its pages up to 1 MiB (estimated). */
const FIRST_ROW_GROUP = 1000;
const PAGE_SIZE = 1048576;
/** hyparquet-writer truncates byte-array statistics longer than this (bytes). */
const STATISTICS_LENGTH = 16;

/**
 * Whether one row group and one page per column hold the table, as hyparquet-writer lays it
 * out: it starts a new page where a column's values, as it writes them, reach 1 MiB, which
 * for text is a utf8 column's UTF-8 bytes (it encodes the strings first) but a category's
 * UTF-16 lengths (it keeps the labels strings; with a dictionary it pages the keys, and
 * those never fill a page, so this test only gives some tables up to hyparquet-writer).
 */
function fitsOnePage(table: ResultTable, rows: number): boolean {
  if (rows === 0 || rows > FIRST_ROW_GROUP) return false;
  return table.columns.every((spec) => {
    const values = table.values[spec.name]!;
    // columns of another length are left to hyparquet-writer, which refuses them
    if (values.length !== rows) return false;
    if (spec.type !== 'utf8' && spec.type !== 'category') return true;
    let chars = 0;
    for (let i = 0; i < rows; i++) {
      chars +=
        spec.type === 'utf8'
          ? (values as readonly string[])[i]!.length
          : spec.labels![(values as Uint8Array)[i]!]!.length;
    }
    if (spec.type === 'category') return chars < PAGE_SIZE;
    // at most 3 UTF-8 bytes a UTF-16 code unit
    return 3 * chars < PAGE_SIZE || utf8Length(values as readonly string[]) < PAGE_SIZE;
  });
}

/** Compares byte ranges `a[aStart, aEnd)` and `b[bStart, bEnd)` (unsigned, lexicographic: code point order). */
function compareBytes(
  a: Uint8Array,
  aStart: number,
  aEnd: number,
  b: Uint8Array,
  bStart: number,
  bEnd: number,
): number {
  const common = Math.min(aEnd - aStart, bEnd - bStart);
  for (let k = 0; k < common; k++) {
    const d = a[aStart + k]! - b[bStart + k]!;
    if (d !== 0) return d;
  }
  return aEnd - aStart - (bEnd - bStart);
}

/**
 * Whether hyparquet-writer keeps a dictionary of `distinct` values for `count` values of
 * `total` PLAIN bytes whose distinct values take `distinctBytes` (a BYTE_ARRAY's 4-byte
 * lengths counted in both): when the dictionary plus its bit-packed keys take at most half
 * the PLAIN bytes. (It first rejects a sample more than 90% distinct; over one row group the
 * sample is every value, which this test rejects anyway.) The test only gets harder as
 * `distinct` grows.
 */
function dictionaryPays(count: number, distinct: number, total: number, distinctBytes: number) {
  if (total === 0) return false;
  const keysSize = Math.ceil((count * Math.ceil(Math.log2(distinct))) / 8);
  return 2 * (distinctBytes + keysSize) <= total;
}

/**
 * The most distinct values a dictionary of `count` values of `size` bytes each may have and
 * still pay ({@link dictionaryPays}, which only gets harder as they grow), 0 when none: found
 * by bisection.
 */
function mostDistinct(count: number, size: number): number {
  let pays = 0;
  let fails = count + 1;
  while (fails - pays > 1) {
    const d = (pays + fails) >>> 1;
    if (dictionaryPays(count, d, size * count, size * d)) pays = d;
    else fails = d;
  }
  return pays;
}

/**
 * A byte-array statistic as hyparquet-writer writes it: up to 16 bytes as they are, longer
 * ones through its `unconvertMinMax` (cut on a code point, a maximum rounded up, unless no
 * shorter bound exists). `bytes` is a copy the statistic may keep.
 */
function byteArrayStatistic(bytes: Uint8Array, element: SchemaNode, isMax: boolean): Uint8Array {
  if (bytes.length <= STATISTICS_LENGTH) return bytes;
  const unconvert =
    require('hyparquet-writer/src/unconvert.js') as typeof import('hyparquet-writer/src/unconvert.js');
  return unconvert.unconvertMinMax(bytes, element as never, isMax)!;
}

/** Byte-array statistics of the least and the greatest value's bytes (copies). */
function byteArrayStatistics(element: SchemaNode, min: Uint8Array, max: Uint8Array) {
  const minValue = byteArrayStatistic(min, element, false);
  const maxValue = byteArrayStatistic(max, element, true);
  return {
    min: minValue,
    max: maxValue,
    // a statistic cut short is shorter than the value
    minTruncated: minValue.length < min.length,
    maxTruncated: maxValue.length < max.length,
    nulls: 0,
    nans: undefined,
  };
}

/** Numeric statistics: NaN left out and counted (doubles), zeros signed as -0 (min) and 0 (max). */
function numberStatistics(
  values: Int32Array | Float64Array,
  present: Int32Array,
  isFloat: boolean,
): ChunkStatistics {
  // the first least and greatest value (-0 and 0 compare equal and are signed below)
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let nans = 0;
  for (let i = 0; i < present.length; i++) {
    const v = values[present[i]!]!;
    if (Number.isNaN(v)) nans++;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const some = nans < present.length;
  return {
    min: some ? (min === 0 ? -0 : min) : undefined,
    max: some ? (max === 0 ? 0 : max) : undefined,
    minTruncated: false,
    maxTruncated: false,
    nulls: values.length - present.length,
    nans: isFloat ? nans : undefined,
  };
}

/** Booleans' statistics: false before true. */
function boolStatistics(flags: readonly boolean[]): ChunkStatistics {
  return {
    min: flags.includes(false) ? 0 : 1,
    max: flags.includes(true) ? 1 : 0,
    minTruncated: false,
    maxTruncated: false,
    nulls: 0,
    nans: undefined,
  };
}

/** A category column's statistics: the least and the greatest label used, in UTF-8 byte order. */
function categoryStatistics(labels: readonly Uint8Array[], codes: Uint8Array, element: SchemaNode) {
  const used = new Uint8Array(labels.length);
  for (let i = 0; i < codes.length; i++) used[codes[i]!] = 1;
  let min: Uint8Array | undefined;
  let max: Uint8Array | undefined;
  for (let c = 0; c < labels.length; c++) {
    const l = labels[c]!;
    if (!used[c]) continue;
    if (!min || compareBytes(l, 0, l.length, min, 0, min.length) < 0) min = l;
    if (!max || compareBytes(l, 0, l.length, max, 0, max.length) > 0) max = l;
  }
  return byteArrayStatistics(element, min!.slice(), max!.slice());
}

/**
 * Writes a table's column chunks into one file buffer, with the scratch space every chunk
 * reuses: the page being built, its definition levels, the rows of a nullable column's values,
 * and a dictionary's hash slots, entries and keys.
 */
class ChunkWriter {
  readonly file: ByteSink;
  readonly thrift: CompactWriter;
  private readonly page: ByteSink;
  private readonly levels: ByteSink;
  /** Every row, 0 .. rows - 1: the present rows of a column without nulls. */
  private readonly all: Int32Array;
  private readonly present: Int32Array;
  /** One-bit values (definition levels, booleans) for the RLE / bit-packing hybrid. */
  private readonly bits: Uint8Array;
  /** Open-addressing hash slots (a dictionary key + 1, 0 when empty), at most half of them used. */
  private readonly slots: Int32Array;
  private readonly shift: number;
  private readonly entries: Int32Array;
  private readonly keys: Int32Array;

  constructor(
    private readonly parts: Parts,
    rows: number,
    room: number,
  ) {
    this.file = new ByteSink(room);
    this.thrift = new CompactWriter(this.file);
    this.page = new ByteSink(8 * rows + 64);
    this.levels = new ByteSink(Math.ceil(rows / 4) + 16);
    this.all = new Int32Array(rows);
    for (let i = 0; i < rows; i++) this.all[i] = i;
    this.present = new Int32Array(rows);
    this.bits = new Uint8Array(rows);
    const slotBits = Math.max(4, Math.ceil(Math.log2(2 * rows)));
    this.slots = new Int32Array(1 << slotBits);
    this.shift = 32 - slotBits;
    this.entries = new Int32Array(rows);
    this.keys = new Int32Array(rows);
  }

  /**
   * The dictionary of a numeric column as hyparquet-writer decides it: its distinct values
   * (SameValueZero: NaN one value, -0 and 0 one, as its Map keys them) in order of first
   * appearance, their first rows in `entries`, each present row's key in `keys`; 0 when the
   * dictionary does not pay ({@link dictionaryPays}), known as soon as the column shows one
   * distinct value more than {@link mostDistinct}. Values are found by a hash of their bits
   * (a double's two words, one pattern for both zeros and one for every NaN).
   */
  private numberDictionary(numbers: Int32Array | Float64Array, present: Int32Array): number {
    const count = present.length;
    const size = numbers instanceof Float64Array ? 8 : 4;
    const words = new Int32Array(numbers.buffer, numbers.byteOffset, (size / 4) * numbers.length);
    const { slots, shift, entries, keys } = this;
    const mask = slots.length - 1;
    const most = mostDistinct(count, size);
    if (most === 0) return 0;
    slots.fill(0);
    let found = 0;
    for (let i = 0; i < count; i++) {
      const row = present[i]!;
      const v = numbers[row]!;
      let h: number;
      if (size === 4) h = v;
      else if (v === 0) h = 0;
      else if (Number.isNaN(v)) h = 0x7ff80000;
      else h = Math.imul(words[2 * row + 1]!, 0x85ebca6b) ^ words[2 * row]!;
      let slot = Math.imul(h ^ (h >>> 16), 0x9e3779b1) >>> shift;
      let key = -1;
      for (let s = slots[slot]!; s !== 0; s = slots[slot]!) {
        const e = numbers[entries[s - 1]!]!;
        if (v === e || (Number.isNaN(v) && Number.isNaN(e))) {
          key = s - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (key < 0) {
        if (found === most) return 0;
        entries[found] = row;
        key = found++;
        slots[slot] = found;
      }
      keys[i] = key;
    }
    return found;
  }

  /**
   * A category column's dictionary, as {@link numberDictionary}, its values' sizes as
   * hyparquet-writer estimates a string's: its UTF-16 length (a BYTE_ARRAY's 4-byte length
   * added), not its UTF-8 bytes.
   */
  private categoryDictionary(codes: Uint8Array, labels: readonly string[]): number {
    const keyOf = new Int16Array(labels.length).fill(-1);
    let found = 0;
    let total = 0;
    let distinctBytes = 0;
    for (let i = 0; i < codes.length; i++) {
      const size = labels[codes[i]!]!.length + 4;
      total += size;
      if (keyOf[codes[i]!] === -1) {
        keyOf[codes[i]!] = found;
        this.entries[found++] = i;
        distinctBytes += size;
      }
      this.keys[i] = keyOf[codes[i]!]!;
    }
    return dictionaryPays(codes.length, found, total, distinctBytes) ? found : 0;
  }

  /**
   * PLAIN values (Parquet "Encodings", PLAIN: 4-byte or 8-byte little-endian values) of a
   * numeric column's `rows`, their bits kept: the column's own bytes when it is every row (the
   * typed arrays' byte order is the machine's, little-endian where this writer runs).
   */
  private plainNumbers(numbers: Int32Array | Float64Array, rows: Int32Array): Uint8Array {
    if (rows === this.all)
      return new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength);
    const words = numbers.BYTES_PER_ELEMENT / 4;
    const source = new Int32Array(numbers.buffer, numbers.byteOffset, words * numbers.length);
    this.page.reset();
    this.page.ensure(4 * words * rows.length);
    const out = new Int32Array(this.page.bytes.buffer, 0, words * rows.length);
    for (let i = 0; i < rows.length; i++) {
      for (let w = 0; w < words; w++) out[words * i + w] = source[words * rows[i]! + w]!;
    }
    this.page.offset = 4 * words * rows.length;
    return this.page.getBytes();
  }

  /** PLAIN BYTE_ARRAY values of labels by code: each a 4-byte length, then its bytes. */
  private plainLabels(labels: readonly Uint8Array[], codes: ArrayLike<number>): Uint8Array {
    this.page.reset();
    for (let i = 0; i < codes.length; i++) {
      const label = labels[codes[i]!]!;
      this.page.appendUint32(label.length);
      this.page.appendBytes(label);
    }
    return this.page.getBytes();
  }

  /**
   * PLAIN BYTE_ARRAY values of strings (as {@link plainLabels}), and their statistics: the
   * least and the greatest in UTF-8 byte order.
   */
  private plainStrings(strings: readonly string[], element: SchemaNode) {
    const page = this.page;
    page.reset();
    let min = 0;
    let minEnd = 0;
    let max = 0;
    let maxEnd = 0;
    for (let i = 0; i < strings.length; i++) {
      page.appendUint32(0);
      const start = page.offset;
      page.appendUtf8(strings[i]!);
      const end = page.offset;
      page.setUint32(start - 4, end - start);
      const b = page.bytes;
      if (i === 0 || compareBytes(b, start, end, b, min, minEnd) < 0) [min, minEnd] = [start, end];
      if (i === 0 || compareBytes(b, start, end, b, max, maxEnd) > 0) [max, maxEnd] = [start, end];
    }
    const b = page.bytes;
    return {
      bytes: page.getBytes(),
      statistics: byteArrayStatistics(element, b.slice(min, minEnd), b.slice(max, maxEnd)),
    };
  }

  /** PLAIN booleans: one bit per value, the first in the lowest bit. */
  private plainBooleans(flags: readonly boolean[]): Uint8Array {
    const size = Math.ceil(flags.length / 8);
    this.page.reset();
    this.page.ensure(size);
    const out = this.page.bytes.fill(0, 0, size);
    for (let i = 0; i < flags.length; i++) if (flags[i]) out[i >> 3]! |= 1 << (i & 7);
    this.page.offset = size;
    return this.page.getBytes();
  }

  /** Booleans as runs of one-bit values (RLE / bit-packing hybrid), after the runs' byte length. */
  private rleBooleans(flags: readonly boolean[]): Uint8Array {
    for (let i = 0; i < flags.length; i++) this.bits[i] = flags[i] ? 1 : 0;
    this.page.reset();
    this.page.appendUint32(0);
    const length = this.parts.writeRleBitPackedHybrid(
      this.page,
      this.bits.subarray(0, flags.length),
      1,
    );
    this.page.setUint32(0, length);
    return this.page.getBytes();
  }

  /** Dictionary keys bit-packed as wide as the largest (distinct - 1) needs, after that width. */
  private dictionaryKeys(count: number, distinct: number): Uint8Array {
    const bitWidth = Math.ceil(Math.log2(distinct));
    this.page.reset();
    this.page.appendUint8(bitWidth);
    this.parts.writeRleBitPackedHybrid(this.page, this.keys.subarray(0, count), bitWidth);
    return this.page.getBytes();
  }

  /**
   * Writes one column chunk (Parquet "Column chunks": optional dictionary page, then a data
   * page v2 whose definition levels are uncompressed and whose values are Snappy-compressed)
   * and returns its metadata.
   */
  writeChunk(spec: ColumnSpec, element: SchemaNode, values: ColumnValues): ChunkMetadata {
    const { file, thrift, parts } = this;
    const n = values.length;
    const start = file.offset;
    const numbers = values as Int32Array | Float64Array;
    let present = this.all;
    if (spec.nullable) {
      let count = 0;
      for (let i = 0; i < n; i++) if (!Number.isNaN(numbers[i]!)) this.present[count++] = i;
      present = this.present.subarray(0, count);
    }
    const numeric = spec.type === 'int32' || spec.type === 'float64';
    const codes = values as Uint8Array;
    const labels = spec.type === 'category' ? spec.labels!.map(utf8Bytes) : undefined;
    let distinct = 0;
    if (numeric) distinct = this.numberDictionary(numbers, present);
    else if (labels) distinct = this.categoryDictionary(codes, spec.labels!);

    let uncompressed = 0;
    let dictionaryPageOffset: number | undefined;
    if (distinct > 0) {
      dictionaryPageOffset = start;
      const entries = this.entries.subarray(0, distinct);
      const page = labels
        ? this.plainLabels(
            labels,
            Array.from(entries, (row) => codes[row]!),
          )
        : this.plainNumbers(numbers, entries);
      const compressed = parts.snappyCompress(page);
      writeDictionaryPageHeader(thrift, page.length, compressed.length, distinct);
      uncompressed += file.offset - start + page.length;
      file.appendBytes(compressed);
    }

    // definition levels: 1 for a value, 0 for a null
    this.levels.reset();
    if (spec.nullable) {
      for (let i = 0; i < n; i++) this.bits[i] = Number.isNaN(numbers[i]!) ? 0 : 1;
      parts.writeRleBitPackedHybrid(this.levels, this.bits.subarray(0, n), 1);
    }
    const levels = this.levels.getBytes();

    let page: Uint8Array;
    let statistics: ChunkStatistics;
    let encoding: number = ENCODING.PLAIN;
    if (spec.type === 'utf8') {
      ({ bytes: page, statistics } = this.plainStrings(values as readonly string[], element));
    } else if (spec.type === 'bool') {
      const flags = values as readonly boolean[];
      if (n > 16) encoding = ENCODING.RLE;
      page = n > 16 ? this.rleBooleans(flags) : this.plainBooleans(flags);
      statistics = boolStatistics(flags);
    } else {
      if (distinct > 0) {
        encoding = ENCODING.RLE_DICTIONARY;
        page = this.dictionaryKeys(present.length, distinct);
      } else {
        page = labels ? this.plainLabels(labels, codes) : this.plainNumbers(numbers, present);
      }
      statistics = labels
        ? categoryStatistics(labels, codes, element)
        : numberStatistics(numbers, present, spec.type === 'float64');
    }
    const compressed = parts.snappyCompress(page);
    const dataPageOffset = file.offset;
    writeDataPageV2Header(thrift, {
      uncompressedSize: levels.length + page.length,
      compressedSize: levels.length + compressed.length,
      rows: n,
      nulls: n - present.length,
      encoding,
      definitionLevelsLength: levels.length,
    });
    uncompressed += file.offset - dataPageOffset + levels.length + page.length;
    file.appendBytes(levels);
    file.appendBytes(compressed);
    return {
      name: spec.name,
      type: element.type!,
      encoding,
      values: n,
      uncompressedSize: uncompressed,
      compressedSize: file.offset - start,
      offset: start,
      dataPageOffset,
      dictionaryPageOffset,
      statistics,
    };
  }
}

/**
 * The Parquet file of a table (Parquet format, "File format": `PAR1`, the column chunks of one
 * row group, the Thrift FileMetaData, its length, `PAR1`) with the given schema, key-value
 * metadata and created-by; undefined for a table hyparquet-writer lays out otherwise (see the
 * module comment), which the caller then writes with hyparquet-writer.
 */
export function encodeParquetFile(
  table: ResultTable,
  schema: readonly SchemaNode[],
  keyValues: readonly { key: string; value: string }[],
  createdBy: string,
): Uint8Array | undefined {
  const rows = tableRows(table);
  if (endianness() !== 'LE' || !fitsOnePage(table, rows)) return undefined;
  // room for every value uncompressed (a seed's 16 characters and length) and the metadata
  let room = 4096 + 256 * table.columns.length;
  for (const spec of table.columns) room += (spec.type === 'utf8' ? 24 : 8) * rows;
  const writer = new ChunkWriter(writerParts(), rows, room);
  writer.file.appendUint32(0x31524150);
  const chunks = table.columns.map((spec, k) =>
    writer.writeChunk(spec, schema[k + 1]!, table.values[spec.name]!),
  );
  writeFileMetadata(writer.thrift, { schema, rows, chunks, keyValues, createdBy });
  writer.file.appendUint32(0x31524150);
  return writer.file.getBytes();
}
