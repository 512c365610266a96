/** A word-sequence trie for longest-match dictionary lookup. Keys are upper-case words. */
interface TrieNode<T> {
  next?: Map<string, TrieNode<T>>;
  values?: T[];
}

export interface TrieMatch<T> {
  /** Index one past the last matched word. */
  readonly end: number;
  readonly values: readonly T[];
}

export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = {};
  size = 0;

  add(words: readonly string[], value: T): void {
    if (words.length === 0) return;
    let node = this.root;
    for (const w of words) {
      node.next ??= new Map();
      let child = node.next.get(w);
      if (!child) {
        child = {};
        node.next.set(w, child);
      }
      node = child;
    }
    (node.values ??= []).push(value);
    this.size++;
  }

  /**
   * Every match starting at `start`, longest first. `accept(i)` may stop a match from running
   * over word i (e.g. across punctuation).
   */
  matchesAt(keys: readonly string[], start: number, accept?: (i: number) => boolean): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = [];
    let node: TrieNode<T> | undefined = this.root;
    for (let i = start; i < keys.length && node?.next; i++) {
      if (accept && !accept(i)) break;
      node = node.next.get(keys[i]!);
      if (!node) break;
      if (node.values) out.push({ end: i + 1, values: node.values });
    }
    return out.reverse();
  }

  /** Exact lookup of a whole phrase. */
  get(words: readonly string[]): readonly T[] | undefined {
    let node: TrieNode<T> | undefined = this.root;
    for (const w of words) {
      node = node.next?.get(w);
      if (!node) return undefined;
    }
    return node.values;
  }
}
