/**
 * Arrow IPC files (Feather v2): a category as a dictionary of utf8 labels (R's arrow reads a
 * factor, pandas a categorical), strings plain utf8 (no dictionary), non-nullable fields
 * marked so, the metadata in the schema.
 *
 * Encoding lays out the record batch's body (Arrow columnar format, "Buffer alignment and
 * padding", "Fixed-size primitive layout", "Variable-size binary layout", "Dictionary-encoded
 * layout") from the table's typed columns straight into one buffer, and leaves the
 * flatbuffer messages, the file's framing and footer ("IPC File Format") to flechette's
 * `encodeIPC` (arquero's Arrow library). The body is laid out exactly as flechette's
 * `tableFromArrays` + `tableToIPC` lay it out (buffers padded to 8 bytes the way its
 * builders size them, a dictionary of the labels in order of first appearance, one record
 * batch, none for an empty table), so the files are the same bytes as theirs, without
 * building flechette's columns value by value (tests/results/encoderBytes.test.ts).
 * Decoding is flechette's `tableFromIPC`.
 * @module
 */
import { bool, dictionary, float64, int8, int32, tableFromIPC, utf8 } from '@uwdata/flechette';
import { encodeIPC } from '@uwdata/flechette/src/encode/encode-ipc.js';
import type { ColumnSpec } from '../../engine/columns.ts';
import { type ColumnValues, memoryValues, type ResultTable, tableRows } from '../table.ts';
import { type Codec, checkDecoded } from './codec.ts';
import { utf8Length, writeUtf8 } from './utf8.ts';

/**
 * The Arrow data type of a column (Arrow columnar format, "Data types"; Schema.fbs): int32,
 * float64, bool, utf8, or a category as a dictionary of utf8 labels with int8 keys whose
 * dictionary has id `dictionaryId` (-1: not yet assigned).
 */
export function arrowType(spec: ColumnSpec, dictionaryId = -1) {
  switch (spec.type) {
    case 'int32':
      return int32();
    case 'float64':
      return float64();
    case 'bool':
      return bool();
    case 'utf8':
      return utf8();
    case 'category':
      return dictionary(utf8(), int8(), false, dictionaryId);
  }
}

/** `bytes` rounded up to a multiple of 8 (Arrow's buffer alignment). */
const padded = (bytes: number) => (bytes + 7) & ~7;

/** A column's field node and buffers: what an IPC record batch says of one column. */
interface ColumnParts {
  length: number;
  nullCount: number;
  buffers: Uint8Array[];
}

/**
 * A string column's offsets and values (Arrow's variable-size binary layout: bytes
 * `offsets[i] .. offsets[i + 1]` of the values are string i in UTF-8), sized as flechette's
 * builder sizes them: `n + 1` offsets and `bytes + 1` value bytes, each padded to 8 bytes.
 */
function utf8Parts(strings: readonly string[]): ColumnParts {
  const values = new Uint8Array(padded(utf8Length(strings) + 1));
  const offsets = new Int32Array(padded(4 * (strings.length + 1)) / 4);
  writeUtf8(strings, values, offsets);
  return {
    length: strings.length,
    nullCount: 0,
    buffers: [new Uint8Array(0), bytesOf(offsets), values],
  };
}

