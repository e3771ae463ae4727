/**
 * Campaign and near-duplicate detection over the responses to one question, in near-linear time:
 *  1. exact duplicates (equal after normalisation) collapse to one "unique text" with a count;
 *  2. each unique text gets a MinHash signature of its word 3-gram shingles;
 *  3. locality-sensitive hashing (bands of `rows` signature values) proposes candidate pairs; each is
 *     verified on the whole signature (estimated Jaccard, or containment for a template with additions);
 *  4. verified pairs are joined with union-find; components with enough responses are campaign groups;
 *  5. each group's template is its most central member: the one agreeing most with the group's per-position
 *     majority signature (a linear-time medoid).
 * Texts are not kept: the caller streams (id, text) in and gets groups of ids out.
 */
import { UnionFind } from './union-find';
import { estimateJaccard, exactKey, shingles, signatureInto } from './minhash';
import { combine, fmix32 } from './hash';
import { wordHashes } from './normalise';

export interface CampaignParams {
  /** MinHash signature length (a power of two). */
  bins: number;
  /** LSH: `bands` bands of `rows` signature values each (bands x rows <= bins). */
  bands: number;
  rows: number;
  /** Words per shingle. */
  shingleSize: number;
  /** Texts with fewer words are never grouped ("Agree", "See above"). */
  minWords: number;
  /**
   * Texts with fewer words are grouped only when identical after normalisation: two short answers that
   * happen to say nearly the same thing ("I think the trains are too slow") are not a campaign.
   */
  nearMinWords: number;
  /** Fewer responses than this is not a group at all. */
  minGroupSize: number;
  /**
   * A group this large is a campaign; a smaller one is a set of duplicates (the same person submitting
   * twice, a few colleagues sharing a draft): shown, but left to count as all its members unless an analyst
   * says otherwise.
   */
  campaignMinSize: number;
  /** Two texts are near-duplicates when their estimated Jaccard similarity reaches this... */
  jaccard: number;
  /** ...or when this share of the shorter text's shingles is in the longer (a template with additions)... */
  containment: number;
  /** ...and they still share this much (so a stock sentence inside a long, different answer is not a copy). */
  containmentMinJaccard: number;
  seed: number;
}

export const DEFAULT_CAMPAIGN_PARAMS: CampaignParams = {
  bins: 64,
  bands: 21,
  rows: 3,
  shingleSize: 3,
  minWords: 8,
  nearMinWords: 20,
  minGroupSize: 3,
  campaignMinSize: 10,
  jaccard: 0.5,
  containment: 0.8,
  containmentMinJaccard: 0.35,
  seed: 20260301,
};

export interface DetectedMember {
  id: number;
  /** Estimated Jaccard similarity to the template (1 for an exact duplicate of it). */
  similarity: number;
  /** True when the text equals the template after normalisation. */
  exact: boolean;
}

export interface DetectedGroup {
  templateId: number;
  /** Every member, the template included, in id order. */
  members: DetectedMember[];
  /** Number of distinct texts (after normalisation) in the group. */
  distinctTexts: number;
}

export interface DetectProgress {
  (phase: string, done: number, total: number | null): void;
}

const MAX_LEADERS = 4;
/** Texts sampled to find a large group's majority signature. */
const MODE_SAMPLE = 2000;
const NO_UNIQUE = -1;

/** Collects responses one at a time (signatures only, never the texts) and groups them on demand. */
export class CampaignIndex {
  private sigs: Uint32Array;
  private sizes: Uint32Array;
  private counts: Uint32Array;
  /** Long enough to be a near-duplicate (1) or only an exact one (0). */
  private long: Uint8Array;
  private uniques = 0;
  private readonly byKey = new Map<number, number>();
  private ids: Float64Array;
  private uniqueOf: Int32Array;
  private items = 0;

  constructor(
    private readonly params: CampaignParams = DEFAULT_CAMPAIGN_PARAMS,
    capacity = 1024,
  ) {
    if (params.bins & (params.bins - 1)) throw new Error('bins must be a power of two');
    if (params.bands * params.rows > params.bins) throw new Error('bands x rows must not exceed bins');
    this.sigs = new Uint32Array(capacity * params.bins);
    this.sizes = new Uint32Array(capacity);
    this.counts = new Uint32Array(capacity);
    this.long = new Uint8Array(capacity);
    this.ids = new Float64Array(capacity);
    this.uniqueOf = new Int32Array(capacity);
  }

  get size(): number {
    return this.items;
  }

