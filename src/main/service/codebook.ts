/**
 * Codebooks to reuse across consultations: our JSON (themes, descriptions, keywords, rules, one level of
 * sub-themes) and the REFI-QDA codebook exchange format (.qdc, read by NVivo, ATLAS.ti, MAXQDA), which
 * carries names, descriptions and nesting only.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Codebook, CodebookTheme, Theme } from '../../shared/api';
import type { Db } from '../db/connection';
import { appendAudit } from '../db/queries/audit';
import { insertTheme, listThemes, requireQuestion } from '../db/queries/themes';
import { AppError } from '../util/errors';

function entry(t: Theme): Omit<CodebookTheme, 'subThemes'> {
  return { name: t.name, description: t.description, keywords: t.keywords, rules: t.rules.map((r) => r.terms) };
}

export function buildCodebook(db: Db, questionId: number): Codebook {
  const question = requireQuestion(db, questionId);
  const themes = listThemes(db, questionId).filter((t) => !t.isOther && t.status === 'accepted');
  const top = themes.filter((t) => t.parentId === null || !themes.some((p) => p.id === t.parentId));
  return {
    format: 'consultation-analyser-codebook',
    version: 1,
    question: question.text,
    themes: top.map((t) => ({ ...entry(t), subThemes: themes.filter((c) => c.parentId === t.id).map(entry) })),
  };
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A stable GUID per question and theme name, so re-exporting gives the same file. */
function guid(question: string, name: string): string {
  const h = createHash('sha1').update(`${question}\u0000${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function codebookToQdc(book: Codebook): string {
  const code = (
    t: Omit<CodebookTheme, 'subThemes'> & { subThemes?: CodebookTheme['subThemes'] },
    indent: string,
  ): string => {
    const description = t.description ? `${indent}  <Description>${escapeXml(t.description)}</Description>\n` : '';
    const children = (t.subThemes ?? []).map((c) => code(c, `${indent}  `)).join('');
    const open = `${indent}<Code guid="${guid(book.question, t.name)}" name="${escapeXml(t.name)}" isCodable="true"`;
    return description || children ? `${open}>\n${description}${children}${indent}</Code>\n` : `${open}/>\n`;
  };
  return `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Consultation Analyser">
  <Codes>
${book.themes.map((t) => code(t, '    ')).join('')}  </Codes>
</CodeBook>
`;
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()];
  });
}

/** Reads the codes of a .qdc file; codes nested deeper than one level become sub-themes of their top code. */
export function qdcToCodebook(xml: string): Codebook {
  if (!/<CodeBook[\s>]/.test(xml))
    throw new AppError('BAD_FILE', 'This is not a REFI-QDA codebook: there is no <CodeBook> element.');
  const themes: CodebookTheme[] = [];
  // Closing tags arrive child-first, so a top code's descendants wait here until it closes.
  const pending: Omit<CodebookTheme, 'subThemes'>[] = [];
  const stack: { name: string; description: string }[] = [];
  // One linear pass over the tags (no lazy match to a closing tag, which a hostile file could make quadratic).
  const tag = /<(\/?)Code\b([^>]*?)(\/?)>|<(\/?)Description>/g;
  let descriptionFrom = -1;
  for (const m of xml.matchAll(tag)) {
    if (m[4] !== undefined) {
      if (m[4] === '') descriptionFrom = m.index + m[0].length;
      else if (descriptionFrom >= 0 && stack.length)
        stack[stack.length - 1].description = unescapeXml(xml.slice(descriptionFrom, m.index).trim());
      if (m[4] !== '') descriptionFrom = -1;
      continue;
    }
    const [, closing, attributes, selfClosing] = m;
    if (closing) {
      const done = stack.pop();
      if (done) place(done, stack.length);
      continue;
    }
    const name = /\bname="([^"]*)"/.exec(attributes)?.[1];
    if (name === undefined) throw new AppError('BAD_FILE', 'A <Code> in the codebook has no name.');
    const code = { name: unescapeXml(name).trim(), description: '' };
    if (selfClosing) place(code, stack.length);
    else stack.push(code);
  }
  function place(code: { name: string; description: string }, depth: number): void {
    if (!code.name) return;
    const theme = { name: code.name, description: code.description, keywords: [], rules: [] };
    if (depth === 0) themes.push({ ...theme, subThemes: pending.splice(0) });
    else pending.push(theme);
  }
  return { format: 'consultation-analyser-codebook', version: 1, question: '', themes };
}

const ruleSchema = z.array(z.string().trim().min(1).max(200)).min(1).max(50);
const themeSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).default(''),
  keywords: z.array(z.string().max(200)).max(50).default([]),
  rules: z.array(ruleSchema).max(20).default([]),
});
const codebookSchema = z.object({
  format: z.literal('consultation-analyser-codebook'),
  version: z.literal(1),
  question: z.string().max(5000).default(''),
  themes: z.array(themeSchema.extend({ subThemes: z.array(themeSchema).max(200).default([]) })).max(500),
});

export function parseCodebook(content: string): Codebook {
  const trimmed = content.trimStart();
  if (trimmed.startsWith('<')) return qdcToCodebook(trimmed);
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (error) {
    throw new AppError(
      'BAD_FILE',
      `The codebook is neither JSON nor a REFI-QDA .qdc file: ${(error as Error).message}`,
    );
  }
  const parsed = codebookSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'BAD_FILE',
      `The codebook does not have the expected layout at ${issue.path.join('.') || 'the top'}: ${issue.message}`,
    );
  }
  return parsed.data;
}

/**
 * Adds a codebook's themes to a question as accepted themes. A theme that already exists (same name) is
 * accepted and keeps its assignments; a missing description, keywords or rules are filled in from the file.
 */
export function importCodebook(
  db: Db,
  questionId: number,
  book: Codebook,
  actor: string,
): { created: number; updated: number } {
  requireQuestion(db, questionId);
  return db.transaction(() => {
    let created = 0;
    let updated = 0;
    const upsert = (t: Omit<CodebookTheme, 'subThemes'>, parentId: number | null): number => {
      const existing = db
        .prepare('SELECT id, description, keywords FROM theme WHERE question_id = ? AND lower(name) = lower(?)')
        .get(questionId, t.name) as { id: number; description: string; keywords: string } | undefined;
      let id: number;
      if (existing) {
        id = existing.id;
        db.prepare(
          `UPDATE theme SET status = 'accepted', is_other = 0, description = ?, keywords = ? WHERE id = ?`,
        ).run(
          existing.description || t.description,
          existing.keywords === '[]' ? JSON.stringify(t.keywords) : existing.keywords,
          id,
        );
        updated++;
      } else {
        id = insertTheme(db, {
          questionId,
          name: t.name,
          description: t.description,
          keywords: t.keywords,
          status: 'accepted',
          parentId,
          createdBy: actor,
        });
        created++;
      }
      const hasRules = db.prepare('SELECT count(*) FROM keyword_rule WHERE theme_id = ?').pluck().get(id) as number;
      if (!hasRules) {
        const insert = db.prepare(
          'INSERT INTO keyword_rule (theme_id, terms, created_by, created_at) VALUES (?, ?, ?, ?)',
        );
        for (const rule of t.rules) insert.run(id, JSON.stringify(rule), actor, new Date().toISOString());
      }
      return id;
    };
    for (const t of book.themes) {
      const parent = upsert(t, null);
      for (const sub of t.subThemes) upsert(sub, parent);
    }
    appendAudit(db, {
      actor,
      action: 'import-codebook',
      entity: 'question',
      entityId: questionId,
      after: { created, updated, themes: book.themes.map((t) => t.name) },
    });
    return { created, updated };
  })();
}
