/**
 * Counts by respondent type and by place from one grouped query: each row counts one key (a theme, an
 * answer) for one type group and one place group. Every respondent is in exactly one group of each, so the
 * counts by type, by place and in total are sums of the same rows.
 */
export interface CrossRow {
  key: string;
  typeGroup: string;
  placeGroup: string;
  n: number;
}

export class CrossCounts {
  private readonly counts = new Map<string, number>();

  constructor(rows: CrossRow[]) {
    for (const r of rows) {
      for (const k of [`${r.key}\t\t`, `${r.key}\ttype\t${r.typeGroup}`, `${r.key}\tplace\t${r.placeGroup}`]) {
        this.counts.set(k, (this.counts.get(k) ?? 0) + r.n);
      }
    }
  }

  total(key: string): number {
    return this.counts.get(`${key}\t\t`) ?? 0;
  }

  byType(key: string, group: string): number {
    return this.counts.get(`${key}\ttype\t${group}`) ?? 0;
  }

  byPlace(key: string, group: string): number {
    return this.counts.get(`${key}\tplace\t${group}`) ?? 0;
  }

  /** The keys seen, in no particular order. */
  keys(): string[] {
    return [...this.counts.keys()].filter((k) => k.endsWith('\t\t')).map((k) => k.slice(0, -2));
  }
}
