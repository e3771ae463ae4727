/** A growable Int32Array: token streams of a million responses without a million small arrays. */
export class IntBuffer {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      // Growing by half (not double) keeps the brief old+new peak lower for the largest streams.
      const bigger = new Int32Array(Math.ceil(this.data.length * 1.5) + 16);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** Empties it, keeping its storage. */
  clear(): void {
    this.length = 0;
  }

  get(i: number): number {
    return this.data[i];
  }

  /** The filled part (a view, not a copy). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
