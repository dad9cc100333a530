/** A read-only set of words: all compound splitting asks of one. */
export interface WordSet {
  has(word: string): boolean;
}

/** A {@link PackedWords} as plain data, as it crosses between threads. */
export interface Packed {
  readonly text: string;
  readonly starts: Uint32Array<ArrayBuffer>;
}

/**
 * A word set kept as one sorted string and its offsets, looked up by binary search. The Swedish
 * dictionary's ~300,000 forms as separate strings in `Set`s took ~30 MB of heap; packed they take
 * ~3 MB (bench/RESULTS.md, start-up).
 */
export class PackedWords implements WordSet {
  private constructor(
    private readonly text: string,
    /** Where word i starts in `text`; one more entry marks the end of the last word. */
    private readonly starts: Uint32Array<ArrayBuffer>,
  ) {}

  static of(words: Iterable<string>): PackedWords {
    // Sorted by UTF-16 code units, the order `compare` searches in.
    const sorted = [...new Set(words)].sort();
    const starts = new Uint32Array(sorted.length + 1);
    let at = 0;
    sorted.forEach((word, i) => {
      starts[i] = at;
      at += word.length;
    });
    starts[sorted.length] = at;
    return new PackedWords(sorted.join(''), starts);
  }

  /** The packed form, to pass between threads. */
  get packed(): Packed {
    return { text: this.text, starts: this.starts };
  }

  static fromPacked({ text, starts }: Packed): PackedWords {
    return new PackedWords(text, starts);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  has(word: string): boolean {
    let low = 0;
    let high = this.starts.length - 2;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const order = this.compare(word, mid);
      if (order === 0) return true;
      if (order < 0) high = mid - 1;
      else low = mid + 1;
    }
    return false;
  }

  /** `word` against entry `i`, in code units, without building the entry's string. */
  private compare(word: string, i: number): number {
    const start = this.starts[i] ?? 0;
    const length = (this.starts[i + 1] ?? 0) - start;
    const common = Math.min(word.length, length);
    for (let k = 0; k < common; k++) {
      const d = word.charCodeAt(k) - this.text.charCodeAt(start + k);
      if (d !== 0) return d;
    }
    return word.length - length;
  }
}
