/**
 * Parquet through hyparquet-writer (encode) and hyparquet (decode), both pure JavaScript
 * with no native code (1.5 MB installed together). Strings are written PLAIN (no
 * dictionary), a category as an ENUM-annotated string column, non-nullable columns as
 * REQUIRED, and the table's metadata as key-value metadata. Files are Snappy-compressed.
 * A table of one row group and one page per column (every run file) is encoded by
 * parquetFile.ts from its typed columns, into the same bytes hyparquet-writer writes; any
 * other by hyparquet-writer's `parquetWriteBuffer`.
 *
 * Decoding uses hyparquet's synchronous column reader over the whole file in memory
 * (`parquetRead` is asynchronous only, the analysis reads run files synchronously).
 * @module
 */
import { createRequire } from 'node:module';
import type { ColumnSpec } from '../../engine/columns.ts';
import { type ColumnValues, fileValues, memoryValues, type ResultTable } from '../table.ts';
import { type Codec, checkDecoded } from './codec.ts';
import { encodeParquetFile } from './parquetFile.ts';
import type { SchemaNode } from './parquetMetadata.ts';

// hyparquet and hyparquet-writer (79 modules) are required on the first decode or encode,
// synchronously as a codec is (`require` of an ES module, Node >= 20.19), so that importing
// the results layer (the library, a command or a worker that reads or writes no Parquet) does
// not load them. Node caches them after the first call.
const require = createRequire(import.meta.url);

/** hyparquet's metadata parser and synchronous column reader. */
function hyparquet() {
  type Column = typeof import('hyparquet/src/column.js');
  type Convert = typeof import('hyparquet/src/convert.js');
  type Schema = typeof import('hyparquet/src/schema.js');
  const { parquetMetadata, parquetSchema } = require('hyparquet') as typeof import('hyparquet');
  return {
    parquetMetadata,
    parquetSchema,
    readColumn: (require('hyparquet/src/column.js') as Column).readColumn,
    DEFAULT_PARSERS: (require('hyparquet/src/convert.js') as Convert).DEFAULT_PARSERS,
    getTreePath: (require('hyparquet/src/schema.js') as Schema).getTreePath,
  };
}

/**
 * The Parquet schema element of a column (Parquet format, "Metadata": SchemaElement; "Logical
 * Types": STRING and ENUM): int32 INT32, float64 DOUBLE, bool BOOLEAN, utf8 and category
 * BYTE_ARRAY annotated STRING or ENUM; OPTIONAL when nullable, REQUIRED otherwise.
 */
export function schemaElement(spec: ColumnSpec): SchemaNode {
  const repetition_type = spec.nullable ? 'OPTIONAL' : 'REQUIRED';
  switch (spec.type) {
    case 'int32':
      return { name: spec.name, type: 'INT32', repetition_type };
    case 'float64':
      return { name: spec.name, type: 'DOUBLE', repetition_type };
    case 'bool':
      return { name: spec.name, type: 'BOOLEAN', repetition_type };
    case 'utf8':
    case 'category': {
      const annotation = spec.type === 'utf8' ? 'STRING' : 'ENUM';
      return {
        name: spec.name,
        type: 'BYTE_ARRAY',
        converted_type: annotation === 'STRING' ? 'UTF8' : 'ENUM',
        logical_type: { type: annotation },
        repetition_type,
      };
    }
  }
}

/** What every file of the codec says it was created by (FileMetaData.created_by). */
export const CREATED_BY = 'twolevel (hyparquet-writer)';

/** Parquet files (`.parquet`). */
export const parquet: Codec = {
  format: 'parquet',
  extension: '.parquet',
  readers:
    "Parquet: `SELECT * FROM 'runs/*.parquet'` in DuckDB, `pandas.read_parquet` (with pyarrow or fastparquet), `arrow::open_dataset` or `nanoparquet::read_parquet` in R, `polars.read_parquet`",
  encode(table: ResultTable) {
    const schema: SchemaNode[] = [
      { name: 'root', num_children: table.columns.length },
      ...table.columns.map(schemaElement),
    ];
    const keyValues = Object.entries(table.metadata).map(([key, value]) => ({ key, value }));
    const direct = encodeParquetFile(table, schema, keyValues, CREATED_BY);
    if (direct) return direct;
    const write = (require('hyparquet-writer') as typeof import('hyparquet-writer'))
      .parquetWriteBuffer;
    const buffer = write({
      columnData: table.columns.map((spec) => ({
        name: spec.name,
        data: fileValues(spec, table.values[spec.name]!) as never,
        ...(spec.type === 'utf8' ? { encoding: 'PLAIN' as const } : {}),
      })),
      schema,
      kvMetadata: keyValues,
      createdBy: CREATED_BY,
    });
    return new Uint8Array(buffer);
  },
  decode(bytes: Uint8Array, columns: readonly ColumnSpec[]) {
    const { parquetMetadata, parquetSchema, readColumn, DEFAULT_PARSERS, getTreePath } =
      hyparquet();
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const metadata = parquetMetadata(buffer as ArrayBuffer);
    const tree = parquetSchema(metadata);
    const chunks = new Map<string, unknown[]>();
    for (const group of metadata.row_groups) {
      const rows = Number(group.num_rows);
      for (const chunk of group.columns) {
        const meta = chunk.meta_data!;
        const name = meta.path_in_schema.join('.');
        const schemaPath = getTreePath(tree, meta.path_in_schema);
        const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
        const reader = {
          view: new DataView(buffer as ArrayBuffer, start, Number(meta.total_compressed_size)),
          offset: 0,
        };
        const { data } = readColumn(
          reader,
          { groupStart: 0, groupRows: rows, selectStart: 0, selectEnd: rows },
          {
            pathInSchema: meta.path_in_schema,
            element: schemaPath[schemaPath.length - 1]!.element,
            schemaPath,
            ...meta,
            parsers: DEFAULT_PARSERS,
          } as never,
        );
        const out = chunks.get(name) ?? [];
        for (const part of data) for (let i = 0; i < part.length; i++) out.push(part[i]);
        chunks.set(name, out);
      }
    }
    const decoded: Record<string, ColumnValues> = {};
    for (const spec of columns) {
      const values = chunks.get(spec.name);
      if (values) decoded[spec.name] = memoryValues(spec, values);
    }
    return checkDecoded(columns, decoded);
  },
};

/** A Parquet file's key-value metadata. */
export function parquetKeyValues(bytes: Uint8Array): Record<string, string> {
  const { parquetMetadata } = hyparquet();
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const metadata = parquetMetadata(buffer as ArrayBuffer);
  return Object.fromEntries(
    (metadata.key_value_metadata ?? []).map((kv) => [kv.key, kv.value ?? '']),
  );
}
