import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProjectDb } from '../../src/main/db/connection';
import { loadSample } from '../../src/main/importers/sample';
import { themedConsultation } from '../fixtures/themed-consultation';
import { consult } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

describe('consult analyse and consult export', () => {
  it('discovers themes, refuses to classify without a codebook, and exports the coded data as JSON', () => {
    const dir = tempDir();
    const project = join(dir, 'p.consult');
    const db = createProjectDb(project, 'Themes');
    loadSample(db, themedConsultation(20).sample);
    db.close();

    const classifyFirst = consult(['analyse', project, '--classify', '--json'], dir);
    expect(classifyFirst.code).toBe(0);
    expect(JSON.parse(classifyFirst.stdout)).toEqual([
      expect.objectContaining({
        question: 'Q1',
        action: 'skipped',
        reason: expect.stringMatching(/no accepted codebook/),
      }),
    ]);

    const run = consult(['analyse', project, '--question', 'Q1', '--themes', '4', '--json'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [report] = JSON.parse(run.stdout) as {
      action: string;
      discovery: { themes: number };
      themes: { name: string; keywords: string[] }[];
    }[];
    expect(report.action).toBe('discovered');
    expect(report.discovery.themes).toBe(4);
    expect(report.themes).toHaveLength(5);

    const human = consult(['analyse', project, '--themes', 'auto'], dir);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Q1: discovering themes/);
    expect(consult(['analyse', project, '--themes', '99'], dir)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--themes must be/),
    });

    const out = join(dir, 'coded.json');
    const exported = consult(['export', project, '--format', 'json', '--out', out], dir);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    const data = JSON.parse(readFileSync(out, 'utf8')) as {
      questions: { code: string }[];
      themes: { id: number; question: string; name: string; keywords: string[]; count: number }[];
      responses: {
        id: number;
        respondent: string;
        attributes: Record<string, string>;
        question: string;
        text: string;
        themes: { name: string; source: string; confidence: number | null }[];
      }[];
    };
    expect(data.questions.map((q) => q.code)).toEqual(['Q1', 'Q2']);
    expect(data.themes.length).toBeGreaterThanOrEqual(4);
    expect(data.themes[0]).toMatchObject({ question: 'Q1', keywords: expect.any(Array), count: expect.any(Number) });
    const q1 = data.responses.filter((r) => r.question === 'Q1');
    expect(q1).toHaveLength(83);
    expect(q1[0]).toMatchObject({
      respondent: 'R0001',
      attributes: expect.objectContaining({ city: expect.any(String), age: expect.any(String) }),
    });
    expect(q1.every((r) => r.themes.length === 1 && r.themes[0].source === 'model')).toBe(true);
    // The other formats are the reports area's; the same command writes them.
    const csv = join(dir, 'coded.csv');
    expect(consult(['export', project, '--format', 'csv', '--out', csv], dir)).toMatchObject({ code: 0 });
    // Respondents are anonymised by default (R1, R2...), so check the shape and the coded themes.
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\r\n')[0]).toContain('respondent,respondent_type');
    expect(text).toContain(',Q1,');
  });
});
