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

const NO_MATCHES: readonly never[] = Object.freeze([]);
/** Words known to start no phrase in a trie with a source, at most (each costs a map entry). */
const MAX_CACHED_MISSES = 200_000;
const NO_ITEMS: readonly never[] = Object.freeze([]);

/** Phrases waiting under a first word until that word is first looked up (words, value, add index, …). */
class Pending {
  constructor(readonly items: unknown[]) {}
}

export class PhraseTrie<T> {
  /**
   * First word → its node, or the phrases not yet placed under it. A first word's subtree is built
   * on its first lookup, so loading a large dictionary does not build nodes that no text ever
   * reaches; the trie that results is the same as with eager insertion.
   */
  private readonly first = new Map<string, TrieNode<T> | Pending>();
  /** Phrases added so far (a lazy source's phrases are not counted). */
  size = 0;
  /** Phrases listed by first word elsewhere, placed as if added when `addSource` was called. */
  private source: { readonly at: number; readonly phrases: (first: string) => Iterable<readonly [readonly string[], T]> } | undefined;
  /**
   * With a source, finding out that a word starts no phrase means asking the source (a binary
   * search and more) — for nearly every word of every text. Such words are remembered here instead.
   */
  private readonly misses = new Set<string>();

  add(words: readonly string[], value: T): void {
    if (words.length === 0) return;
    const w = words[0]!;
    this.misses.delete(w);
    const slot = this.first.get(w);
    if (slot instanceof Pending) slot.items.push(words, value, this.size);
    else if (slot) this.insert(slot, words, value);
    else this.first.set(w, new Pending([words, value, this.size]));
    this.size++;
  }

  /**
   * Phrases that another index lists by first word (one source per trie): their values go after the
   * phrases added before this call and before those added after it, as if added here.
   */
  addSource(phrases: (first: string) => Iterable<readonly [readonly string[], T]>): void {
    this.source = { at: this.size, phrases };
    this.misses.clear();
  }

  private insert(top: TrieNode<T>, words: readonly string[], value: T): void {
    let node = top;
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      node.next ??= new Map();
      let child = node.next.get(w);
      if (!child) {
        child = {};
        node.next.set(w, child);
      }
      node = child;
    }
    (node.values ??= []).push(value);
  }

  /** The node of a first word, building its subtree from pending phrases when needed. */
  private top(w: string): TrieNode<T> | undefined {
    const slot = this.first.get(w);
    if (slot !== undefined && !(slot instanceof Pending)) return slot;
    const src = this.source;
    if (slot === undefined && (src === undefined || this.misses.has(w))) return undefined;
    const items = slot ? slot.items : NO_ITEMS;
    const extra = src ? [...src.phrases(w)] : NO_ITEMS;
    if (items.length === 0 && extra.length === 0) {
      if (this.misses.size < MAX_CACHED_MISSES) this.misses.add(w);
      return undefined;
    }
    const node: TrieNode<T> = {};
    let i = 0;
    // Pending phrases in order: those added before the source, the source's, then the rest.
    for (; i < items.length && src && (items[i + 2] as number) < src.at; i += 3) this.insert(node, items[i] as readonly string[], items[i + 1] as T);
    for (const [words, value] of extra as readonly (readonly [readonly string[], T])[]) {
      if (words.length > 0 && words[0] === w) this.insert(node, words, value);
    }
    for (; i < items.length; i += 3) this.insert(node, items[i] as readonly string[], items[i + 1] as T);
    this.first.set(w, node);
    return node;
  }

  /**
   * Every match starting at `start`, longest first. `accept(i)` may stop a match from running
   * over word i (e.g. across punctuation). Most words start no phrase: that case allocates nothing.
   */
  matchesAt(keys: readonly string[], start: number, accept?: (i: number) => boolean): readonly TrieMatch<T>[] {
    if (start >= keys.length) return NO_MATCHES;
    let node = this.top(keys[start]!);
    if (node === undefined || (accept && !accept(start))) return NO_MATCHES;
    let out: TrieMatch<T>[] | undefined;
    let i = start;
    for (;;) {
      if (node.values) (out ??= []).push({ end: i + 1, values: node.values });
      i++;
      if (i >= keys.length || !node.next) break;
      if (accept && !accept(i)) break;
      node = node.next.get(keys[i]!);
      if (!node) break;
    }
    return out ? out.reverse() : NO_MATCHES;
  }

  /** Exact lookup of a whole phrase. */
  get(words: readonly string[]): readonly T[] | undefined {
    if (words.length === 0) return undefined;
    let node = this.top(words[0]!);
    for (let i = 1; i < words.length && node; i++) node = node.next?.get(words[i]!);
    return node?.values;
  }
}
