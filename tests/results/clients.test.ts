/**
 * The result files as other tools read them: DuckDB (Parquet and CSV), the Apache Arrow
 * JavaScript library (Arrow IPC), R (CSV) and pandas (CSV; Debian has no pyarrow or
 * fastparquet for its Parquet reader). Each recomputes the agreement rate of every cell from
 * the per-run rows and from the cells table, and must equal `summary.csv` to the last bit.
 * @module
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import * as aq from 'arquero';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResults } from '../../src/analysis/readResults.ts';
import { summarize } from '../../src/analysis/summarize.ts';
import { writeSummary } from '../../src/analysis/writeSummary.ts';
import { parseExperiment } from '../../src/engine/experiment.ts';
import { runExperiment } from '../../src/engine/run.ts';
import { folderViews } from '../../src/results/query.ts';
import smallFixture from '../engine/fixtures/small.ts';

const fixtures = fileURLToPath(new URL('../engine/fixtures/', import.meta.url));
const out = join(mkdtempSync(join(tmpdir(), 'twolevel-clients-')), 'small');

/** summary.csv's agreement rate by cell identity `quota|protocol`. */
let expected: Map<string, number>;

/** A client's answer, lines of `quota<TAB>protocol<TAB>rate`, as a map like `expected`. */
function rates(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.trim().split('\n')) {
    const [quota, protocol, rate] = line.split('\t');
    map.set(`${Number(quota)}|${protocol}`, Number(rate));
  }
  return map;
}

beforeAll(async () => {
  const experiment = parseExperiment({ ...smallFixture, replications: 30 });
  await runExperiment(experiment, {
    out,
    baseDir: fixtures,
    runs: ['parquet', 'arrow', 'csv'],
    maxBatch: 8,
    workers: 1,
    progress: 'quiet',
  });
  const results = readResults(out);
  writeSummary(
    out,
    summarize(results.cells, results.parameters, results.manifest.layout),
    results.parameters,
    results.manifest.layout,
    results.manifest.parameters,
  );
  const summary = aq.fromCSV(readFileSync(join(out, 'summary.csv'), 'utf8'));
  // summary.csv names the parameters' columns as the cells table does, names R and pandas keep
  expect(summary.columnNames().slice(0, 2)).toEqual([
    'countries_B_ratification_quota',
    'protocol_name',
  ]);
  expected = new Map(
    (summary.objects() as Record<string, unknown>[]).map((row) => [
      `${row.countries_B_ratification_quota}|${row.protocol_name}`,
      row.agreement_rate as number,
    ]),
  );
  expect(expected.size).toBe(4);
}, 120_000);

describe('DuckDB reads every Parquet and CSV output', () => {
  it('reproduces the agreement rates from runs and cells, Parquet and CSV alike', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    const answer = async (sql: string) =>
      rates(
        (await db.runAndReadAll(sql))
          .getRowsJS()
          .map((r) => r.join('\t'))
          .join('\n'),
      );
    const byRuns = (runs: string, cells: string) =>
      `SELECT c.countries_B_ratification_quota, c.protocol_name, count(*) FILTER (WHERE r.outcome = 'agreement') / count(*) FROM ${runs} r JOIN ${cells} c USING (cell) GROUP BY ALL`;
    const byCells = (cells: string) =>
      `SELECT countries_B_ratification_quota, protocol_name, agreement / runs FROM ${cells}`;
    for (const view of folderViews(out, ['parquet'])) await db.run(view);
    const csvRuns = `read_csv('${join(out, 'runs', '*.csv')}', header = true, types = {'seed': 'VARCHAR'})`;
    const csvCells = `read_csv('${join(out, 'cells.csv')}', header = true)`;
    expect(await answer(byRuns('runs', 'cells'))).toEqual(expected);
    expect(await answer(byRuns(csvRuns, csvCells))).toEqual(expected);
    expect(await answer(byCells('cells'))).toEqual(expected);
    expect(await answer(byCells(csvCells))).toEqual(expected);
    // the types a reader gets without fixing anything
    const types = (await db.runAndReadAll('DESCRIBE runs')).getRowsJS();
    const typeOf = Object.fromEntries(types.map((r) => [r[0], r[1]]));
    expect([typeOf.seed, typeOf.outcome, typeOf.x_1, typeOf.rounds]).toEqual([
      'VARCHAR',
      'VARCHAR',
      'DOUBLE',
      'INTEGER',
    ]);
    // no agreement point is null, exactly in the runs without a tentative agreement
    const nulls = (
      await db.runAndReadAll(
        'SELECT count(*) FILTER (WHERE x_1 IS NULL), count(*) FILTER (WHERE isnan(x_1)) FROM runs',
      )
    ).getRowsJS()[0];
    const untentative = (
      await db.runAndReadAll('SELECT sum(runs - tentative) FROM cells')
    ).getRowsJS()[0];
    expect(nulls).toEqual([untentative![0], 0n]);
    db.closeSync();
    instance.closeSync();
  });
});