/** The bytes of a typed array (a view, no copy). */
function bytesOf(array: Int8Array | Int32Array | Float64Array | Uint8Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A validity or boolean bitmap of `n` bits (least significant bit first), padded to 8 bytes. */
function bitmap(n: number, bit: (i: number) => boolean): Uint8Array {
  const bytes = new Uint8Array(padded(((n - 1) >> 3) + 1));
  for (let i = 0; i < n; i++) if (bit(i)) bytes[i >> 3]! |= 1 << (i & 7);
  return bytes;
}

/**
 * A column's field node and buffers (validity first, empty when nothing is null), and for a
 * category its dictionary: the labels in order of first appearance, the keys indexing them.
 */
function columnParts(
  spec: ColumnSpec,
  values: ColumnValues,
): { parts: ColumnParts; dictionary?: ColumnParts } {
  const n = values.length;
  const none = new Uint8Array(0);
  switch (spec.type) {
    case 'int32':
      return { parts: { length: n, nullCount: 0, buffers: [none, bytesOf(values as Int32Array)] } };
    case 'float64': {
      const source = values as Float64Array;
      let nullCount = 0;
      if (spec.nullable) for (let i = 0; i < n; i++) if (Number.isNaN(source[i]!)) nullCount++;
      if (nullCount === 0)
        return { parts: { length: n, nullCount, buffers: [none, bytesOf(source)] } };
      // a null's slot holds 0
      const slots = Float64Array.from(source, (v) => (Number.isNaN(v) ? 0 : v));
      const validity = bitmap(n, (i) => !Number.isNaN(source[i]!));
      return { parts: { length: n, nullCount, buffers: [validity, bytesOf(slots)] } };
    }
    case 'bool': {
      const flags = values as readonly boolean[];
      return { parts: { length: n, nullCount: 0, buffers: [none, bitmap(n, (i) => flags[i]!)] } };
    }
    case 'utf8':
      return { parts: utf8Parts(values as readonly string[]) };
    case 'category': {
      const codes = values as Uint8Array;
      const keyOf = new Int16Array(spec.labels!.length).fill(-1);
      const labels: string[] = [];
      const keys = new Int8Array(padded(n));
      for (let i = 0; i < n; i++) {
        const code = codes[i]!;
        if (keyOf[code] === -1) keyOf[code] = labels.push(spec.labels![code]!) - 1;
        keys[i] = keyOf[code]!;
      }
      return {
        parts: { length: n, nullCount: 0, buffers: [none, bytesOf(keys)] },
        dictionary: utf8Parts(labels),
      };
    }
  }
}

/** An IPC record batch (nodes, regions with their offsets in the body, the buffers). */
function recordBatch(columns: readonly ColumnParts[]) {
  const nodes = columns.map(({ length, nullCount }) => ({ length, nullCount }));
  const regions: { offset: number; length: number }[] = [];
  const buffers: Uint8Array[] = [];
  let byteLength = 0;
  for (const column of columns) {
    for (const buffer of column.buffers) {
      regions.push({ offset: byteLength, length: buffer.byteLength });
      buffers.push(buffer);
      byteLength += padded(buffer.byteLength);
    }
  }
  return { byteLength, nodes, regions, variadic: [], buffers };
}

/**
 * The Arrow IPC file of a table (Arrow columnar format, "IPC File Format"): magic, schema,
 * one dictionary batch per category column and one record batch (none when the table has
 * no rows), end of stream, footer. Byte for byte what flechette writes for the table.
 */
export function encodeArrowFile(table: ResultTable): Uint8Array {
  const rows = tableRows(table);
  let dictionaries = 0;
  const fields = table.columns.map((spec) => ({
    name: spec.name,
    type: arrowType(spec, spec.type === 'category' && rows > 0 ? dictionaries++ : -1),
    nullable: !!spec.nullable,
    metadata: null,
  }));
  const schema = {
    version: 4,
    endianness: 0,
    fields,
    metadata: new Map(Object.entries(table.metadata)),
  };
  const columns: ColumnParts[] = [];
  const dictionaryBatches: {
    id: number;
    isDelta: boolean;
    data: ReturnType<typeof recordBatch>;
  }[] = [];
  if (rows > 0) {
    for (const spec of table.columns) {
      const { parts, dictionary } = columnParts(spec, table.values[spec.name]!);
      columns.push(parts);
      if (dictionary) {
        const id = dictionaryBatches.length;
        dictionaryBatches.push({ id, isDelta: false, data: recordBatch([dictionary]) });
      }
    }
  }
  const records = rows > 0 ? [recordBatch(columns)] : [];
  const data = { schema, dictionaries: dictionaryBatches, records };
  return encodeIPC(data as never, { format: 'file' }).finish()!;
}

/** Arrow IPC files (`.arrow`). */
export const arrow: Codec = {
  format: 'arrow',
  extension: '.arrow',
  readers:
    "Arrow IPC (Feather v2): `arrow::read_feather` in R, `pandas.read_feather` (with pyarrow), `apache-arrow`'s `tableFromIPC` in JavaScript; DuckDB needs its `arrow` community extension",
  encode: encodeArrowFile,
  decode(bytes: Uint8Array, columns: readonly ColumnSpec[]) {
    const table = tableFromIPC(bytes);
    const decoded: Record<string, ColumnValues> = {};
    for (const spec of columns) {
      const column = table.getChild(spec.name);
      if (!column) continue;
      // toArray gives a nullable column's raw values (0 where null); iterating gives nulls
      const values = spec.nullable ? Array.from(column) : column.toArray();
      decoded[spec.name] = memoryValues(spec, values as ArrayLike<unknown>);
    }
    return checkDecoded(columns, decoded);
  },
};
