/**
 * Arrow IPC files (Feather v2) through flechette (arquero's Arrow library): a category as
 * a dictionary of utf8 labels (R's arrow reads a factor, pandas a categorical), strings
 * plain utf8 (no dictionary), non-nullable fields marked so, the metadata in the schema.
 * @module
 */
import {
  bool,
  dictionary,
  float64,
  int8,
  int32,
  Table,
  tableFromArrays,
  tableFromIPC,
  tableToIPC,
  utf8,
} from '@uwdata/flechette';
import type { ColumnSpec } from '../../engine/columns.ts';
import { type ColumnValues, fileValues, memoryValues, type ResultTable } from '../table.ts';
import { type Codec, checkDecoded } from './codec.ts';

/** The Arrow data type of a column. */
function arrowType(spec: ColumnSpec) {
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
      return dictionary(utf8(), int8());
  }
}

/** Arrow IPC files (`.arrow`). */
export const arrow: Codec = {
  format: 'arrow',
  extension: '.arrow',
  readers:
    "Arrow IPC (Feather v2): `arrow::read_feather` in R, `pandas.read_feather` (with pyarrow), `apache-arrow`'s `tableFromIPC` in JavaScript; DuckDB needs its `arrow` community extension",
  encode(table: ResultTable) {
    const built = tableFromArrays(
      table.columns.map((spec) => {
        const values = table.values[spec.name]!;
        const typed = spec.type === 'int32' || (spec.type === 'float64' && !spec.nullable);
        return [spec.name, (typed ? values : fileValues(spec, values)) as never] as [string, never];
      }),
      { types: Object.fromEntries(table.columns.map((spec) => [spec.name, arrowType(spec)])) },
    );
    const schema = {
      ...built.schema,
      fields: built.schema.fields.map((f, k) => ({ ...f, nullable: !!table.columns[k]!.nullable })),
      metadata: new Map(Object.entries(table.metadata)),
    };
    return tableToIPC(new Table(schema, built.children), { format: 'file' })!;
  },
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
