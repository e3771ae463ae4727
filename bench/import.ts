/**
 * Import benchmark (npm run bench:import [-- --sizes 100000,333334] [--generated] [--xlsx] [--keep]).
 *
 * Writes survey CSVs (respondent id, type, city, date and three open questions; quoted fields, doubled quotes,
 * some answers over several lines) whose answers are real text: sentences of the shared corpora (Polis, the
 * gambling consultation, AG News) recombined one to three at a time (`--generated` uses the old random words,
 * which flatter both sides). Measures what a user waits for: the whole `consult import` process (the built
 * CLI: start-up, preview, worker thread, one transaction, FTS5 index), its wall and CPU time and peak memory
 * from /usr/bin/time. The reference, in the same run, is the sqlite3 shell loading the same file with
 * `.import` and building an FTS5 index over the three answer columns. Prints the file sizes beside the times;
 * asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { ImportSummary } from '../src/shared/api';
import { Random } from '../src/main/analysis/random';
import { packageRoot } from '../src/main/util/paths';
import { sentences } from './themes-texts';

const CONSULT = join(packageRoot(), 'bin', 'consult.js');
const BUILT_CLI = join(packageRoot(), 'out', 'main', 'cli.js');

const WORDS = (
  'the a to of and in for on that is be with it as not are this we they should more jobs skills young people ' +
  'graduates leave north manchester leeds sheffield liverpool newcastle transport trains buses housing digital ' +
  'broadband investment hub funding businesses start-ups universities research council local community training ' +
  'apprenticeships schools data privacy office space rent costs access rural towns cities government support ' +
  'innovation technology robotics software engineering manufacturing energy green climate net zero health care ' +
  'families children older residents disabled accessible fair pay wages opportunity mentoring networks capital ' +
  'investors london south growth economy productivity region devolution mayor plans consultation proposal agree ' +
  'disagree strongly concerned worried hope believe think important priority first must better faster cheaper'
).split(' ');

/** A seeded generator (mulberry32): the same sizes give the same files. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let pool: string[] | null = null;

/** One to three real sentences, or (with --generated) 8 to 35 random words. */
function words(r: () => number): string[] {
  if (process.argv.includes('--generated')) {
    const count = 8 + Math.floor(r() * 28);
    return Array.from({ length: count }, () => WORDS[Math.floor(r() * WORDS.length)]);
  }
  pool ??= sentences();
  const random = new Random(Math.floor(r() * 2 ** 31));
  const parts = 1 + random.int(3);
  return Array.from({ length: parts }, () => pool![random.int(pool!.length)])
    .join(' ')
    .split(' ');
}

function answer(r: () => number): string {
  const out = words(r);
  let text = out.join(' ');
  if (r() < 0.1) text = `I "strongly" think ${text}`;
  if (r() < 0.05) text = `${text}.\nAlso, ${out.slice(0, 8).join(' ')}`;
  return `"${text.replace(/"/g, '""')}."`;
}

const TYPES = [
  'Individual',
  'A member of the public',
  'Business',
  'On behalf of an organisation',
  'Charity',
  'Local council',
  'University',
];
const CITIES = ['Manchester', 'Leeds', 'Sheffield', 'Liverpool', 'Newcastle', 'York', 'Hull', ''];

