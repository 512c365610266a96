/**
 * Unlabelled text for word clusters at training time (MEANTIME tokens, Wikinews CSV text).
 * Training only: reads the shared data folder, never used at run time.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

// A rough UD-like split; clusters only need consistent word types, not perfect tokens.
const TOKEN_RE = /[A-Za-z]+(?:[-'’.][A-Za-z]+)*\.?|\d+(?:[.,:]\d+)*|n't|'s|’s|\S/g;
const CLITIC_RE = /^(.+?)(n't|'s|’s|'re|'ve|'ll|'d|'m)$/i;

export function roughTokens(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(TOKEN_RE)) {
    const tok = m[0];
    if (tok.length > 2 && tok.endsWith('.') && !/^(?:[A-Z]\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Co|Corp|Ltd)\.$/.test(tok)) {
      out.push(tok.slice(0, -1), '.');
      continue;
    }
    const c = CLITIC_RE.exec(tok);
    if (c) {
      out.push(c[1]!, c[2]!);
      continue;
    }
    out.push(tok);
  }
  return out;
}

function walk(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Token lists (one per sentence or paragraph line) from MEANTIME and Wikinews. */
export function loadRawText(dataDir: string): string[][] {
  const out: string[][] = [];
  try {
    for (const file of walk(join(dataDir, 'meantime'), '.xml')) {
      const xml = readFileSync(file, 'utf8');
      let cur: string[] = [];
      let sent = '';
      for (const m of xml.matchAll(/<token [^>]*sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
        if (m[1] !== sent && cur.length) {
          out.push(cur);
          cur = [];
        }
        sent = m[1]!;
        cur.push(decodeXml(m[2]!));
      }
      if (cur.length) out.push(cur);
    }
  } catch {
    // Missing corpus: clusters just get less text.
  }
  try {
    for (const file of walk(join(dataDir, 'wikinews'), '.csv')) {
      const rows = parse(readFileSync(file, 'utf8'), { columns: true, relax_quotes: true }) as Record<string, string>[];
      for (const row of rows) {
        for (const line of `${row.title ?? ''}\n${row.text ?? ''}`.split('\n')) {
          const toks = roughTokens(line.trim());
          if (toks.length) out.push(toks);
        }
      }
    }
  } catch {
    // Same as above.
  }
  return out;
}
