/**
 * One measured run, in its own process so wall time and peak memory cover everything (start-up included):
 *   tsx bench/themes-run.ts discover FILE K     discovery on every text
 *   tsx bench/themes-run.ts classify FILE       train on the gambling set's coded half, propose for every text
 * Prints one JSON line.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { classifyResponses } from '../src/main/analysis/classify';
import { Corpus } from '../src/main/analysis/corpus';
import { discoverThemes } from '../src/main/analysis/discover';
import { gambling } from '../scripts/lib/datasets';

/** Reads a file of JSON strings line by line without holding it all. */
function eachLine(path: string, fn: (text: string) => void): void {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 22);
  let rest = '';
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, null);
    if (n === 0) break;
    const chunk = rest + buffer.toString('utf8', 0, n);
    const lines = chunk.split('\n');
    rest = lines.pop()!;
    for (const line of lines) if (line) fn(JSON.parse(line) as string);
  }
  if (rest) fn(JSON.parse(rest) as string);
  closeSync(fd);
}

const [mode, file, k] = process.argv.slice(2);
const started = performance.now();
const corpus = new Corpus();
const phases: Record<string, number> = {};
let clock = performance.now();
const lap = (name: string): void => {
  phases[name] = Math.round(performance.now() - clock);
  clock = performance.now();
};
let result: Record<string, unknown>;
if (mode === 'discover') {
  eachLine(file, (text) => corpus.add(text));
  lap('read + tokenise');
  const docs = Array.from({ length: corpus.size }, (_, i) => i);
  const found = discoverThemes(corpus, docs, { themes: Number(k), seed: 1 });
  lap('discover');
  Object.assign(phases, found.timings);
  result = {
    responses: corpus.size,
    themes: found.themes.length,
    inOther: found.assignment.filter((a) => a < 0).length,
  };
} else {
  const set = gambling();
  const index = new Map(set.themes.map((t, i) => [t, i]));
  const coded: { position: number; themes: number[] }[] = [];
  set.texts.forEach((text, i) => {
    corpus.add(text);
    const themes = set.coded.get(set.ids[i]);
    if (themes) coded.push({ position: i, themes: themes.map((t) => index.get(t)!) });
  });
  const first = corpus.size;
  eachLine(file, (text) => corpus.add(text));
  lap('read + tokenise');
  const docs = Array.from({ length: corpus.size }, (_, i) => i);
  const toClassify = Array.from({ length: corpus.size - first }, (_, i) => first + i);
  const classified = classifyResponses(corpus, docs, set.themes.length, coded, toClassify, { seed: 1 });
  lap('classify');
  Object.assign(phases, classified.timings);
  result = { responses: toClassify.length, proposals: classified.proposals.reduce((n, p) => n + p.length, 0) };
}
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
// CPU time (user + system, every thread of the process) beside wall time: the machine may be shared.
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
console.log(JSON.stringify({ ...result, seconds, cpuSeconds, maxRssMb: Math.round(usage.maxRSS / 1024), phases }));