export async function generate(path: string, respondents: number): Promise<void> {
  const r = rng(20250201 + respondents);
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(
    'Response ID,Respondent type,City,Submitted,Q1 What should TechNorth do first?,Q2 What worries you?,Q3 Any other comments?\r\n',
  );
  for (let i = 0; i < respondents; i++) {
    const day = 1 + Math.floor(r() * 28);
    await write(
      `NF-${i},${TYPES[Math.floor(r() * TYPES.length)]},${CITIES[Math.floor(r() * CITIES.length)]},${String(day).padStart(2, '0')}/02/2025 10:00,${answer(r)},${answer(r)},${answer(r)}\r\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}

interface Measured {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
}

/** Runs a whole process under /usr/bin/time: its wall and CPU time and peak resident memory. */
function timed(command: string, args: string[], input?: string): Measured & { stdout: string } {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S %M', command, ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
  const [user, system, maxKb] = (run.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { seconds, cpuSeconds: user + system, peakMb: maxKb / 1024, stdout: run.stdout };
}

/** Megabytes of a SQLite file with its write-ahead log, if one was left. */
function fileMb(path: string): number {
  const wal = `${path}-wal`;
  return (statSync(path).size + (existsSync(wal) ? statSync(wal).size : 0)) / 1024 ** 2;
}

/** `consult import` into a new project, as a user runs it: the whole process. */
function ours(dir: string, file: string): Measured & { summary: ImportSummary; dbMb: number } {
  const db = join(dir, `ours-${Date.now()}.consult`);
  const created = spawnSync(process.execPath, [CONSULT, 'new', db], { encoding: 'utf8' });
  if (created.status !== 0) throw new Error(`consult new failed: ${created.stderr}`);
  const run = timed(process.execPath, [CONSULT, 'import', db, file, '--json']);
  return { ...run, summary: JSON.parse(run.stdout) as ImportSummary, dbMb: fileMb(db) };
}

/** The same respondents as an Excel workbook (shared strings, as Excel writes them), streamed to disk. */
async function generateXlsx(path: string, respondents: number): Promise<void> {
  const r = rng(20250201 + respondents);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('Responses');
  ws.addRow([
    'Response ID',
    'Respondent type',
    'City',
    'Submitted',
    'Q1 What should TechNorth do first?',
    'Q2 What worries you?',
    'Q3 Any other comments?',
  ]).commit();
  const text = (): string => answer(r).slice(1, -1).replace(/""/g, '"');
  for (let i = 0; i < respondents; i++) {
    const day = 1 + Math.floor(r() * 28);
    ws.addRow([
      `NF-${i}`,
      TYPES[Math.floor(r() * TYPES.length)],
      CITIES[Math.floor(r() * CITIES.length)],
      new Date(Date.UTC(2025, 1, day, 10)),
      text(),
      text(),
      text(),
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

function reference(dir: string, csv: string): (Measured & { dbMb: number }) | null {
  if (spawnSync('sqlite3', ['-version']).status !== 0) return null;
  const db = join(dir, `reference-${Date.now()}.db`);
  const script = [
    'PRAGMA journal_mode = WAL;',
    'PRAGMA synchronous = NORMAL;',
    '.mode csv',
    `.import '${csv.replace(/'/g, "''")}' t`,
    "CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='porter unicode61 remove_diacritics 2');",
    'BEGIN;',
    'INSERT INTO fts(text) SELECT "Q1 What should TechNorth do first?" FROM t;',
    'INSERT INTO fts(text) SELECT "Q2 What worries you?" FROM t;',
    'INSERT INTO fts(text) SELECT "Q3 Any other comments?" FROM t;',
    'COMMIT;',
  ].join('\n');
  return { ...timed('sqlite3', [db], script), dbMb: fileMb(db) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (!existsSync(BUILT_CLI)) throw new Error('The CLI is not built: run `npm run build` first.');
  const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '100000,333334';
  const sizes = sizesArg.split(',').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'consult-bench-'));
  const text = args.includes('--generated') ? 'generated words' : 'real sentences from ../shared/data';
  console.log(`Import benchmark (Node ${process.version}, in ${dir}; answers: ${text}; whole processes)`);
  try {
    for (const respondents of sizes) {
      const csv = join(dir, `survey-${respondents}.csv`);
      if (!existsSync(csv)) await generate(csv, respondents);
      const mb = statSync(csv).size / 1024 ** 2;
      console.log(
        `\n${respondents.toLocaleString('en-GB')} respondents x 3 open questions = ${(respondents * 3).toLocaleString('en-GB')} responses, ${mb.toFixed(1)} MB CSV`,
      );
      const a = ours(dir, csv);
      const s = a.summary;
      console.log(
        `  ours:      ${a.seconds.toFixed(2)} s (CPU ${a.cpuSeconds.toFixed(2)} s), ${Math.round(respondents / a.seconds).toLocaleString('en-GB')} rows/s (${Math.round(s.responsesAdded / a.seconds).toLocaleString('en-GB')} responses/s), peak RSS ${a.peakMb.toFixed(0)} MB, project file ${a.dbMb.toFixed(0)} MB (${(a.dbMb / mb).toFixed(2)}x the CSV); imported ${s.respondentsAdded.toLocaleString('en-GB')} respondents, ${s.responsesAdded.toLocaleString('en-GB')} responses, ${s.quarantined} quarantined`,
      );
      const ref = reference(dir, csv);
      if (!ref) {
        console.log('  reference: sqlite3 is not installed; skipped');
        continue;
      }
      console.log(
        `  reference: ${ref.seconds.toFixed(2)} s (CPU ${ref.cpuSeconds.toFixed(2)} s), ${Math.round(respondents / ref.seconds).toLocaleString('en-GB')} rows/s, peak RSS ${ref.peakMb.toFixed(0)} MB, database ${ref.dbMb.toFixed(0)} MB (${(ref.dbMb / mb).toFixed(2)}x the CSV) (sqlite3 .import + FTS5 build)`,
      );
      console.log(
        `  ratio:     ${(a.seconds / ref.seconds).toFixed(2)}x the reference's wall time, ${(a.cpuSeconds / ref.cpuSeconds).toFixed(2)}x its CPU time (aim: within 1.5x); peak memory ${a.peakMb < 500 ? 'under' : 'OVER'} 500 MB; file ${(a.dbMb / mb).toFixed(2)}x the CSV (aim: at most 2.5x)`,
      );
    }
    if (args.includes('--xlsx')) {
      const respondents = sizes[0];
      const xlsx = join(dir, `survey-${respondents}.xlsx`);
      await generateXlsx(xlsx, respondents);
      const a = ours(dir, xlsx);
      console.log(
        `\nThe first size as an Excel workbook (${(statSync(xlsx).size / 1024 ** 2).toFixed(1)} MB .xlsx; no sqlite3 reference reads Excel)`,
      );
      console.log(
        `  ours:      ${a.seconds.toFixed(2)} s (CPU ${a.cpuSeconds.toFixed(2)} s), ${Math.round(respondents / a.seconds).toLocaleString('en-GB')} rows/s, peak RSS ${a.peakMb.toFixed(0)} MB; imported ${a.summary.respondentsAdded.toLocaleString('en-GB')} respondents`,
      );
    }
  } finally {
    if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
