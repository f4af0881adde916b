/**
 * A Parquet file written from a table's typed columns: one row group, one dictionary page
 * (where a dictionary pays) and one DATA_PAGE_V2 per column chunk, Snappy-compressed, with
 * statistics (Parquet format: "File format", "Data pages", "Encodings": PLAIN, RLE /
 * bit-packing hybrid, RLE_DICTIONARY; "Compression": SNAPPY).
 *
 * The file is byte for byte what hyparquet-writer 0.17's `parquetWriteBuffer` writes for the
 * table (tests/results/encoderBytes.test.ts): the same choices (a dictionary when its values
 * and bit-packed keys take at most half the PLAIN bytes, booleans of more than 16 rows as RLE,
 * the statistics' signed zeros), made on the typed columns instead of value by value through
 * Maps, and the values written without a converted copy; the Thrift metadata, page headers,
 * level runs and Snappy are hyparquet-writer's own functions. Tables it lays out otherwise (no
 * rows, more than 1,000 rows, so several row groups, or a column of 1 MiB of text, so several
 * pages) are left to hyparquet-writer itself: `encodeParquetFile` returns undefined for them.
 * @module
 */
import { createRequire } from 'node:module';
import type { ColumnSpec } from '../../engine/columns.ts';
import { type ColumnValues, type ResultTable, tableRows } from '../table.ts';
import { utf8Length, writeUtf8 } from './utf8.ts';

const require = createRequire(import.meta.url);

/** hyparquet-writer's pieces (loaded on the first encode, as parquet.ts explains). */
function writerParts() {
  return {
    ByteWriter: (require('hyparquet-writer') as typeof import('hyparquet-writer')).ByteWriter,
    snappyCompress: (
      require('hyparquet-writer/src/snappy.js') as typeof import('hyparquet-writer/src/snappy.js')
    ).snappyCompress,
    writeMetadata: (
      require('hyparquet-writer/src/metadata.js') as typeof import('hyparquet-writer/src/metadata.js')
    ).writeMetadata,
    writePageHeader: (
      require('hyparquet-writer/src/datapage.js') as typeof import('hyparquet-writer/src/datapage.js')
    ).writePageHeader,
    writeRleBitPackedHybrid: (
      require('hyparquet-writer/src/encoding.js') as typeof import('hyparquet-writer/src/encoding.js')
    ).writeRleBitPackedHybrid,
  };
}
type Parts = ReturnType<typeof writerParts>;
type Writer = InstanceType<Parts['ByteWriter']>;
type FileMetaData = Parameters<Parts['writeMetadata']>[1];
type ColumnChunk = FileMetaData['row_groups'][number]['columns'][number];
type SchemaElement = FileMetaData['schema'][number];

/** hyparquet-writer's row groups hold up to 1,000 rows first; its pages up to 1 MiB (estimated). */
const FIRST_ROW_GROUP = 1000;
const PAGE_SIZE = 1048576;
/** Up to this many distinct values, a dictionary's keys are found by a scan rather than a Map. */
const FEW = 16;

/** Whether one row group and one page per column hold the table, as hyparquet-writer lays it out. */
function fitsOnePage(table: ResultTable, rows: number): boolean {
  if (rows === 0 || rows > FIRST_ROW_GROUP) return false;
  return table.columns.every((spec) => {
    if (spec.type !== 'utf8' && spec.type !== 'category') return true;
    const values = table.values[spec.name]!;
    let chars = 0;
    for (let i = 0; i < rows; i++) {
      chars +=
        spec.type === 'utf8'
          ? (values as readonly string[])[i]!.length
          : spec.labels![(values as Uint8Array)[i]!]!.length;
    }
    return chars < PAGE_SIZE;
  });
}

/** UTF-8 bytes of strings, one after another, with `offsets[i] .. offsets[i + 1]` string i's. */
function utf8Bytes(strings: readonly string[]): { bytes: Uint8Array; offsets: Int32Array } {
  const bytes = new Uint8Array(utf8Length(strings));
  const offsets = new Int32Array(strings.length + 1);
  writeUtf8(strings, bytes, offsets);
  return { bytes, offsets };
}

/** Compares byte ranges `a` and `b` of `bytes` (unsigned, lexicographic: UTF-8 code point order). */
function compareBytes(bytes: Uint8Array, offsets: Int32Array, a: number, b: number): number {
  const la = offsets[a + 1]! - offsets[a]!;
  const lb = offsets[b + 1]! - offsets[b]!;
  for (let k = 0; k < Math.min(la, lb); k++) {
    const d = bytes[offsets[a]! + k]! - bytes[offsets[b]! + k]!;
    if (d !== 0) return d;
  }
  return la - lb;
}

