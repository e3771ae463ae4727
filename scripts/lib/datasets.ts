/** The labelled corpora in ../shared/data used to measure theme quality (absent in a user's clone). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCsv } from './csv';

export const SHARED_DATA = resolve(import.meta.dirname, '../../../shared/data');

export interface LabelledCorpus {
  name: string;
  texts: string[];
  labels: string[];
}

export function sharedDataMissing(): string | null {
  return existsSync(SHARED_DATA) ? null : `the shared evaluation data is not at ${SHARED_DATA}`;
}

function csvCorpus(name: string, file: string): LabelledCorpus {
  const rows = parseCsv(readFileSync(join(SHARED_DATA, file), 'utf8'));
  return { name, texts: rows.map((r) => r.text), labels: rows.map((r) => r.label) };
}

export const bbcNews = (): LabelledCorpus => csvCorpus('bbc-news', 'bbc-news/bbc_news.csv');
export const polis = (): LabelledCorpus => csvCorpus('polis', 'polis/polis_en_not_rejected.csv');

export const agNews = (): LabelledCorpus => csvCorpus('ag-news', 'ag-news/ag_news_test.csv');

export interface CodedSet {
  ids: string[];
  texts: string[];
  /** Themes of the coded half (training), by id. */
  coded: Map<string, string[]>;
  /** Themes of the other half (held out), by id. */
  truth: Map<string, string[]>;
  themes: string[];
}

/** i.AI ThemeFinder's gambling generation set: coded_half.csv for training, truth.json held out. */
export function gambling(): CodedSet {
  const dir = join(SHARED_DATA, 'gambling-generation-synthetic');
  const rows = parseCsv(readFileSync(join(dir, 'coded_half.csv'), 'utf8'));
  const truthJson = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<string, string[]>;
  const themes = Object.values(
    JSON.parse(readFileSync(join(dir, 'theme_names.json'), 'utf8')) as Record<string, string>,
  );
  const coded = new Map<string, string[]>();
  for (const r of rows)
    if (r.themes)
      coded.set(
        r.id,
        r.themes
          .split(';')
          .map((t) => t.trim())
          .filter(Boolean),
      );
  return {
    ids: rows.map((r) => r.id),
    texts: rows.map((r) => r.response),
    coded,
    truth: new Map(Object.entries(truthJson)),
    themes,
  };
}
