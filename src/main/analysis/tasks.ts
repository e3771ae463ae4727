/**
 * The theme jobs as they run in a worker thread: read the question's responses, analyse, and write the
 * result in one transaction (a cancelled or failed run leaves the project as it was).
 */
import type { Agreement, ClassifyResult, DiscoverResult } from '../../shared/api';
import { openWorkerDb, type Db } from '../db/connection';
import { clearProposals, writeProposals, type ProposalRow } from '../db/queries/assignments';
import { finishRun, startRun } from '../db/queries/runs';
import { insertTheme } from '../db/queries/themes';
import type { TaskContext } from '../jobs/protocol';
import { AppError } from '../util/errors';
import { IntBuffer } from './buffers';
import { classifyResponses, CLASSIFY_DEFAULTS } from './classify';
import { Corpus, DOC_NON_ANSWER, DOC_NOT_ENGLISH } from './corpus';
import { DISCOVER_DEFAULTS, discoverThemes, type OtherReason } from './discover';
import { phraseMatcher } from './evidence';
import type { MultiLabelAgreement } from './evaluate';

export const OTHER_THEME_NAME = 'Other / unclear';

export interface DiscoverTaskInput {
  dbPath: string;
  questionId: number;
  themes: number | 'auto';
  seed: number;
  otherOnly: boolean;
  actor: string;
}

export interface ClassifyTaskInput {
  dbPath: string;
  questionId: number;
  seed: number;
  actor: string;
}

const READ_PROGRESS_EVERY = 5000;

function cancelCheck(ctx: TaskContext, what: string): () => void {
  return () => {
    if (ctx.cancelled()) throw new AppError('CANCELLED', `${what} was cancelled; nothing was changed.`);
  };
}

/** Streams a question's responses into a corpus; returns their ids in corpus order. */
function readResponses(
  db: Db,
  sql: string,
  params: unknown[],
  corpus: Corpus,
  ctx: TaskContext,
  /** Called after each response is added, while `corpus.analyser.lastTerms()` are its words. */
  onAdded?: (position: number) => void,
): Int32Array {
  const total = db
    .prepare(`SELECT count(*) FROM (${sql})`)
    .pluck()
    .get(...params) as number;
  const ids = new IntBuffer(Math.max(16, total));
  const check = cancelCheck(ctx, 'Reading responses');
  for (const row of db.prepare(sql).iterate(...params) as IterableIterator<{ id: number; text: string }>) {
    corpus.add(row.text);
    onAdded?.(ids.length);
    ids.push(row.id);
    if (ids.length % READ_PROGRESS_EVERY === 0) {
      check();
      ctx.progress('Reading responses', ids.length, total);
    }
  }
  return ids.view().slice();
}

function ensureOtherTheme(db: Db, questionId: number, actor: string): number {
  const existing = db.prepare('SELECT id FROM theme WHERE question_id = ? AND is_other = 1').pluck().get(questionId) as
    number | undefined;
  if (existing !== undefined) return existing;
  let name = OTHER_THEME_NAME;
  for (let n = 2; db.prepare('SELECT 1 FROM theme WHERE question_id = ? AND name = ?').get(questionId, name); n++)
    name = `${OTHER_THEME_NAME} (${n})`;
  return insertTheme(db, {
    questionId,
    name,
    status: 'candidate',
    isOther: true,
    position: 1_000_000,
    createdBy: actor,
  });
}

function uniqueName(db: Db, questionId: number, name: string): string {
  let candidate = name;
  for (let n = 2; db.prepare('SELECT 1 FROM theme WHERE question_id = ? AND name = ?').get(questionId, candidate); n++)
    candidate = `${name} (${n})`;
  return candidate;
}

