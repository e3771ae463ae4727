import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackend } from '../helpers/temp';

describe('the Responses theme filter and the themes column', () => {
  it('count accepted and proposed assignments, never rejected ones', async () => {
    const { dir, backend, api } = testBackend();
    await api.call('project.create', { path: join(dir, 't.consult') });
    const db = backend.ctx.project().db;
    db.exec(`
      INSERT INTO question (id, code, text, kind, position) VALUES (1, 'Q1', 'Why?', 'open', 1);
      INSERT INTO respondent (id, external_id) VALUES (1, 'R1'), (2, 'R2'), (3, 'R3');
      INSERT INTO response (id, respondent_id, question_id, text) VALUES (1, 1, 1, 'trains'), (2, 2, 1, 'rents'), (3, 3, 1, 'skills');
      INSERT INTO theme (id, question_id, name, status, created_by, created_at) VALUES (1, 1, 'Transport', 'accepted', 't', 'now');
      INSERT INTO assignment (response_id, theme_id, source, source_detail, state, at) VALUES
        (1, 1, 'analyst', 'Priya', 'accepted', 'now'), (2, 1, 'model', 'run 1', 'proposed', 'now'), (3, 1, 'model', 'run 1', 'rejected', 'now');
    `);
    const any = await api.call('responses.list', { themes: { ids: [1], mode: 'any' }, offset: 0, limit: 10 });
    expect(any.rows.map((r) => r.respondentExternalId).sort()).toEqual(['R1', 'R2']);
    expect((await api.call('responses.count', { themes: { ids: [1], mode: 'all' } })).total).toBe(2);
    const detail = await api.call('responses.get', { id: 3 });
    expect(JSON.stringify(detail)).not.toContain('Transport');
  });
});
