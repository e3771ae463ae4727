/**
 * The one summary model: every document writer (docx, odt, html, pdf, md) renders exactly this, so the
 * numbers in every format are the same. SQL does the counting over temp.report_scope; the only response text
 * that leaves is passed through the Redactor here.
 */
import type { Breakdown, CountShare, ReportOptions, ReportQuestion, ReportQuote, ReportSummary, ReportTheme } from '../../shared/api';
import type { Db } from '../db/connection';
import { AppError } from '../util/errors';
import { campaignMemberCondition, campaignsInScope } from './data/campaigns';
import {
  closedAnswers,
  consultation,
  countedTotals,
  displayLabel,
  grouping,
  questionRespondentsByGroup,
  respondentsByGroup,
  selectQuestions,
  type Grouping,
  type QuestionRow,
} from './data/core';
import {
  analysisRuns,
  assignmentsBySource,
  latestAgreement,
  loadThemeAncestry,
  quoteCandidates,
  responsesWithoutTheme,
  themeCounts,
  themesForReport,
  type ThemeRow,
} from './data/themes';
import { exclusionsByReason } from './data/triage';
import type { Redactor } from './redaction';
import { buildScope, collapsedCount } from './scope';

export const DEFAULT_OPTIONS: ReportOptions = {
  redact: true,
  includeExcluded: false,
  campaigns: 'once',
  anonymise: true,
  nameOrganisations: false,
};

export interface Progress {
  progress(phase: string, done: number, total: number | null): void;
  cancelled(): boolean;
}

const QUOTES_PER_THEME = 3;
const QUOTE_CANDIDATES = 40;
const QUOTE_MAX_CHARS = 360;
const TYPE_GROUPS = 7;
const PLACE_GROUPS = 5;

function share(count: number, base: number): number {
  return base > 0 ? count / base : 0;
}

function countShares(counts: Map<string, number>, labels: string[], base: number): CountShare[] {
  return labels.map((label) => ({ label, count: counts.get(label) ?? 0, share: share(counts.get(label) ?? 0, base) })).filter((c) => c.count > 0);
}

