import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ColumnMapping, ImportMapping, SourcePreview } from '../../shared/api';
import { AppError } from '../util/errors';

/** The CLI's mapping file: column headings by role. Columns it does not list are not imported (kept in the row). */
const mappingFile = z
  .object({
    id: z.string().optional(),
    questions: z.array(z.string()).default([]),
    closed: z.array(z.string()).default([]),
    attributes: z.array(z.string()).default([]),
    themes: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict();

export type MappingFile = z.infer<typeof mappingFile>;

export function readMappingFile(path: string): MappingFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AppError('INVALID_INPUT', `The mapping file ${path} could not be read: ${(error as Error).message}`);
  }
  const parsed = mappingFile.safeParse(json);
  if (!parsed.success) {
    throw new AppError(
      'INVALID_INPUT',
      `The mapping file ${path} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}. Expected {"id": "col", "questions": ["col"], "closed": ["col"], "attributes": ["col"]}.`,
    );
  }
  return parsed.data;
}

/**
 * Applies a mapping file to one previewed source: listed columns take the given role, keeping the
 * proposal's question or attribute where it agrees; new questions get unused codes.
 */
export function applyMappingFile(file: MappingFile, source: SourcePreview, usedCodes: Set<string>): ImportMapping {
  const proposed = new Map(source.mapping.columns.map((m) => [m.column, m]));
  const present = new Set(source.columns.map((c) => c.name));
  let n = 0;
  const newCode = (): string => {
    let code: string;
    do code = `Q${++n}`;
    while (usedCodes.has(code));
    usedCodes.add(code);
    return code;
  };
  const themes = typeof file.themes === 'string' ? [file.themes] : (file.themes ?? []);
  const columns: ColumnMapping[] = source.columns.map(({ name }) => {
    const p = proposed.get(name);
    const question = (role: 'open' | 'closed'): ColumnMapping => {
      if (p && (p.role === 'open' || p.role === 'closed') && p.question) return { ...p, role };
      return { column: name, role, question: newCode(), text: name };
    };
    if (file.id === name) return { column: name, role: 'id' };
    if (file.questions.includes(name)) return question('open');
    if (file.closed.includes(name)) return question('closed');
    if (file.attributes.includes(name))
      return p?.role === 'attribute' ? p : { column: name, role: 'attribute', attribute: name };
    if (themes.includes(name)) return { column: name, role: 'themes' };
    return { column: name, role: 'ignore' };
  });
  const listed = [file.id, ...file.questions, ...file.closed, ...file.attributes, ...themes].filter(
    (c): c is string => !!c,
  );
  const missing = listed.filter((c) => !present.has(c));
  if (missing.length === listed.length && listed.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `None of the mapping file's columns are in ${source.name} (it has: ${source.columns.map((c) => c.name).join(', ')}).`,
    );
  }
  return { columns };
}