/** PLAIN BYTE_ARRAY values (Parquet "Encodings", PLAIN): each a 4-byte length, then its bytes. */
function plainByteArrays(bytes: Uint8Array, offsets: Int32Array, pick: ArrayLike<number>) {
  let size = 0;
  for (let i = 0; i < pick.length; i++) size += 4 + offsets[pick[i]! + 1]! - offsets[pick[i]!]!;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  for (let i = 0; i < pick.length; i++) {
    const start = offsets[pick[i]!]!;
    const length = offsets[pick[i]! + 1]! - start;
    view.setUint32(at, length, true);
    out.set(bytes.subarray(start, start + length), at + 4);
    at += 4 + length;
  }
  return out;
}

/** The rows `0 .. n - 1` for which `keep` holds (every row without it). */
function rowsWhere(n: number, keep?: (row: number) => boolean): Int32Array {
  const rows = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (!keep || keep(i)) rows[count++] = i;
  return rows.subarray(0, count);
}

/** What a column chunk holds: its present rows, their PLAIN encoding by rows, the statistics. */
interface ChunkValues {
  /** Rows with a value (not null), in order. */
  present: Int32Array;
  /** The PLAIN encoding of the values at the given rows. */
  plain: (rows: ArrayLike<number>) => Uint8Array;
  /** The minimum and maximum (undefined when there is no value), the nulls and NaNs counted. */
  statistics: { min_value?: unknown; max_value?: unknown; null_count: bigint; nan_count?: bigint };
}

/** Numeric statistics: NaN left out and counted (doubles), zeros signed as -0 (min) and 0 (max). */
function numberStatistics(values: ArrayLike<number>, present: Int32Array, isFloat: boolean) {
  let min: number | undefined;
  let max: number | undefined;
  let nan = 0n;
  for (let i = 0; i < present.length; i++) {
    const v = values[present[i]!]!;
    if (Number.isNaN(v)) {
      nan++;
      continue;
    }
    if (min === undefined || v < min) min = v;
    if (max === undefined || v > max) max = v;
  }
  return {
    min_value: min === 0 ? -0 : min,
    max_value: max === 0 ? 0 : max,
    null_count: BigInt(values.length - present.length),
    ...(isFloat ? { nan_count: nan } : {}),
  };
}

/** A column's values as a chunk writes them (see {@link ChunkValues}). */
function chunkValues(spec: ColumnSpec, values: ColumnValues): ChunkValues {
  const n = values.length;
  switch (spec.type) {
    case 'int32':
    case 'float64': {
      const numbers = values as Int32Array | Float64Array;
      const present =
        spec.type === 'float64' && spec.nullable
          ? rowsWhere(n, (i) => !Number.isNaN(numbers[i]!))
          : rowsWhere(n);
      return {
        present,
        // PLAIN: 4-byte or 8-byte little-endian values, one after another
        plain: (rows) => {
          const out =
            spec.type === 'int32' ? new Int32Array(rows.length) : new Float64Array(rows.length);
          for (let i = 0; i < rows.length; i++) out[i] = numbers[rows[i]!]!;
          return new Uint8Array(out.buffer);
        },
        statistics: numberStatistics(numbers, present, spec.type === 'float64'),
      };
    }
    case 'bool': {
      const flags = values as readonly boolean[];
      return {
        present: rowsWhere(n),
        // PLAIN: one bit per value, the first in the lowest bit
        plain: (rows) => {
          const out = new Uint8Array(Math.ceil(rows.length / 8));
          for (let i = 0; i < rows.length; i++) if (flags[rows[i]!]) out[i >> 3]! |= 1 << (i & 7);
          return out;
        },
        statistics: {
          min_value: !flags.includes(false),
          max_value: flags.includes(true),
          null_count: 0n,
        },
      };
    }
    case 'utf8':
    case 'category': {
      const strings =
        spec.type === 'utf8'
          ? (values as readonly string[])
          : Array.from(values as Uint8Array, (code) => spec.labels![code]!);
      const { bytes, offsets } = utf8Bytes(strings);
      let min = -1;
      let max = -1;
      for (let i = 0; i < n; i++) {
        if (min < 0 || compareBytes(bytes, offsets, i, min) < 0) min = i;
        if (max < 0 || compareBytes(bytes, offsets, i, max) > 0) max = i;
      }
      return {
        present: rowsWhere(n),
        plain: (rows) => plainByteArrays(bytes, offsets, rows),
        statistics: { min_value: strings[min], max_value: strings[max], null_count: 0n },
      };
    }
  }
}

/**
 * Whether hyparquet-writer keeps a dictionary of `distinct` values for `count` values of
 * `total` PLAIN bytes whose distinct values take `distinctBytes` (a BYTE_ARRAY's 4-byte
 * lengths counted in both): when the dictionary plus its bit-packed keys take at most half
 * the PLAIN bytes. (It first rejects a sample more than 90% distinct; over one row group the
 * sample is every value, which this test rejects anyway.)
 */
