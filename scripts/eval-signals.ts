/**
 * Quality figures for campaign detection, personal-data detection and stance, written to
 * bench/results/signals.json (committed) and printed. `npm run eval:signals`.
 * Reads ../shared/data/ (Polis, i.AI's gambling sets) and resources/sample/ (or CONSULT_SAMPLE_DIR);
 * a section whose data is missing is recorded as skipped.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CampaignIndex, DEFAULT_CAMPAIGN_PARAMS } from '../src/main/analysis/campaigns/detect';
import { buildFamilies, readPolis } from './lib/campaign-families';
import { bcubed } from './lib/grouping-scores';
import { PII_FIXTURES, readPiiSnippets, scorePii } from './lib/pii-scores';
import { readSampleWithTruth, scoreSample } from './lib/sample-truth';
import { readGamblingStance, scoreStance } from './lib/stance-scores';

const EDITS = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4];
const SEEDS = [1, 2, 3];

function campaigns() {
  const polis = readPolis();
  if (!polis) return { skipped: '../shared/data/polis is missing' };
  const runs = SEEDS.map((seed) => {
    const data = buildFamilies(polis, { families: 8, copiesPerEdit: 40, edits: EDITS, seed });
    const started = performance.now();
    const index = new CampaignIndex();
    data.forEach((d, i) => index.add(i, d.text));
    const groups = index.groups();
    const ms = performance.now() - started;
    const predicted: (number | null)[] = data.map(() => null);
    groups.forEach((g, gi) => g.members.forEach((m) => (predicted[m.id] = gi)));
    const truth = data.map((d) => d.family);
    return {
      seed,
      responses: data.length,
      campaignResponses: data.filter((d) => d.family !== null).length,
      groups: groups.length,
      ms: Math.round(ms),
      upTo20Percent: bcubed(truth, predicted, (i) => data[i].edit <= 0.2),
      all: bcubed(truth, predicted),
      recallByEdit: Object.fromEntries(
        EDITS.map((e) => [`${Math.round(e * 100)}%`, bcubed(truth, predicted, (i) => data[i].edit === e).recall]),
      ),
    };
  });
  const mean = (f: (r: (typeof runs)[number]) => number) =>
    Math.round((runs.reduce((s, r) => s + f(r), 0) / runs.length) * 10000) / 10000;
  return {
    method: 'B-cubed precision and recall; 8 families x 40 copies per edit size, built from Polis comments (3 seeds)',
    params: DEFAULT_CAMPAIGN_PARAMS,
    upTo20Percent: { precision: mean((r) => r.upTo20Percent.precision), recall: mean((r) => r.upTo20Percent.recall) },
    allEdits: { precision: mean((r) => r.all.precision), recall: mean((r) => r.all.recall) },
    runs,
  };
}

function personalData() {
  const dev = readPiiSnippets();
  const later = readPiiSnippets(join(PII_FIXTURES, 'holdout'));
  const strip = (s: ReturnType<typeof scorePii>) => ({
    snippets: s.snippets,
    byKind: s.byKind,
    missed: s.missed,
    wrong: s.wrong,
  });
  return {
    method:
      'span-level precision and recall per kind (a find is right when it has the right kind and overlaps a labelled piece)',
    development: strip(scorePii(dev)),
    later: {
      note: 'Written after the detectors and scored once before any change; the first-look figures are below. The detectors were then improved using its mistakes, so the current figures on it are no longer held out.',
      firstLook: {
        email: { precision: 1, recall: 0.857 },
        phone: { precision: 1, recall: 0.857 },
        postcode: { precision: 1, recall: 1 },
        ni_number: { precision: 1, recall: 1 },
        url: { precision: 0.833, recall: 1 },
        card: { precision: 1, recall: 1 },
        name: { precision: 1, recall: 0.214 },
      },
      ...strip(scorePii(later)),
    },
    all: strip(scorePii([...dev, ...later])),
  };
}

function stance() {
  const data = readGamblingStance();
  return data ? { ...scoreStance(data) } : { skipped: '../shared/data/gambling-* is missing' };
}

function sample() {
  const data = readSampleWithTruth();
  return data ? scoreSample(data) : { skipped: 'resources/sample/northern-futures(.truth).json is missing' };
}

const result = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  campaigns: campaigns(),
  personalData: personalData(),
  stance: stance(),
  sampleConsultation: sample(),
};
const out = join(import.meta.dirname, '../bench/results/signals.json');
mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
const c = result.campaigns as { upTo20Percent?: unknown; allEdits?: unknown };
console.log('campaigns (edits <= 20%):', JSON.stringify(c.upTo20Percent), 'all edits:', JSON.stringify(c.allEdits));
for (const [kind, s] of Object.entries(result.personalData.all.byKind))
  console.log(`personal data ${kind.padEnd(10)} precision ${s.precision} recall ${s.recall} (n=${s.expected})`);
console.log(
  'stance:',
  JSON.stringify(result.stance, (k, v) => (k === 'confusion' ? undefined : v)),
);
console.log('sample consultation:', JSON.stringify(result.sampleConsultation));
console.log(`written to ${out}`);