  add(id: number, text: string): void {
    if (this.items === this.ids.length) {
      this.ids = grow(this.ids, this.ids.length * 2) as Float64Array;
      this.uniqueOf = grow(this.uniqueOf, this.uniqueOf.length * 2) as Int32Array;
    }
    const words = wordHashes(text);
    let unique = NO_UNIQUE;
    if (words.length >= this.params.minWords) {
      const key = exactKey(words);
      const known = this.byKey.get(key);
      if (known !== undefined) unique = known;
      else {
        unique = this.newUnique(shingles(words, this.params.shingleSize), words.length >= this.params.nearMinWords);
        this.byKey.set(key, unique);
      }
      this.counts[unique]++;
    }
    this.ids[this.items] = id;
    this.uniqueOf[this.items] = unique;
    this.items++;
  }

  private newUnique(shingleHashes: number[], long: boolean): number {
    const { bins, seed } = this.params;
    if (this.uniques === this.sizes.length) {
      const capacity = this.sizes.length * 2;
      this.sigs = grow(this.sigs, capacity * bins) as Uint32Array;
      this.sizes = grow(this.sizes, capacity) as Uint32Array;
      this.counts = grow(this.counts, capacity) as Uint32Array;
      this.long = grow(this.long, capacity) as Uint8Array;
    }
    const u = this.uniques++;
    this.long[u] = long ? 1 : 0;
    signatureInto(shingleHashes, bins, seed, this.sigs, u * bins);
    this.sizes[u] = shingleHashes.length;
    return u;
  }

  private similar(a: number, b: number): boolean {
    const { bins, jaccard, containment, containmentMinJaccard } = this.params;
    const j = estimateJaccard(this.sigs, a, b, bins);
    if (j >= jaccard) return true;
    if (j < containmentMinJaccard) return false;
    // |A n B| = J / (1 + J) x (|A| + |B|); containment is that over the smaller set.
    const sa = this.sizes[a];
    const sb = this.sizes[b];
    const intersection = (j / (1 + j)) * (sa + sb);
    return intersection / Math.min(sa, sb) >= containment;
  }

  /** Groups the responses added so far. `cancelled` is polled between bands; it throws to stop. */
  groups(progress?: DetectProgress, checkCancelled?: () => void): DetectedGroup[] {
    const { bins, bands, rows, seed, minGroupSize } = this.params;
    const n = this.uniques;
    const uf = new UnionFind(n);
    // Only texts long enough to be near-duplicates go through LSH; short ones group by exact key alone.
    const candidates: number[] = [];
    for (let u = 0; u < n; u++) if (this.long[u]) candidates.push(u);
    const m = candidates.length;
    const idBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
    const keyBits = Math.min(32, 53 - idBits);
    const packed = new Float64Array(m);
    for (let band = 0; band < bands; band++) {
      checkCancelled?.();
      progress?.('Comparing texts', band, bands);
      const bandSeed = fmix32(seed + band);
      for (let i = 0; i < m; i++) {
        const u = candidates[i];
        let h = bandSeed;
        const o = u * bins + band * rows;
        for (let r = 0; r < rows; r++) h = combine(h, this.sigs[o + r]);
        const key = keyBits >= 32 ? h : h >>> (32 - keyBits);
        packed[i] = key * 2 ** idBits + u;
      }
      packed.sort();
      const mask = 2 ** idBits;
      let start = 0;
      while (start < m) {
        const key = Math.floor(packed[start] / mask);
        let end = start + 1;
        while (end < m && Math.floor(packed[end] / mask) === key) end++;
        if (end - start > 1) this.joinRun(packed, start, end, mask, uf);
        start = end;
      }
    }
    progress?.('Comparing texts', bands, bands);

    // Components of unique texts, weighted by how many responses share each text.
    const members = new Map<number, number[]>();
    for (let u = 0; u < n; u++) {
      const root = uf.find(u);
      const list = members.get(root);
      if (list) list.push(u);
      else members.set(root, [u]);
    }
    const itemsOfUnique = this.itemsByUnique();
    const groups: DetectedGroup[] = [];
    const weight = (us: number[]) => us.reduce((sum, u) => sum + this.counts[u], 0);
    for (const component of members.values()) {
      // Links can chain texts that share little with each other; each group is instead the texts close to
      // its template, and what is left over is looked at again.
      let rest = component;
      while (weight(rest) >= minGroupSize) {
        const template = this.medoid(rest, itemsOfUnique);
        const close = rest.filter((u) => u === template || this.similar(u, template));
        if (weight(close) >= minGroupSize) groups.push(this.describe(close, itemsOfUnique));
        const taken = new Set(close);
        rest = rest.filter((u) => !taken.has(u));
      }
    }
    groups.sort((a, b) => b.members.length - a.members.length || a.templateId - b.templateId);
    return groups;
  }