function dictionaryPays(count: number, distinct: number, total: number, distinctBytes: number) {
  if (total === 0) return false;
  const keysSize = Math.ceil((count * Math.ceil(Math.log2(distinct))) / 8);
  return 2 * (distinctBytes + keysSize) <= total;
}

/** The number of distinct values (SameValueZero: NaN one value, -0 and 0 one) of sorted numbers. */
function distinctSorted(sorted: Int32Array | Float64Array): number {
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    if (i === 0 || !(v === sorted[i - 1] || (Number.isNaN(v) && Number.isNaN(sorted[i - 1]!)))) {
      distinct++;
    }
  }
  return distinct;
}

/**
 * The dictionary of a chunk as hyparquet-writer decides it: none for booleans, a column
 * written PLAIN by request (utf8) or one without values, none unless it pays
 * ({@link dictionaryPays}); otherwise the rows of the distinct values in order of first
 * appearance and each present row's key (its value's position in the dictionary).
 */
function chooseDictionary(spec: ColumnSpec, values: ColumnValues, present: Int32Array) {
  const count = present.length;
  if (spec.type === 'category') {
    const codes = values as Uint8Array;
    const keyOf = new Int16Array(spec.labels!.length).fill(-1);
    const entries: number[] = [];
    let total = 0;
    let distinctBytes = 0;
    for (let i = 0; i < count; i++) {
      const size = spec.labels![codes[i]!]!.length + 4;
      total += size;
      if (keyOf[codes[i]!] === -1) {
        keyOf[codes[i]!] = entries.push(i) - 1;
        distinctBytes += size;
      }
    }
    if (!dictionaryPays(count, entries.length, total, distinctBytes)) return undefined;
    const keys = new Int32Array(count);
    for (let i = 0; i < count; i++) keys[i] = keyOf[codes[i]!]!;
    return { entries: Int32Array.from(entries), keys };
  }
  if (spec.type !== 'int32' && spec.type !== 'float64') return undefined;
  const numbers = values as Int32Array | Float64Array;
  const sorted = spec.type === 'int32' ? new Int32Array(count) : new Float64Array(count);
  for (let i = 0; i < count; i++) sorted[i] = numbers[present[i]!]!;
  sorted.sort();
  const distinct = distinctSorted(sorted);
  const size = spec.type === 'int32' ? 4 : 8;
  if (!dictionaryPays(count, distinct, size * count, size * distinct)) return undefined;
  // each value's first row, values equal as SameValueZero (as hyparquet-writer's Map keys
  // them): a Map for many values, a scan of the few found so far otherwise
  const entries = new Int32Array(distinct);
  const keys = new Int32Array(count);
  const keyOf = distinct > FEW ? new Map<number, number>() : undefined;
  let found = 0;
  for (let i = 0; i < count; i++) {
    const v = numbers[present[i]!]!;
    let key = keyOf ? (keyOf.get(v) ?? found) : 0;
    while (!keyOf && key < found) {
      const e = numbers[entries[key]!]!;
      if (v === e || (Number.isNaN(v) && Number.isNaN(e))) break;
      key++;
    }
    if (key === found) {
      entries[found++] = present[i]!;
      keyOf?.set(v, key);
    }
    keys[i] = key;
  }
  return { entries, keys };
}

/**
 * Writes one column chunk (Parquet "Column chunks": optional dictionary page, then a data page
 * v2 whose definition levels are uncompressed and whose values are Snappy-compressed) and
 * returns its metadata as hyparquet-writer records it.
 */
