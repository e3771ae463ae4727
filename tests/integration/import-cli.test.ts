import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consult } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const fixtures = join(import.meta.dirname, '../fixtures/import');

describe('consult import', () => {
  it('imports with a mapping file, prints only JSON with --json, and exits 1 when nothing could be imported', () => {
    const dir = tempDir();
    const project = join(dir, 'p.consult');
    expect(consult(['new', project], dir).code).toBe(0);
    const mapping = join(dir, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        id: 'Response ID',
        questions: ['Q1. What should TechNorth do first?'],
        closed: ['Do you support the hub?'],
        attributes: ['City'],
      }),
    );
    const first = consult(
      [
        'import',
        project,
        join(fixtures, 'survey-utf8-bom.csv'),
        join(fixtures, 'ragged.csv'),
        '--mapping',
        mapping,
        '--json',
      ],
      dir,
    );
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as {
      respondentsAdded: number;
      responsesAdded: number;
      files: { name: string; status: string; quarantined: number }[];
    };
    expect(summary.files.map((f) => [f.name, f.status])).toEqual([
      ['survey-utf8-bom.csv', 'imported'],
      ['ragged.csv', 'failed'],
    ]);
    // Only the mapped columns became answers: 5 open + 5 closed.
    expect(summary.responsesAdded).toBe(10);
    const stats = JSON.parse(consult(['stats', project, '--json'], dir).stdout) as {
      questions: number;
      respondents: number;
    };
    expect(stats).toMatchObject({ questions: 2, respondents: 5 });

    // The same file again: refused, nothing imported, exit 1, a readable summary.
    const again = consult(['import', project, join(fixtures, 'survey-utf8-bom.csv')], dir);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/REFUSED: survey-utf8-bom.csv was not imported: the same file was imported/);
    expect(consult(['import', project, join(fixtures, 'empty.csv')], dir)).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/FAILED: empty.csv is empty/),
    });
  });

  it('uses the proposed mapping without a mapping file and lists quarantined rows with reasons', () => {
    const dir = tempDir();
    const project = join(dir, 'p.consult');
    consult(['new', project], dir);
    const r = consult(['import', project, join(fixtures, 'ragged.csv')], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ragged.csv: 3 respondents');
    expect(r.stdout).toContain('quarantined: row 3 has 4 fields but the heading row has 3');
    expect(r.stdout).toMatch(/Total: 3 respondents/);
  });

  it('says what is wrong with a bad mapping file', () => {
    const dir = tempDir();
    const project = join(dir, 'p.consult');
    consult(['new', project], dir);
    const mapping = join(dir, 'bad.json');
    writeFileSync(mapping, '{"questions": "not a list"}');
    const r = consult(['import', project, join(fixtures, 'ragged.csv'), '--mapping', mapping], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^consult: The mapping file .* is not valid: questions/);
  });
});