describe('the Apache Arrow JavaScript library reads the IPC files', () => {
  it('reproduces the agreement rates from runs/*.arrow and cells.arrow', () => {
    const cells = tableFromIPC(readFileSync(join(out, 'cells.arrow')));
    const identity = new Map<number, string>();
    const fromCells = new Map<string, number>();
    for (const row of cells) {
      const key = `${row.countries_B_ratification_quota}|${row.protocol_name}`;
      identity.set(row.cell, key);
      fromCells.set(key, row.agreement / row.runs);
    }
    expect(fromCells).toEqual(expected);
    const counts = new Map<string, [number, number]>();
    for (const file of readdirSync(join(out, 'runs')).filter((f) => f.endsWith('.arrow'))) {
      const runs = tableFromIPC(readFileSync(join(out, 'runs', file)));
      expect(runs.schema.fields.find((f) => f.name === 'outcome')!.type.toString()).toBe(
        'Dictionary<Int8, Utf8>',
      );
      for (const row of runs) {
        const c = counts.get(identity.get(row.cell)!) ?? [0, 0];
        counts.set(identity.get(row.cell)!, [
          c[0] + (row.outcome === 'agreement' ? 1 : 0),
          c[1] + 1,
        ]);
      }
    }
    expect(new Map([...counts].map(([k, [a, n]]) => [k, a / n]))).toEqual(expected);
  });
});

const hasR = spawnSync('Rscript', ['--version']).status === 0;

describe.skipIf(!hasR)('R reads the CSV outputs (Debian r-base-core)', () => {
  it('reproduces the agreement rates with read.csv, keeping the column names', () => {
    const script = `
      dir <- commandArgs(trailingOnly = TRUE)[1]
      files <- list.files(file.path(dir, "runs"), pattern = "[.]csv$", full.names = TRUE)
      runs <- do.call(rbind, lapply(files, read.csv, colClasses = c(seed = "character")))
      cells <- read.csv(file.path(dir, "cells.csv"))
      stopifnot(is.character(runs$seed), is.numeric(runs$x_1), all(nchar(runs$seed) == 16))
      stopifnot(sum(is.na(runs$x_1)) == sum(cells$runs - cells$tentative))
      both <- merge(runs, cells[, c("cell", "countries_B_ratification_quota", "protocol_name")], by = "cell")
      key <- paste(both$countries_B_ratification_quota, both$protocol_name, sep = "\\t")
      agreed <- tapply(both$outcome == "agreement", key, sum)
      n <- tapply(both$outcome, key, length)
      cat(sprintf("%s\\t%.17g\\n", names(n), agreed / n), sep = "")
      cat("--\\n")
      cat(sprintf("%s\\t%s\\t%.17g\\n", cells$countries_B_ratification_quota, cells$protocol_name, cells$agreement / cells$runs), sep = "")
    `;
    const text = execFileSync('Rscript', ['-e', script, out], { encoding: 'utf8' });
    const [fromRuns, fromCells] = text.split('--\n');
    expect(rates(fromRuns!)).toEqual(expected);
    expect(rates(fromCells!)).toEqual(expected);
  });
});

const python = '/usr/bin/python3';
const hasPandas = existsSync(python) && spawnSync(python, ['-c', 'import pandas']).status === 0;

describe.skipIf(!hasPandas)('pandas reads the CSV outputs (Debian python3-pandas)', () => {
  it('reproduces the agreement rates with read_csv', () => {
    const script = `
import glob, sys, pandas as pd
d = sys.argv[1]
runs = pd.concat([pd.read_csv(f, dtype={"seed": str}) for f in sorted(glob.glob(d + "/runs/*.csv"))])
cells = pd.read_csv(d + "/cells.csv")
assert runs["x_1"].isna().sum() == (cells["runs"] - cells["tentative"]).sum()
both = runs.merge(cells[["cell", "countries_B_ratification_quota", "protocol_name"]], on="cell")
g = both.groupby(["countries_B_ratification_quota", "protocol_name"])
rate = g["outcome"].apply(lambda o: (o == "agreement").sum()) / g.size()
for (q, p), r in rate.items(): print(f"{q}\\t{p}\\t{r!r}")
print("--")
for q, p, a, n in zip(cells["countries_B_ratification_quota"], cells["protocol_name"], cells["agreement"], cells["runs"]): print(f"{q}\\t{p}\\t{a / n!r}")
`;
    const text = execFileSync(python, ['-c', script, out], { encoding: 'utf8' });
    const [fromRuns, fromCells] = text.split('--\n');
    expect(rates(fromRuns!)).toEqual(expected);
    expect(rates(fromCells!)).toEqual(expected);
  });
});

if (!hasR)
  console.warn('clients.test: Rscript not found, the R test is skipped (install r-base-core)');
if (!hasPandas) {
  console.warn(
    'clients.test: pandas not found, the pandas test is skipped (install python3-pandas)',
  );
}