function writeChunk(
  parts: Parts,
  writer: Writer,
  spec: ColumnSpec,
  element: SchemaElement,
  values: ColumnValues,
): ColumnChunk {
  const { ByteWriter, snappyCompress, writePageHeader, writeRleBitPackedHybrid } = parts;
  const n = values.length;
  const chunk = chunkValues(spec, values);
  const start = writer.offset;
  let uncompressed = 0;
  const dictionary = chooseDictionary(spec, values, chunk.present);
  let dictionaryOffset: bigint | undefined;
  if (dictionary) {
    dictionaryOffset = BigInt(writer.offset);
    const page = chunk.plain(dictionary.entries);
    const compressed = snappyCompress(page);
    const headerStart = writer.offset;
    writePageHeader(writer, {
      type: 'DICTIONARY_PAGE',
      uncompressed_page_size: page.byteLength,
      compressed_page_size: compressed.byteLength,
      dictionary_page_header: { num_values: dictionary.entries.length, encoding: 'PLAIN' },
    });
    uncompressed += writer.offset - headerStart + page.byteLength;
    writer.appendBytes(compressed);
  }
  const encoding = dictionary ? 'RLE_DICTIONARY' : spec.type === 'bool' && n > 16 ? 'RLE' : 'PLAIN';
  const levels = new ByteWriter();
  const nulls = n - chunk.present.length;
  const levelsLength = spec.nullable
    ? writeRleBitPackedHybrid(
        levels,
        Array.from(values as Float64Array, (v) => (Number.isNaN(v) ? 0 : 1)),
        1,
      )
    : 0;
  let page: Uint8Array;
  if (dictionary) {
    let largest = 0;
    for (const k of dictionary.keys) if (k > largest) largest = k;
    const bitWidth = Math.ceil(Math.log2(largest + 1));
    const keys = new ByteWriter();
    keys.appendUint8(bitWidth);
    writeRleBitPackedHybrid(keys, dictionary.keys, bitWidth);
    page = keys.getBytes();
  } else if (encoding === 'RLE') {
    // booleans as runs of one-bit values, after the runs' byte length
    const runs = new ByteWriter();
    writeRleBitPackedHybrid(runs, Array.from(values as readonly boolean[], Number), 1);
    const bits = new ByteWriter();
    bits.appendUint32(runs.offset);
    bits.appendBytes(runs.getBytes());
    page = bits.getBytes();
  } else {
    page = chunk.plain(chunk.present);
  }
  const compressed = snappyCompress(page);
  const dataOffset = BigInt(writer.offset);
  const headerStart = writer.offset;
  writePageHeader(writer, {
    type: 'DATA_PAGE_V2',
    uncompressed_page_size: levelsLength + page.byteLength,
    compressed_page_size: levelsLength + compressed.byteLength,
    data_page_header_v2: {
      num_values: n,
      num_nulls: nulls,
      num_rows: n,
      encoding,
      definition_levels_byte_length: levelsLength,
      repetition_levels_byte_length: 0,
      is_compressed: true,
    },
  });
  uncompressed += writer.offset - headerStart + levelsLength + page.byteLength;
  writer.appendBytes(levels.getBytes());
  writer.appendBytes(compressed);
  return {
    meta_data: {
      type: element.type!,
      encodings: dictionary ? ['PLAIN', 'RLE_DICTIONARY'] : [encoding],
      path_in_schema: [spec.name],
      codec: 'SNAPPY',
      num_values: BigInt(n),
      total_compressed_size: BigInt(writer.offset - start),
      total_uncompressed_size: BigInt(uncompressed),
      data_page_offset: dataOffset,
      dictionary_page_offset: dictionaryOffset,
      statistics: chunk.statistics as never,
      encoding_stats: [
        ...(dictionary
          ? [{ page_type: 'DICTIONARY_PAGE' as const, encoding: 'PLAIN' as const, count: 1 }]
          : []),
        { page_type: 'DATA_PAGE_V2', encoding, count: 1 },
      ],
    },
    file_offset: BigInt(start),
  };
}

/**
 * The Parquet file of a table (Parquet format, "File format": `PAR1`, the column chunks of one
 * row group, the Thrift FileMetaData, its length, `PAR1`) with the given schema, key-value
 * metadata and created-by; undefined for a table hyparquet-writer lays out otherwise (see the
 * module comment), which the caller then writes with hyparquet-writer.
 */
export function encodeParquetFile(
  table: ResultTable,
  schema: SchemaElement[],
  keyValues: { key: string; value: string }[],
  createdBy: string,
): Uint8Array | undefined {
  const rows = tableRows(table);
  if (!fitsOnePage(table, rows)) return undefined;
  const parts = writerParts();
  // room for every value uncompressed and the metadata, so that the writer does not grow
  let room = 4096 + 256 * table.columns.length;
  for (const spec of table.columns) {
    room +=
      spec.type === 'utf8' ? 4 * rows + utf8Length(table.values[spec.name] as string[]) : 8 * rows;
  }
  const writer = new parts.ByteWriter(room);
  writer.appendUint32(0x31524150);
  const columns = table.columns.map((spec, k) =>
    writeChunk(parts, writer, spec, schema[k + 1]!, table.values[spec.name]!),
  );
  let totalByteSize = 0n;
  for (const c of columns) totalByteSize += c.meta_data!.total_uncompressed_size;
  parts.writeMetadata(writer, {
    version: 2,
    created_by: createdBy,
    schema,
    num_rows: BigInt(rows),
    row_groups: [
      {
        columns,
        total_byte_size: totalByteSize,
        num_rows: BigInt(rows),
        total_compressed_size: BigInt(writer.offset - 4),
      },
    ],
    key_value_metadata: keyValues,
  } as FileMetaData);
  writer.appendUint32(0x31524150);
  return writer.getBytes();
}
