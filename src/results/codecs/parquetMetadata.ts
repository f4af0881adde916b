/**
 * Parquet's Thrift structures as a run file writes them (Parquet format, `parquet.thrift`:
 * PageHeader, DictionaryPageHeader, DataPageHeaderV2, FileMetaData, SchemaElement, RowGroup,
 * ColumnChunk, ColumnMetaData, Statistics, PageEncodingStats, ColumnOrder), field by field in
 * the order and with the values hyparquet-writer 0.17's `writePageHeader` and `writeMetadata`
 * give them for a run file's pages and chunks (the same bytes: an i64 even where it is 0, an
 * unset field left out, `is_compressed` left to its default true, statistics with only
 * min_value/max_value and their exactness when truncated; tests/results/encoderBytes.test.ts).
 * @module
 */
import { type CompactWriter, TYPE } from './thrift.ts';

/** The enums' values the run files use (`parquet.thrift`: Type, Encoding, PageType, ...). */
const PHYSICAL_TYPE = { BOOLEAN: 0, INT32: 1, DOUBLE: 5, BYTE_ARRAY: 6 } as const;
const REPETITION = { REQUIRED: 0, OPTIONAL: 1 } as const;
const CONVERTED_TYPE = { UTF8: 0, ENUM: 4 } as const;
/** LogicalType's union field of each annotation (STRING 1, ENUM 4). */
const LOGICAL_TYPE_FIELD = { STRING: 1, ENUM: 4 } as const;
export const ENCODING = { PLAIN: 0, RLE: 3, RLE_DICTIONARY: 8 } as const;
const PAGE_TYPE = { DICTIONARY_PAGE: 2, DATA_PAGE_V2: 3 } as const;
const SNAPPY = 1;

/** A schema element of a run file: the root (with its children's number) or a column. */
export interface SchemaNode {
  name: string;
  type?: keyof typeof PHYSICAL_TYPE;
  repetition_type?: keyof typeof REPETITION;
  num_children?: number;
  converted_type?: keyof typeof CONVERTED_TYPE;
  logical_type?: { type: keyof typeof LOGICAL_TYPE_FIELD };
}

/** A dictionary page's header: PLAIN values. */
export function writeDictionaryPageHeader(
  w: CompactWriter,
  uncompressedSize: number,
  compressedSize: number,
  values: number,
) {
  w.begin();
  w.i32(1, PAGE_TYPE.DICTIONARY_PAGE);
  w.i32(2, uncompressedSize);
  w.i32(3, compressedSize);
  w.struct(7);
  w.i32(1, values);
  w.i32(2, ENCODING.PLAIN);
  w.end();
  w.end();
}

/** A compressed data page v2's header: no repetition levels, one value per row. */
export function writeDataPageV2Header(
  w: CompactWriter,
  page: {
    uncompressedSize: number;
    compressedSize: number;
    rows: number;
    nulls: number;
    encoding: number;
    definitionLevelsLength: number;
  },
) {
  w.begin();
  w.i32(1, PAGE_TYPE.DATA_PAGE_V2);
  w.i32(2, page.uncompressedSize);
  w.i32(3, page.compressedSize);
  w.struct(8);
  w.i32(1, page.rows);
  w.i32(2, page.nulls);
  w.i32(3, page.rows);
  w.i32(4, page.encoding);
  w.i32(5, page.definitionLevelsLength);
  w.i32(6, 0);
  w.end();
  w.end();
}

/**
 * A column chunk's statistics: min and max (absent without a value) as a byte array's bytes or
 * a number (a boolean's 0 or 1), whether each was truncated, the nulls and (floating point)
 * the NaNs.
 */
export interface ChunkStatistics {
  min: Uint8Array | number | undefined;
  max: Uint8Array | number | undefined;
  minTruncated: boolean;
  maxTruncated: boolean;
  nulls: number;
  nans: number | undefined;
}

/** A written column chunk as the file's metadata describes it. */
export interface ChunkMetadata {
  name: string;
  type: keyof typeof PHYSICAL_TYPE;
  /** The data page's encoding (RLE_DICTIONARY with a dictionary page, PLAIN or RLE without). */
  encoding: number;
  values: number;
  uncompressedSize: number;
  compressedSize: number;
  /** The file offset of the chunk's first page. */
  offset: number;
  dataPageOffset: number;
  /** The dictionary page's offset, when there is one. */
  dictionaryPageOffset?: number;
  statistics: ChunkStatistics;
}

