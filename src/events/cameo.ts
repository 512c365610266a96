/**
 * CAMEO code facts: root, quad class, Goldstein value and the PLOVER type and mode. The tables are
 * data files (`data/cameo/goldstein.tsv`, `data/plover/CAMEO2PLOVER-2021.txt`) read once.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from './paths.ts';

/** The two-digit cue category of a code: `0312` → `03`. */
export function rootOf(code: string): string {
  return code.slice(0, 2);
}

/** 1 verbal cooperation (01–05), 2 material cooperation (06–08), 3 verbal conflict (09–13), 4 material conflict (14–20). */
export function quadClassOf(code: string): number {
  const root = Number(rootOf(code));
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

export interface PloverType {
  readonly type: string;
  readonly mode?: string;
  readonly context?: string;
}

/** Parse a Goldstein table: `code<TAB>value` lines with a header. */
export function parseGoldstein(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const [code, value] = line.split('\t');
    if (!code || value === undefined || !/^\d+$/.test(code)) continue;
    const n = Number(value);
    if (Number.isFinite(n)) map.set(code, n);
  }
  return map;
}

/**
 * Parse the CAMEO→PLOVER table: `code: TYPE, mode, context # comment`. A code listed twice keeps its
 * first line (the file repeats a few codes under a second heading).
 */
export function parsePlover(text: string): Map<string, PloverType> {
  const map = new Map<string, PloverType>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.split('#')[0]!.trim();
    const m = /^(\d{2,4}):\s*(.*)$/.exec(line);
    if (!m) continue;
    const [type = '', mode = '', context = ''] = m[2]!.split(',').map((s) => s.trim());
    if (!/^[A-Z]+$/.test(type) || map.has(m[1]!)) continue;
    const entry: { type: string; mode?: string; context?: string } = { type };
    if (mode) entry.mode = mode;
    if (context) entry.context = context.split(';')[0]!.trim();
    map.set(m[1]!, entry);
  }
  return map;
}

/** Look a code up, falling back to ever shorter prefixes (`0312` → `031` → `03`). */
export function lookupByPrefix<T>(map: ReadonlyMap<string, T>, code: string): T | undefined {
  for (let n = code.length; n >= 2; n--) {
    const hit = map.get(code.slice(0, n));
    if (hit !== undefined) return hit;
  }
  // Roots are listed as `03` in one table and `030` in the other.
  return map.get(`${rootOf(code)}0`);
}

export interface CameoTables {
  readonly goldstein: ReadonlyMap<string, number>;
  readonly plover: ReadonlyMap<string, PloverType>;
}

let cached: CameoTables | null = null;

export function loadCameoTables(): CameoTables {
  if (!cached) {
    cached = {
      goldstein: parseGoldstein(readFileSync(dataPath('cameo/goldstein.tsv'), 'utf8')),
      plover: parsePlover(readFileSync(dataPath('plover/CAMEO2PLOVER-2021.txt'), 'utf8')),
    };
  }
  return cached;
}

export interface CodeFacts {
  readonly root: string;
  readonly quadClass: number;
  readonly goldstein: number;
  readonly plover?: string;
  readonly ploverMode?: string;
}

/** Everything derived from a CAMEO code. */
export function codeFacts(code: string, tables: CameoTables = loadCameoTables()): CodeFacts {
  const plover = lookupByPrefix(tables.plover, code);
  // The contract's `ploverMode` carries the mapping's mode, or its context when no mode is given
  // (`0312` → military), so that every coded event says what kind of action it is.
  const mode = plover?.mode ?? plover?.context;
  return {
    root: rootOf(code),
    quadClass: quadClassOf(code),
    goldstein: lookupByPrefix(tables.goldstein, code) ?? 0,
    ...(plover ? { plover: plover.type } : {}),
    ...(mode ? { ploverMode: mode } : {}),
  };
}