  /** Every response added, taken as one group (after an analyst split one): its template and similarities. */
  asOneGroup(): DetectedGroup | null {
    if (this.uniques === 0) return null;
    const group = this.describe(
      Array.from({ length: this.uniques }, (_, u) => u),
      this.itemsByUnique(),
    );
    // Texts too short to compare still belong to the group the analyst made.
    for (let i = 0; i < this.items; i++) {
      if (this.uniqueOf[i] === NO_UNIQUE) group.members.push({ id: this.ids[i], similarity: 0, exact: false });
    }
    group.members.sort((a, b) => a.id - b.id);
    return group;
  }

  private describe(uniques: number[], itemsOfUnique: Map<number, number[]>): DetectedGroup {
    const { bins } = this.params;
    const template = this.medoid(uniques, itemsOfUnique);
    const members: DetectedMember[] = [];
    for (const u of uniques) {
      const similarity = u === template ? 1 : estimateJaccard(this.sigs, u, template, bins);
      for (const item of itemsOfUnique.get(u) ?? [])
        members.push({ id: this.ids[item], similarity, exact: u === template });
    }
    members.sort((a, b) => a.id - b.id);
    let templateId = Infinity;
    for (const item of itemsOfUnique.get(template) ?? []) templateId = Math.min(templateId, this.ids[item]);
    return { templateId, members, distinctTexts: uniques.length };
  }

  /** Within a run of texts sharing a band, compares each with a few leaders: linear even for huge runs. */
  private joinRun(packed: Float64Array, start: number, end: number, mask: number, uf: UnionFind): void {
    const leaders: number[] = [];
    for (let i = start; i < end; i++) {
      const u = packed[i] % mask;
      let joined = false;
      for (const l of leaders) {
        if (uf.find(l) === uf.find(u) || this.similar(l, u)) {
          uf.union(l, u);
          joined = true;
          break;
        }
      }
      if (!joined && leaders.length < MAX_LEADERS) leaders.push(u);
    }
  }

  private itemsByUnique(): Map<number, number[]> {
    const map = new Map<number, number[]>();
    for (let i = 0; i < this.items; i++) {
      const u = this.uniqueOf[i];
      if (u === NO_UNIQUE) continue;
      const list = map.get(u);
      if (list) list.push(i);
      else map.set(u, [i]);
    }
    return map;
  }

  /**
   * The member agreeing with the most positions of the group's majority signature (each text weighted by
   * its number of responses); ties go to the text sent most often, then to the earliest response.
   */
  private medoid(uniques: number[], itemsOfUnique: Map<number, number[]>): number {
    const { bins } = this.params;
    if (uniques.length === 1) return uniques[0];
    const mode = new Uint32Array(bins);
    // The majority of a large group is as clear from an even sample of it (every k-th text, so deterministic).
    const step = Math.max(1, Math.floor(uniques.length / MODE_SAMPLE));
    const sample = step === 1 ? uniques : uniques.filter((_, i) => i % step === 0);
    for (let b = 0; b < bins; b++) {
      const tally = new Map<number, number>();
      let best = 0;
      for (const u of sample) {
        const v = this.sigs[u * bins + b];
        const c = (tally.get(v) ?? 0) + this.counts[u];
        tally.set(v, c);
        if (c > best || (c === best && v < mode[b])) {
          best = c;
          mode[b] = v;
        }
      }
    }
    // Items are added in the caller's order (by id), so a text's first item is its earliest response.
    const firstId = (u: number): number => this.ids[(itemsOfUnique.get(u) ?? [0])[0]];
    let best = uniques[0];
    let bestScore = -1;
    for (const u of uniques) {
      let score = 0;
      for (let b = 0; b < bins; b++) if (this.sigs[u * bins + b] === mode[b]) score++;
      const better =
        score > bestScore ||
        (score === bestScore &&
          (this.counts[u] > this.counts[best] || (this.counts[u] === this.counts[best] && firstId(u) < firstId(best))));
      if (better) {
        best = u;
        bestScore = score;
      }
    }
    return best;
  }
}

function grow<T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}