export function discoverTask(input: unknown, ctx: TaskContext): DiscoverResult {
  const { dbPath, questionId, themes, seed, otherOnly, actor } = input as DiscoverTaskInput;
  const db = openWorkerDb(dbPath);
  try {
    const check = cancelCheck(ctx, 'Theme discovery');
    const startedAt = new Date().toISOString();
    const otherId = db
      .prepare('SELECT id FROM theme WHERE question_id = ? AND is_other = 1')
      .pluck()
      .get(questionId) as number | undefined;
    if (otherOnly && otherId === undefined)
      throw new AppError('NOT_FOUND', 'This question has no "Other / unclear" group yet: discover themes first.');
    const corpus = new Corpus();
    const ids = otherOnly
      ? readResponses(
          db,
          `SELECT r.id, r.text FROM response r JOIN assignment a ON a.response_id = r.id WHERE a.theme_id = ? AND a.state <> 'rejected' ORDER BY r.id`,
          [otherId],
          corpus,
          ctx,
        )
      : readResponses(db, 'SELECT id, text FROM response WHERE question_id = ? ORDER BY id', [questionId], corpus, ctx);
    if (ids.length === 0)
      throw new AppError(
        'NOT_FOUND',
        otherOnly ? 'The "Other / unclear" group is empty.' : 'This question has no responses yet.',
      );
    const options = { ...DISCOVER_DEFAULTS, themes, seed };
    const positions = Array.from({ length: ids.length }, (_, i) => i);
    const found = discoverThemes(corpus, positions, options, { progress: ctx.progress, checkCancelled: check });
    ctx.progress('Saving themes', 0, null);
    return db
      .transaction((): DiscoverResult => {
        const runId = startRun(db, {
          kind: 'discover',
          questionId,
          parameters: { ...options, otherOnly, responses: ids.length },
          seed,
          startedBy: actor,
          startedAt,
        });
        if (!otherOnly) {
          // A new discovery replaces the previous candidates, except those a person has already made decisions on.
          db.prepare(
            `DELETE FROM theme WHERE question_id = ? AND status = 'candidate' AND is_other = 0
             AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.theme_id = theme.id AND a.state <> 'proposed')
             AND NOT EXISTS (SELECT 1 FROM theme c WHERE c.parent_id = theme.id)`,
          ).run(questionId);
          const candidates = db
            .prepare(`SELECT id FROM theme WHERE question_id = ? AND status = 'candidate'`)
            .pluck()
            .all(questionId) as number[];
          clearProposals(db, candidates);
        } else {
          clearProposals(db, [otherId!]);
        }
        const other = ensureOtherTheme(db, questionId, actor);
        const themeIds = found.themes.map((t) =>
          insertTheme(db, {
            questionId,
            name: uniqueName(db, questionId, t.label),
            status: 'candidate',
            keywords: t.keywords,
            quotes: t.quotes.map((p) => ids[p]),
            runId,
            createdBy: actor,
          }),
        );
        const detail = `discovery run ${runId} (${found.themes.length} themes, seed ${seed})`;
        const rows = function* (): Generator<ProposalRow> {
          for (let p = 0; p < ids.length; p++) {
            const theme = found.assignment[p];
            if (theme >= 0)
              yield {
                responseId: ids[p],
                themeId: themeIds[theme],
                confidence: Math.max(0, Math.min(1, found.similarity[p])),
                evidence: null,
              };
            else
              yield {
                responseId: ids[p],
                themeId: other,
                confidence: 0,
                evidence: JSON.stringify({ reason: found.otherReason[p] satisfies OtherReason | null }),
              };
            if (p % 20000 === 0) {
              check();
              ctx.progress('Saving themes', p, ids.length);
            }
          }
        };
        writeProposals(db, rows(), { source: 'model', sourceDetail: detail, runId });
        const inOther = found.assignment.reduce((n, a) => n + (a < 0 ? 1 : 0), 0);
        finishRun(db, runId, found.timings, {
          themes: found.themes.length,
          k: found.k,
          inOther,
          otherReasons: found.otherCounts,
          languages: found.languages,
          features: found.features,
        });
        return { runId, themes: found.themes.length, inOther, languages: found.languages };
      })
      .immediate();
  } finally {
    db.close();
  }
}

function toAgreement(
  runId: number,
  at: string,
  a: MultiLabelAgreement,
  threshold: number,
  names: string[],
  themeIds: number[],
  untrainable: number[],
): Agreement {
  return {
    runId,
    at,
    responses: a.responses,
    samplesF1: a.samplesF1,
    microF1: a.microF1,
    macroF1: a.macroF1,
    kappa: a.kappa,
    threshold,
    perTheme: Object.entries(a.perLabel).map(([label, m]) => ({
      theme: names[Number(label)],
      themeId: themeIds[Number(label)],
      precision: m.precision,
      recall: m.recall,
      f1: m.f1,
      kappa: m.kappa,
      support: m.support,
    })),
    untrainable: untrainable.map((t) => names[t]),
  };
}

