/**
 * How well predicted campaign groups match the true families, by B-cubed precision and recall (Bagga and
 * Baldwin 1998): for each response, the share of its predicted group that is truly its family (precision)
 * and the share of its family found in its predicted group (recall). Responses outside every group count as
 * groups of one, so an individual response wrongly grouped lowers precision and a missed member lowers
 * recall.
 */
export interface GroupingScore {
  precision: number;
  recall: number;
  f1: number;
  /** Responses the averages were taken over. */
  grouped: number;
  members: number;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/**
 * `truth[i]` is response i's family (null for individual responses), `predicted[i]` its predicted group
 * (null when not grouped). Recall is averaged over members of families with `include(i)` true (e.g. one edit
 * size), precision over every grouped response.
 */
export function bcubed(
  truth: readonly (number | null)[],
  predicted: readonly (number | null)[],
  include: (i: number) => boolean = () => true,
): GroupingScore {
  const key = (kind: string, v: number | null, i: number): string =>
    v === null ? `${kind}:self:${i}` : `${kind}:${v}`;
  const sizes = new Map<string, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < truth.length; i++) {
    const t = key('t', truth[i], i);
    const p = key('p', predicted[i], i);
    sizes.set(t, (sizes.get(t) ?? 0) + 1);
    sizes.set(p, (sizes.get(p) ?? 0) + 1);
    both.set(`${t}|${p}`, (both.get(`${t}|${p}`) ?? 0) + 1);
  }
  let precision = 0;
  let grouped = 0;
  let recall = 0;
  let members = 0;
  for (let i = 0; i < truth.length; i++) {
    const t = key('t', truth[i], i);
    const p = key('p', predicted[i], i);
    const overlap = both.get(`${t}|${p}`) ?? 0;
    if (predicted[i] !== null) {
      precision += overlap / (sizes.get(p) ?? 1);
      grouped++;
    }
    if (truth[i] !== null && include(i)) {
      recall += overlap / (sizes.get(t) ?? 1);
      members++;
    }
  }
  const p = grouped ? precision / grouped : 1;
  const r = members ? recall / members : 1;
  return { precision: round(p), recall: round(r), f1: round(p + r ? (2 * p * r) / (p + r) : 0), grouped, members };
}
