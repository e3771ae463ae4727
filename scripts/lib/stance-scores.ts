/**
 * Stance accuracy on i.AI ThemeFinder's gambling evaluation data (../shared/data/): the XS set's first
 * question (100 responses labelled AGREE / DISAGREE / UNCLEAR; used while writing the rules) and the
 * 1,000-response generation set (labelled Yes / No; not looked at while writing them, so a held-out check).
 * Our "mixed" and "unclear" both count as UNCLEAR; on the Yes/No set they are abstentions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { profileQuestion } from '../../src/main/analysis/stance/question';
import { classifyStance } from '../../src/main/analysis/stance/stance';
import { parseCsvRows as parseCsv } from './csv';

const DATA = join(import.meta.dirname, '../../../shared/data');
const XS = join(DATA, 'gambling-xs-synthetic');
const GENERATION = join(DATA, 'gambling-generation-synthetic');

interface Labelled {
  question: string;
  items: { text: string; label: string }[];
}

const jsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

export function readGamblingStance(): { xs: Labelled; generation: Labelled } | null {
  if (!existsSync(XS) || !existsSync(GENERATION)) return null;
  const question = (
    JSON.parse(readFileSync(join(XS, 'inputs/question_part_1/question.json'), 'utf8')) as { question_text: string }
  ).question_text;
  const positions = new Map(
    jsonl(join(XS, 'outputs/mapping/2025-07-22/question_part_1/sentiment.jsonl')).map((r) => [
      r.response_id,
      String(r.position),
    ]),
  );
  const xs = jsonl(join(XS, 'inputs/question_part_1/responses.jsonl')).map((r) => ({
    text: String(r.response),
    label: positions.get(r.response_id) ?? '',
  }));
  const [header, ...rows] = parseCsv(readFileSync(join(GENERATION, 'eval_sentiments.csv'), 'utf8'));
  const text = header.indexOf('response');
  const position = header.indexOf('position');
  return {
    xs: { question, items: xs },
    generation: {
      question: readFileSync(join(GENERATION, 'expanded_question.txt'), 'utf8').trim(),
      items: rows.filter((r) => r[text]).map((r) => ({ text: r[text], label: r[position] })),
    },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function scoreStance(data: { xs: Labelled; generation: Labelled }) {
  const xsProfile = profileQuestion(data.xs.question);
  const xsConfusion: Record<string, number> = {};
  let xsCorrect = 0;
  for (const item of data.xs.items) {
    const s = classifyStance(item.text, xsProfile).stance;
    const predicted = s === 'agree' ? 'AGREE' : s === 'disagree' ? 'DISAGREE' : 'UNCLEAR';
    if (predicted === item.label) xsCorrect++;
    xsConfusion[`${item.label} -> ${predicted}`] = (xsConfusion[`${item.label} -> ${predicted}`] ?? 0) + 1;
  }
  const xsMajority =
    Math.max(...['AGREE', 'DISAGREE', 'UNCLEAR'].map((l) => data.xs.items.filter((i) => i.label === l).length)) /
    data.xs.items.length;

  const genProfile = profileQuestion(data.generation.question);
  const genConfusion: Record<string, number> = {};
  let decided = 0;
  let correct = 0;
  for (const item of data.generation.items) {
    const s = classifyStance(item.text, genProfile).stance;
    genConfusion[`${item.label} -> ${s}`] = (genConfusion[`${item.label} -> ${s}`] ?? 0) + 1;
    if (s === 'agree' || s === 'disagree') {
      decided++;
      if ((s === 'agree') === (item.label === 'Yes')) correct++;
    }
  }
  const n = data.generation.items.length;
  const yes = data.generation.items.filter((i) => i.label === 'Yes').length;
  return {
    xs: {
      responses: data.xs.items.length,
      accuracy: round(xsCorrect / data.xs.items.length),
      majorityBaseline: round(xsMajority),
      confusion: xsConfusion,
    },
    generation: {
      responses: n,
      coverage: round(decided / n),
      accuracyWhereDecided: round(correct / decided),
      accuracyCountingAbstentionsWrong: round(correct / n),
      majorityBaseline: round(Math.max(yes, n - yes) / n),
      confusion: genConfusion,
    },
  };
}
