/**
 * A hash table from pairs of small non-negative integers to dense ids (0, 1, 2...), in typed arrays: the
 * bigrams of a million responses without a million boxed keys in a Map.
 */
export class PairIds {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Int32Array;
  private mask: number;
  /** Id -> first and second element, in id order. */
  readonly first: number[] = [];
  readonly second: number[] = [];

  constructor(capacity = 1 << 16) {
    this.keysA = new Int32Array(capacity).fill(-1);
    this.keysB = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.first.length;
  }

  private slot(a: number, b: number): number {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
    h ^= h >>> 15;
    let i = h & this.mask;
    while (this.keysA[i] !== -1 && (this.keysA[i] !== a || this.keysB[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  /** The id of (a, b), new if unseen. */
  id(a: number, b: number): number {
    let i = this.slot(a, b);
    if (this.keysA[i] === -1) {
      if ((this.first.length + 1) * 2 > this.keysA.length) {
        this.grow();
        i = this.slot(a, b);
      }
      this.keysA[i] = a;
      this.keysB[i] = b;
      this.values[i] = this.first.length;
      this.first.push(a);
      this.second.push(b);
    }
    return this.values[i];
  }

  private grow(): void {
    const capacity = this.keysA.length * 2;
    this.keysA = new Int32Array(capacity).fill(-1);
    this.keysB = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let id = 0; id < this.first.length; id++) {
      const i = this.slot(this.first[id], this.second[id]);
      this.keysA[i] = this.first[id];
      this.keysB[i] = this.second[id];
      this.values[i] = id;
    }
  }
}
