/** Small look-around helpers the builders use to reject matches by their context. */

const WORD_BEFORE = /([\p{L}\p{N}’'.-]+)[\s,]*$/u;
const WORD_AFTER = /^[\s,]*([\p{L}\p{N}’'-]+)/u;

/** The word right before `pos` (skipping spaces and commas), or ''. */
export function wordBefore(text: string, pos: number, window = 24): string {
  const m = WORD_BEFORE.exec(text.slice(Math.max(0, pos - window), pos));
  return m ? m[1]! : '';
}

/** The word right after `pos` (skipping spaces and commas), or ''. */
export function wordAfter(text: string, pos: number, window = 24): string {
  const m = WORD_AFTER.exec(text.slice(pos, pos + window));
  return m ? m[1]! : '';
}

/** The word right after `pos` when only spaces separate them (no punctuation), or ''. */
export function adjacentWordAfter(text: string, pos: number): string {
  const m = /^ +([\p{L}\p{N}’'-]+)/u.exec(text.slice(pos, pos + 24));
  return m ? m[1]! : '';
}

export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
