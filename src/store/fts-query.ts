/**
 * User search text → a safe FTS5 query. Users type words and "quoted phrases"; every term becomes a
 * quoted FTS5 string, so operators, column filters and stray quotes in the input cannot change the
 * query's meaning or make it fail. A trailing `*` keeps prefix search. Terms are ANDed.
 */
export function ftsQuery(input: string): string | undefined {
  const terms: string[] = [];
  const re = /"([^"]*)"|(\S+)/gu;
  for (const m of input.matchAll(re)) {
    if (m[1] !== undefined) {
      const words = m[1].match(/[\p{L}\p{N}]+/gu);
      if (words && words.length > 0) terms.push(`"${words.join(' ')}"`);
      continue;
    }
    const raw = m[2]!;
    const prefix = raw.endsWith('*');
    const words = raw.match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    const phrase = `"${words.join(' ')}"`;
    terms.push(prefix && words.length === 1 ? `${phrase}*` : phrase);
  }
  return terms.length > 0 ? terms.join(' ') : undefined;
}