function writeSchemaElement(w: CompactWriter, e: SchemaNode) {
  w.begin();
  if (e.type) w.i32(1, PHYSICAL_TYPE[e.type]);
  if (e.repetition_type) w.i32(3, REPETITION[e.repetition_type]);
  w.string(4, e.name);
  if (e.num_children !== undefined) w.i32(5, e.num_children);
  if (e.converted_type) w.i32(6, CONVERTED_TYPE[e.converted_type]);
  if (e.logical_type) {
    w.struct(10);
    w.emptyStruct(LOGICAL_TYPE_FIELD[e.logical_type.type]);
    w.end();
  }
  w.end();
}

/** A min or max statistic: a value's PLAIN bytes (a boolean's as one byte), as a binary field. */
function writeBound(
  w: CompactWriter,
  id: number,
  type: ChunkMetadata['type'],
  value: Uint8Array | number,
) {
  if (typeof value !== 'number') return w.binary(id, value);
  const size = type === 'DOUBLE' ? 8 : type === 'INT32' ? 4 : 1;
  w.binaryHeader(id, size);
  if (size === 8) w.sink.appendFloat64(value);
  else if (size === 4) w.sink.appendInt32(value);
  else w.sink.appendUint8(value);
}

function writeStatistics(w: CompactWriter, type: ChunkMetadata['type'], s: ChunkStatistics) {
  w.struct(12);
  w.i64(3, s.nulls);
  if (s.max !== undefined) writeBound(w, 5, type, s.max);
  if (s.min !== undefined) writeBound(w, 6, type, s.min);
  if (s.maxTruncated) w.bool(7, false);
  if (s.minTruncated) w.bool(8, false);
  if (s.nans !== undefined) w.i64(9, s.nans);
  w.end();
}

/** One page's encoding stats entry: one page of the type in the encoding. */
function writePageEncodingStats(w: CompactWriter, pageType: number, encoding: number) {
  w.begin();
  w.i32(1, pageType);
  w.i32(2, encoding);
  w.i32(3, 1);
  w.end();
}

function writeColumnChunk(w: CompactWriter, c: ChunkMetadata) {
  const dictionary = c.dictionaryPageOffset !== undefined;
  w.begin();
  w.i64(2, c.offset);
  w.struct(3);
  w.i32(1, PHYSICAL_TYPE[c.type]);
  w.listI32(2, dictionary ? [ENCODING.PLAIN, c.encoding] : [c.encoding]);
  w.listString(3, [c.name]);
  w.i32(4, SNAPPY);
  w.i64(5, c.values);
  w.i64(6, c.uncompressedSize);
  w.i64(7, c.compressedSize);
  w.i64(9, c.dataPageOffset);
  if (dictionary) w.i64(11, c.dictionaryPageOffset!);
  writeStatistics(w, c.type, c.statistics);
  w.list(13, TYPE.STRUCT, dictionary ? 2 : 1);
  if (dictionary) writePageEncodingStats(w, PAGE_TYPE.DICTIONARY_PAGE, ENCODING.PLAIN);
  writePageEncodingStats(w, PAGE_TYPE.DATA_PAGE_V2, c.encoding);
  w.end();
  w.end();
}

/**
 * A file's metadata (version 2, one row group of the chunks written from byte 4 on), then its
 * length as a 4-byte little-endian integer.
 */
export function writeFileMetadata(
  w: CompactWriter,
  file: {
    schema: readonly SchemaNode[];
    rows: number;
    chunks: readonly ChunkMetadata[];
    keyValues: readonly { key: string; value: string }[];
    createdBy: string;
  },
) {
  const start = w.sink.offset;
  let totalByteSize = 0;
  for (const c of file.chunks) totalByteSize += c.uncompressedSize;
  w.begin();
  w.i32(1, 2);
  w.list(2, TYPE.STRUCT, file.schema.length);
  for (const e of file.schema) writeSchemaElement(w, e);
  w.i64(3, file.rows);
  w.list(4, TYPE.STRUCT, 1);
  w.begin();
  w.list(1, TYPE.STRUCT, file.chunks.length);
  for (const c of file.chunks) writeColumnChunk(w, c);
  w.i64(2, totalByteSize);
  w.i64(3, file.rows);
  w.i64(6, start - 4);
  w.end();
  w.list(5, TYPE.STRUCT, file.keyValues.length);
  for (const { key, value } of file.keyValues) {
    w.begin();
    w.string(1, key);
    w.string(2, value);
    w.end();
  }
  w.string(6, file.createdBy);
  // a TypeDefinedOrder (ColumnOrder's field 1, an empty struct) for each typed element
  const typed = file.schema.filter((e) => e.type).length;
  w.list(7, TYPE.STRUCT, typed);
  for (let k = 0; k < typed; k++) {
    w.begin();
    w.emptyStruct(1);
    w.end();
  }
  w.end();
  w.sink.appendUint32(w.sink.offset - start);
}
