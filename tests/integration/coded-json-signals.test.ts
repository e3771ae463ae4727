import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCodedJson } from '../../src/main/reports/coded-json';
import { jobEnd } from '../helpers/jobs';
import { testBackend } from '../helpers/temp';

interface Exported {
  responses: {
    id: number;
    text: string;
    campaignId: number | null;
    personalData: { kind: string; start?: number }[];
    stance: string | null;
  }[];
}

describe('the JSON export carries campaigns, personal data and stance, and redacts by default', () => {
  it('on the sample after a personal-data scan and campaign detection', async () => {
    const { dir, backend, api } = testBackend();
    await api.call('project.openSample');
    const db = backend.ctx.project().db;
    // One answer the scan will find an e-mail address in.
    const target = db
      .prepare("SELECT r.id FROM response r JOIN question q ON q.id = r.question_id WHERE q.code = 'Q1' LIMIT 1")
      .pluck()
      .get() as number;
    db.prepare("UPDATE response SET text = text || ' Write to jane.doe@example.com please.' WHERE id = ?").run(target);
    const wait = async (job: { id: string }) => (await jobEnd(api, job.id)).state;
    expect(await wait(await api.call('signals.scan'))).toBe('done');
    expect(await wait(await api.call('campaigns.detect', {}))).toBe('done');

    const redacted = join(dir, 'redacted.json');
    writeCodedJson(db, redacted);
    const data = JSON.parse(readFileSync(redacted, 'utf8')) as Exported;
    const row = data.responses.find((r) => r.id === target)!;
    expect(row.text).not.toContain('jane.doe@example.com');
    expect(row.text).toContain('[email]');
    expect(row.personalData).toContainEqual({ kind: 'email' });
    const members = db.prepare('SELECT count(*) FROM campaign_member').pluck().get() as number;
    expect(data.responses.filter((r) => r.campaignId !== null).length).toBe(members);
    expect(members).toBeGreaterThan(0);

    const plain = join(dir, 'plain.json');
    writeCodedJson(db, plain, undefined, { redact: false });
    const unredacted = (JSON.parse(readFileSync(plain, 'utf8')) as Exported).responses.find((r) => r.id === target)!;
    expect(unredacted.text).toContain('jane.doe@example.com');
    expect(unredacted.personalData.some((f) => f.kind === 'email' && typeof f.start === 'number')).toBe(true);
  });
});
