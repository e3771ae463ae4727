/**
 * Deterministic benchmark texts: sentences of real responses and comments (Polis, the gambling consultation
 * set, AG news) recombined one to three at a time, so any number of consultation-like answers can be made
 * without copying the corpora. One JSON string per line.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { Random } from '../src/main/analysis/random';
import { agNews, gambling, polis } from '../scripts/lib/datasets';

/** Sentences of the shared corpora's real texts, 20 to 300 characters each. */
export function sentences(): string[] {
  const texts = [...polis().texts, ...gambling().texts, ...agNews().texts];
  const out: string[] = [];
  for (const t of texts) {
    for (const s of t.split(/(?<=[.!?])\s+/)) {
      const clean = s.replace(/\s+/g, ' ').trim();
      if (clean.length >= 20 && clean.length <= 300) out.push(clean);
    }
  }
  return out;
}

export async function writeTexts(path: string, count: number, seed = 42): Promise<void> {
  if (existsSync(path)) return;
  const pool = sentences();
  const random = new Random(seed);
  const stream = createWriteStream(`${path}.partial`);
  for (let i = 0; i < count; i++) {
    const parts = 1 + random.int(3);
    const picked: string[] = [];
    for (let j = 0; j < parts; j++) picked.push(pool[random.int(pool.length)]);
    if (!stream.write(`${JSON.stringify(picked.join(' '))}\n`)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  const { renameSync } = await import('node:fs');
  renameSync(`${path}.partial`, path);
}