/** A quote short enough to read in a summary: whole sentences where possible, never a cut-off address. */
export function excerpt(text: string, max = QUOTE_MAX_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const head = flat.slice(0, max);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '));
  if (sentenceEnd > max / 3) return head.slice(0, sentenceEnd + 1);
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > 0 ? space : max)}…`;
}

/** Who said it, as far as the options allow: "Individual, Leeds" or an organisation's name. */
export function attribution(
  who: { type: string | null; city: string | null; organisation: string | null; externalId: string },
  options: ReportOptions,
  redact: Redactor,
): string {
  const type = who.type ? displayLabel(who.type) : 'Respondent';
  const place = who.city ? `, ${who.city}` : '';
  const organisation = who.organisation?.trim() ? redact(who.organisation.trim()) : null;
  const isOrganisation = organisation !== null && who.type !== null && who.type !== 'individual';
  if (!options.anonymise) return `${type} ${who.externalId}${organisation ? ` (${organisation})` : ''}${place}`;
  if (isOrganisation && options.nameOrganisations) return `${organisation} (${who.type})${place}`;
  return `${type}${place}`;
}

function breakdown(groups: Grouping, bases: Map<string, number>, rows: { label: string; counts: (group: string) => number }[]): Breakdown {
  const shown = groups.labels.filter((l) => (bases.get(l) ?? 0) > 0);
  return {
    groups: shown.map((label) => ({ label, base: bases.get(label) ?? 0 })),
    rows: rows.map((r) => ({ label: r.label, counts: shown.map((g) => r.counts(g)) })),
  };
}

/** Parents before their sub-themes; siblings largest first, then by name. */
function orderThemes(themes: ThemeRow[], total: (id: number) => number): { theme: ThemeRow; depth: number }[] {
  const ids = new Set(themes.map((t) => t.id));
  const children = new Map<number | null, ThemeRow[]>();
  for (const t of themes) {
    const parent = t.parentId !== null && ids.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const out: { theme: ThemeRow; depth: number }[] = [];
  const visit = (parent: number | null, depth: number): void => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => Number(a.isOther) - Number(b.isOther) || total(b.id) - total(a.id) || a.name.localeCompare(b.name),
    );
    for (const t of list) {
      out.push({ theme: t, depth });
      visit(t.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

class QuestionBuilder {
  /** Quotes shown with personal data replaced, for the methods section. */
  redactedQuotes = 0;

  constructor(
    private readonly db: Db,
    private readonly options: ReportOptions,
    private readonly redact: Redactor,
    private readonly types: Grouping,
    private readonly places: Grouping,
    private readonly memberCondition: string | null,
  ) {}

  build(q: QuestionRow, themes: ThemeRow[], draft: boolean): ReportQuestion {
    const typeBases = questionRespondentsByGroup(this.db, q.id, this.types);
    const placeBases = questionRespondentsByGroup(this.db, q.id, this.places);
    const respondents = [...typeBases.values()].reduce((a, b) => a + b, 0);
    const base = { id: q.id, code: q.code, text: q.text, kind: q.kind, respondents, themesDraft: draft };
    if (q.kind === 'closed') return { ...base, ...this.closed(q, respondents, typeBases, placeBases), themes: [], withoutTheme: 0 };
    return { ...base, ...this.open(q, themes, respondents, typeBases, placeBases), options: [] };
  }

  private closed(q: QuestionRow, respondents: number, typeBases: Map<string, number>, placeBases: Map<string, number>) {
    const byType = closedAnswers(this.db, q.id, this.types);
    const byPlace = closedAnswers(this.db, q.id, this.places);
    const totals = [...byType.entries()].filter(([k]) => k.endsWith('\t')).map(([k, n]) => ({ answer: k.slice(0, -1), n }));
    const listed = new Set(q.options);
    const extra = totals.filter((t) => !listed.has(t.answer)).sort((a, b) => b.n - a.n || a.answer.localeCompare(b.answer));
    const answers = [...q.options, ...extra.map((e) => e.answer)];
    const count = (map: Map<string, number>, answer: string, group: string): number => map.get(`${answer}\t${group}`) ?? 0;
    return {
      options: answers.map((a) => ({ label: a, count: count(byType, a, ''), share: share(count(byType, a, ''), respondents) })),
      byType: breakdown(this.types, typeBases, answers.map((a) => ({ label: a, counts: (g: string) => count(byType, a, g) }))),
      byPlace: breakdown(this.places, placeBases, answers.map((a) => ({ label: a, counts: (g: string) => count(byPlace, a, g) }))),
    };
  }

  private open(q: QuestionRow, themes: ThemeRow[], respondents: number, typeBases: Map<string, number>, placeBases: Map<string, number>) {
    const byType = themeCounts(this.db, q.id, this.types.expr);
    const byPlace = themeCounts(this.db, q.id, this.places.expr);
    const total = (id: number): number => byType.get(`${id}\t`) ?? 0;
    const ordered = orderThemes(themes, total);
    const quoted = new Set<number>();
    const reportThemes: ReportTheme[] = ordered.map(({ theme, depth }) => ({
      id: theme.id,
      name: theme.name,
      description: theme.description,
      keywords: theme.keywords,
      parentId: theme.parentId,
      depth,
      count: total(theme.id),
      share: share(total(theme.id), respondents),
      quotes: this.quotes(theme, quoted),
    }));
    const rows = (counts: Map<string, number>) =>
      reportThemes.map((t) => ({ label: t.name, counts: (g: string) => counts.get(`${t.id}\t${g}`) ?? 0 }));
    return {
      themes: reportThemes,
      withoutTheme: responsesWithoutTheme(this.db, q.id),
      byType: breakdown(this.types, typeBases, rows(byType)),
      byPlace: breakdown(this.places, placeBases, rows(byPlace)),
    };
  }

  /**
   * Up to three quotes from different respondents, none already used for another theme of the question.
   * Responses without personal data come first: a redacted quote reads worse and says more than needed.
   */
  private quotes(theme: ThemeRow, quoted: Set<number>): ReportQuote[] {
    const candidates = quoteCandidates(this.db, theme.id, theme.pinnedQuotes, this.memberCondition, QUOTE_CANDIDATES).map((c) => ({
      c,
      text: this.redact(c.text, c.responseId),
    }));
    const ordered = [...candidates.filter((x) => x.text === x.c.text), ...candidates.filter((x) => x.text !== x.c.text)];
    const out: ReportQuote[] = [];
    const respondents = new Set<number>();
    for (const { c, text } of ordered) {
      if (out.length === QUOTES_PER_THEME) break;
      if (quoted.has(c.responseId) || respondents.has(c.respondentId)) continue;
      quoted.add(c.responseId);
      respondents.add(c.respondentId);
      if (text !== c.text) this.redactedQuotes++;
      out.push({ responseId: c.responseId, text: excerpt(text), attribution: attribution(c, this.options, this.redact) });
    }
    return out;
  }
}

export function buildSummary(db: Db, options: ReportOptions, redact: Redactor, progress?: Progress, now = new Date()): ReportSummary {
  const questions = selectQuestions(db, options.questions);
  const questionIds = questions.map((q) => q.id);
  const total = questions.length + 2;
  progress?.progress('Choosing responses', 0, total);
  buildScope(db, questionIds, options);
  const chosen = themesForReport(db, options.themeIds);
  const themes = chosen.themes.filter((t) => questionIds.includes(t.questionId));
  loadThemeAncestry(db, themes);

  const types = grouping(db, 'type', TYPE_GROUPS, 'Other types');
  const places = grouping(db, 'city', PLACE_GROUPS, 'Elsewhere');
  const channels = grouping(db, 'channel', 6, 'Other');
  const totals = countedTotals(db);
  const builder = new QuestionBuilder(db, options, redact, types, places, campaignMemberCondition(db));
  const reportQuestions = questions.map((q, i) => {
    if (progress?.cancelled()) throw new AppError('CANCELLED', 'The report was cancelled.');
    progress?.progress(`Summarising ${q.code}`, i + 1, total);
    return builder.build(
      q,
      themes.filter((t) => t.questionId === q.id),
      chosen.draftQuestions.has(q.id),
    );
  });

  let redactedExcerpts = 0;
  const campaigns = campaignsInScope(db).map((c) => {
    const text = redact(c.templateText, c.templateResponseId);
    if (text !== c.templateText) redactedExcerpts++;
    return { id: c.id, questionCode: c.questionCode, status: c.status, size: c.size, counted: c.counted, excerpt: excerpt(text, 200) };
  });

  const runs = analysisRuns(db, questionIds);
  const bySource = assignmentsBySource(db);
  const assignments = bySource.reduce((a, b) => a + b.count, 0);
  const excluded = options.includeExcluded ? [] : exclusionsByReason(db, questionIds);
  const excludedTotal = excluded.reduce((a, b) => a + b.count, 0);
  const info = consultation(db);
  progress?.progress('Summary ready', total, total);
  return {
    title: info.title,
    description: info.description,
    generatedAt: now.toISOString(),
    options,
    respondents: totals.respondents,
    responses: totals.responses,
    byType: countShares(respondentsByGroup(db, types), types.labels, totals.respondents),
    byPlace: countShares(respondentsByGroup(db, places), places.labels, totals.respondents),
    byChannel: countShares(respondentsByGroup(db, channels), channels.labels, totals.respondents),
    questions: reportQuestions,
    campaigns,
    methods: {
      runs: runs.map((r) => ({ questionCode: r.questionCode, kind: r.kind, at: r.at, seed: r.seed, parameters: r.parameters })),
      assignmentsBySource: bySource.map((s) => ({ label: s.label, count: s.count, share: share(s.count, assignments) })),
      agreement: latestAgreement(runs),
      excluded: excluded.map((e) => ({ ...e, share: share(e.count, excludedTotal) })),
      campaignMembersCollapsed: collapsedCount(db),
      redactions: builder.redactedQuotes + redactedExcerpts,
    },
  };
}