export function classifyTask(input: unknown, ctx: TaskContext): ClassifyResult {
  const { dbPath, questionId, seed, actor } = input as ClassifyTaskInput;
  const db = openWorkerDb(dbPath);
  try {
    const check = cancelCheck(ctx, 'Classification');
    const startedAt = new Date().toISOString();
    const themes = db
      .prepare(
        `SELECT id, name FROM theme WHERE question_id = ? AND status = 'accepted' AND is_other = 0 ORDER BY position, id`,
      )
      .all(questionId) as { id: number; name: string }[];
    if (themes.length === 0)
      throw new AppError('INVALID_INPUT', 'Accept at least one theme into the codebook before classifying.');
    const index = new Map(themes.map((t, i) => [t.id, i]));
    // Coded responses: those with an accepted assignment to a codebook theme.
    const codedThemes = new Map<number, number[]>();
    for (const row of db
      .prepare(
        `SELECT a.response_id AS responseId, a.theme_id AS themeId FROM assignment a JOIN theme t ON t.id = a.theme_id
                 WHERE t.question_id = ? AND t.status = 'accepted' AND t.is_other = 0 AND a.state = 'accepted'`,
      )
      .iterate(questionId) as IterableIterator<{ responseId: number; themeId: number }>) {
      const list = codedThemes.get(row.responseId) ?? [];
      list.push(index.get(row.themeId)!);
      codedThemes.set(row.responseId, list);
    }
    if (codedThemes.size === 0)
      throw new AppError(
        'INVALID_INPUT',
        'Code some responses first (assign themes by hand or accept proposals): the classifier learns from them.',
      );
    const rules = db
      .prepare(
        `SELECT r.id, r.theme_id AS themeId, r.terms FROM keyword_rule r JOIN theme t ON t.id = r.theme_id
                 WHERE t.question_id = ? AND t.status = 'accepted' AND t.is_other = 0 ORDER BY r.id`,
      )
      .all(questionId) as { id: number; themeId: number; terms: string }[];
    const corpus = new Corpus();
    const matchers = rules.map((r) => ({
      rule: r,
      terms: JSON.parse(r.terms) as string[],
      matcher: phraseMatcher(corpus.analyser, JSON.parse(r.terms) as string[]),
    }));
    const ruleHits: { position: number; rule: number; spans: string[] }[] = [];
    const ids = readResponses(
      db,
      'SELECT id, text FROM response WHERE question_id = ? ORDER BY id',
      [questionId],
      corpus,
      ctx,
      (position) => {
        if (matchers.length === 0) return;
        // readResponses has just added this text to the corpus: its words are analysed already.
        const terms = corpus.analyser.lastTerms();
        matchers.forEach((m, r) => {
          const spans = m.matcher.findInTerms(terms);
          if (spans.length) ruleHits.push({ position, rule: r, spans: [...new Set(spans.map((s) => s.term))] });
        });
      },
    );
    const coded: { position: number; themes: number[] }[] = [];
    const toClassify: number[] = [];
    for (let p = 0; p < ids.length; p++) {
      const c = codedThemes.get(ids[p]);
      if (c) coded.push({ position: p, themes: c });
      else if (!(corpus.flags(p) & (DOC_NON_ANSWER | DOC_NOT_ENGLISH)) && corpus.contentWords(p) > 0)
        toClassify.push(p);
    }
    check();
    const options = { ...CLASSIFY_DEFAULTS, seed };
    const result = classifyResponses(
      corpus,
      Array.from({ length: ids.length }, (_, i) => i),
      themes.length,
      coded,
      toClassify,
      options,
      (phase, done, total) => {
        check();
        ctx.progress(phase, done, total);
      },
    );
    check();
    // Evidence terms as people wrote them, looked up once for all proposals.
    const evidenceTerms = [...new Set(result.proposals.flatMap((list) => list.flatMap((p) => p.evidence)))];
    const names = corpus.displayNames(evidenceTerms);
    const display = new Map(evidenceTerms.map((t, i) => [t, names[i]]));
    ctx.progress('Saving proposals', 0, null);
    return db
      .transaction((): ClassifyResult => {
        const runId = startRun(db, {
          kind: 'classify',
          questionId,
          parameters: { ...options, codedResponses: coded.length },
          seed,
          startedBy: actor,
          startedAt,
        });
        clearProposals(
          db,
          themes.map((t) => t.id),
        );
        const detail = `classifier run ${runId} (logistic regression, threshold ${result.threshold}, seed ${seed})`;
        let proposals = 0;
        const rows = function* (): Generator<ProposalRow> {
          for (let i = 0; i < toClassify.length; i++) {
            for (const p of result.proposals[i]) {
              yield {
                responseId: ids[toClassify[i]],
                themeId: themes[p.theme].id,
                confidence: p.confidence,
                evidence: JSON.stringify({ terms: p.evidence.map((t) => display.get(t)!) }),
              };
            }
          }
        };
        proposals += writeProposals(db, rows(), { source: 'model', sourceDetail: detail, runId });
        // Keyword rules propose too, for responses no analyst has coded; a rule's match replaces the model's proposal.
        for (const hit of ruleHits) {
          if (codedThemes.has(ids[hit.position])) continue;
          const m = matchers[hit.rule];
          proposals += writeProposals(
            db,
            [
              {
                responseId: ids[hit.position],
                themeId: m.rule.themeId,
                confidence: 1,
                evidence: JSON.stringify({ terms: hit.spans }),
              },
            ],
            { source: 'rule', sourceDetail: `keyword rule: any of ${m.terms.join(', ')}`, runId, ruleId: m.rule.id },
          );
        }
        const agreement = result.agreement
          ? toAgreement(
              runId,
              new Date().toISOString(),
              result.agreement,
              result.threshold,
              themes.map((t) => t.name),
              themes.map((t) => t.id),
              result.untrainable,
            )
          : null;
        finishRun(db, runId, result.timings, {
          agreement,
          threshold: result.threshold,
          proposals,
          classified: toClassify.length,
          coded: coded.length,
          features: result.features,
        });
        return { runId, proposals, responses: toClassify.length, agreement };
      })
      .immediate();
  } finally {
    db.close();
  }
}
