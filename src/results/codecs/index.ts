import { UserError } from '../../errors.ts';
import { arrow } from './arrow.ts';
import type { Codec, TableFormat } from './codec.ts';
import { csv } from './csv.ts';
import { parquet } from './parquet.ts';

export type { Codec, TableFormat };

/** Every table format a results folder can hold, by name (the first is the default). */
export const CODECS: Readonly<Record<TableFormat, Codec>> = { parquet, arrow, csv };

/** The formats' names, default first. */
export const TABLE_FORMATS = Object.keys(CODECS) as TableFormat[];

/** The codec of a format. */
export function codecOf(format: TableFormat): Codec {
  return CODECS[format];
}

/**
 * Parses `--runs`: `none`, or one or more formats separated by commas (`parquet,csv`),
 * returned without repeats in the order given.
 *
 * @throws UserError naming the unknown format and the valid ones
 * @example
 * parseRunsFormats('parquet,csv'); // ['parquet', 'csv']
 * parseRunsFormats('none'); // []
 */
export function parseRunsFormats(text: string, flag = '--runs'): TableFormat[] {
  if (text.trim() === 'none') return [];
  const names = text.split(',').map((s) => s.trim());
  const formats: TableFormat[] = [];
  for (const name of names) {
    if (!TABLE_FORMATS.includes(name as TableFormat)) {
      throw new UserError(
        `${flag}: unknown format '${name}'; expected none, or one or more of ${TABLE_FORMATS.join(', ')} separated by commas (e.g. parquet,csv)`,
      );
    }
    if (!formats.includes(name as TableFormat)) formats.push(name as TableFormat);
  }
  return formats;
}
