/**
 * The one summary model: every document writer (docx, odt, html, pdf, md) renders exactly this, so the
 * numbers in every format are the same. SQL does the counting over temp.report_scope; the only response text
 * that leaves is passed through the Redactor here.
 */
import type {
  Breakdown,
  CountShare,
  ReportOptions,
  ReportQuestion,
  ReportQuote,
  ReportSummary,
  ReportTheme,
} from '../../shared/api';
import type { Db } from '../db/connection';
import { AppError } from '../util/errors';
import { campaignMemberCondition, campaignsInScope } from './data/campaigns';
import {
  closedAnswers,
  consultation,
  countedTotals,
  displayLabel,
  grouping,
  loadGroups,
  questionBases,
  respondentsByGroup,
  selectQuestions,
  type Grouping,
  type QuestionRow,
} from './data/core';
import {
  analysisRuns,
  assignmentsBySource,
  latestAgreement,
  loadThemes,
  quoteCandidates,
  responsesWithoutTheme,
  themeCounts,
  themesForReport,
  type QuoteCandidate,
  type ThemeRow,
} from './data/themes';
import type { CrossCounts } from './data/cross';
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
  return labels
    .map((label) => ({ label, count: counts.get(label) ?? 0, share: share(counts.get(label) ?? 0, base) }))
    .filter((c) => c.count > 0);
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
    const bases = questionBases(this.db, q.id);
    const respondents = bases.total('');
    const base = { id: q.id, code: q.code, text: q.text, kind: q.kind, respondents, themesDraft: draft };
    if (q.kind === 'closed') return { ...base, ...this.closed(q, respondents, bases), themes: [], withoutTheme: 0 };
    return { ...base, ...this.open(q, themes, respondents, bases), options: [] };
  }

  /** Breakdown tables by type and by place: each group's base, and one row per key (theme or answer). */
  private breakdowns(
    bases: CrossCounts,
    counts: CrossCounts,
    rows: { key: string; label: string }[],
  ): { byType: Breakdown; byPlace: Breakdown } {
    const table = (labels: string[], count: (c: CrossCounts, key: string, group: string) => number): Breakdown => {
      const groups = labels.filter((g) => count(bases, '', g) > 0);
      return {
        groups: groups.map((g) => ({ label: g, base: count(bases, '', g) })),
        rows: rows.map((r) => ({ label: r.label, counts: groups.map((g) => count(counts, r.key, g)) })),
      };
    };
    return {
      byType: table(this.types.labels, (c, key, g) => c.byType(key, g)),
      byPlace: table(this.places.labels, (c, key, g) => c.byPlace(key, g)),
    };
  }

  private closed(q: QuestionRow, respondents: number, bases: CrossCounts) {
    const answers = closedAnswers(this.db, q.id);
    const listed = new Set(q.options);
    const extra = answers
      .keys()
      .filter((a) => !listed.has(a))
      .sort((a, b) => answers.total(b) - answers.total(a) || a.localeCompare(b));
    const all = [...q.options, ...extra];
    return {
      options: all.map((a) => ({ label: a, count: answers.total(a), share: share(answers.total(a), respondents) })),
      ...this.breakdowns(
        bases,
        answers,
        all.map((a) => ({ key: a, label: a })),
      ),
    };
  }

  private open(q: QuestionRow, themes: ThemeRow[], respondents: number, bases: CrossCounts) {
    const counts = themeCounts(
      this.db,
      q.id,
      themes.some((t) => t.parentId !== null && themes.some((p) => p.id === t.parentId)),
    );
    const total = (id: number): number => counts.total(String(id));
    const candidates = quoteCandidates(this.db, q.id, themes, this.memberCondition, QUOTE_CANDIDATES);
    const quoted = new Set<number>();
    const reportThemes: ReportTheme[] = orderThemes(themes, total).map(({ theme, depth }) => ({
      id: theme.id,
      name: theme.name,
      description: theme.description,
      keywords: theme.keywords,
      parentId: theme.parentId,
      depth,
      count: total(theme.id),
      share: share(total(theme.id), respondents),
      quotes: this.quotes(candidates.get(theme.id) ?? [], quoted),
    }));
    return {
      themes: reportThemes,
      withoutTheme: responsesWithoutTheme(this.db, q.id),
      ...this.breakdowns(
        bases,
        counts,
        reportThemes.map((t) => ({ key: String(t.id), label: t.name })),
      ),
    };
  }

  /**
   * Up to three quotes from different respondents, none already used for another theme of the question.
   * Responses without personal data come first: a redacted quote reads worse and says more than needed.
   */
  private quotes(found: QuoteCandidate[], quoted: Set<number>): ReportQuote[] {
    const candidates = found.map((c) => ({ c, text: this.redact(c.text, c.responseId) }));
    const ordered = [
      ...candidates.filter((x) => x.text === x.c.text),
      ...candidates.filter((x) => x.text !== x.c.text),
    ];
    const out: ReportQuote[] = [];
    const respondents = new Set<number>();
    for (const { c, text } of ordered) {
      if (out.length === QUOTES_PER_THEME) break;
      if (quoted.has(c.responseId) || respondents.has(c.respondentId)) continue;
      quoted.add(c.responseId);
      respondents.add(c.respondentId);
      if (text !== c.text) this.redactedQuotes++;
      out.push({
        responseId: c.responseId,
        text: excerpt(text),
        attribution: attribution(c, this.options, this.redact),
      });
    }
    return out;
  }
}

export function buildSummary(
  db: Db,
  options: ReportOptions,
  redact: Redactor,
  progress?: Progress,
  now = new Date(),
): ReportSummary {
  const questions = selectQuestions(db, options.questions);
  const questionIds = questions.map((q) => q.id);
  const total = questions.length + 2;
  progress?.progress('Choosing responses', 0, total);
  buildScope(db, questionIds, options);
  const chosen = themesForReport(db, options.themeIds);
  const themes = chosen.themes.filter((t) => questionIds.includes(t.questionId));
  loadThemes(db, themes);

  const types = grouping(db, 'type', TYPE_GROUPS, 'Other types');
  const places = grouping(db, 'city', PLACE_GROUPS, 'Elsewhere');
  const channels = grouping(db, 'channel', 6, 'Other');
  loadGroups(db, types, places);
  const totals = countedTotals(db);
  const builder = new QuestionBuilder(db, options, redact, types, places, campaignMemberCondition(db, 'a.response_id'));
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
    return {
      id: c.id,
      questionCode: c.questionCode,
      status: c.status,
      size: c.size,
      counted: c.counted,
      excerpt: excerpt(text, 200),
    };
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
      runs: runs.map((r) => ({
        questionCode: r.questionCode,
        kind: r.kind,
        at: r.at,
        seed: r.seed,
        parameters: r.parameters,
      })),
      assignmentsBySource: bySource.map((s) => ({
        label: s.label,
        count: s.count,
        share: share(s.count, assignments),
      })),
      agreement: latestAgreement(runs),
      excluded: excluded.map((e) => ({ ...e, share: share(e.count, excludedTotal) })),
      campaignMembersCollapsed: collapsedCount(db),
      redactions: builder.redactedQuotes + redactedExcerpts,
    },
  };
}
