// `npm run readme-examples`: reruns the README's command examples and writes their real output
// back into README.md, so that every example shows what today's code prints.
//
// An example is a fenced block whose first line starts with `$ `. Each `$ ` line is run with
// bash in one scratch folder (shared by all examples, in README order, so a later example can
// read an earlier one's results), where `experiments/` and `docs/` are links to the checkout's
// and `npx twolevel` runs this checkout's bin/twolevel.js. The lines after a command, up to the
// next `$ ` line or the end of the block, are replaced by what it printed (stderr and stdout as
// they came, as a terminal shows them). A comment at the end of a `$ ` line shapes
// the output and is kept:
//   # (analysis lines cut)     drops the lines `run` prints about the analysis it wrote
//   # (output not shown)       shows nothing
//   # (columns cut after N)    keeps the first N cells of each table row, then `| ...`
//   # columns: a | b | c       a Markdown table's data rows, only the columns with these headers
// A block whose preceding line is `<!-- not rerun: <reason> -->` is left as it is (examples
// that need a SLURM cluster, or a file the reader edits first).
//
// Takes minutes (it reruns every sweep the README shows). Usage: npm run readme-examples
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = join(root, 'README.md');
const ANALYSIS_LINE = /^(analysing|report|figures|summary|hypotheses|sensitivity|discovery):/;

/** Splits a `$ ` line into the command and its trailing shaping comment (or null). */
function parseCommand(line) {
  const match = /^\$ (.*?)(\s+#\s+(\(analysis lines cut\)|\(output not shown\)|\(columns cut after \d+\)|columns: .*))?$/.exec(
    line,
  );
  return { command: match[1], shape: match[3] ?? null };
}

/** Runs one command in the scratch folder: its output lines, stderr and stdout as they came. */
function run(command, cwd) {
  const script = command.replaceAll('npx twolevel', `node ${join(root, 'bin', 'twolevel.js')}`);
  let output;
  try {
    output = execFileSync('bash', ['-c', `(${script}) 2>&1`], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    output = error.stdout ?? ''; // a failing command is an example too (bad input)
  }
  const lines = output.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((l) => l.replaceAll(cwd, '.').replace(/\s+$/, ''));
}

/** The output lines shaped as the command's comment asks. */
function shape(lines, how) {
  if (how === null) return lines;
  if (how === '(output not shown)') return [];
  if (how === '(analysis lines cut)') return lines.filter((l) => !ANALYSIS_LINE.test(l));
  const cut = /^\(columns cut after (\d+)\)$/.exec(how);
  if (cut) {
    const keep = Number(cut[1]);
    return lines.map((l) => {
      if (!l.startsWith('|')) return l;
      const cells = l.split(' | ');
      return cells.length > keep ? `${cells.slice(0, keep).join(' | ')} | ...` : l;
    });
  }
  const wanted = how.slice('columns: '.length).split(' | ');
  const rows = lines.filter((l) => l.startsWith('|')).map((l) => l.slice(2, -2).split(' | '));
  const header = rows[0];
  const picks = wanted.map((name) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`columns: no column '${name}' in ${header.join(', ')}`);
    return at;
  });
  return rows.slice(2).map((cells) => `| ${picks.map((k) => cells[k]).join(' | ')} |`);
}

const text = readFileSync(readme, 'utf8');
const lines = text.split('\n');
const scratch = mkdtempSync(join(tmpdir(), 'twolevel-readme-'));
for (const folder of ['experiments', 'docs']) symlinkSync(join(root, folder), join(scratch, folder));
const out = [];
let examples = 0;
try {
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]);
    const opens = lines[i] === '```' && lines[i + 1]?.startsWith('$ ');
    if (!opens || /^<!-- not rerun: .+ -->$/.test(lines[i - 1] ?? '')) continue;
    let end = i + 1;
    while (lines[end] !== '```') end++;
    examples++;
    for (let k = i + 1; k < end; k++) {
      if (!lines[k].startsWith('$ ')) continue;
      const { command, shape: how } = parseCommand(lines[k]);
      process.stderr.write(`$ ${command}\n`);
      out.push(lines[k], ...shape(run(command, scratch), how));
    }
    i = end - 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
writeFileSync(readme, out.join('\n'));
process.stderr.write(`reran ${examples} examples into README.md\n`);
