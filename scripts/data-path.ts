import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

/** Repository root. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * The shared training/evaluation data (read-only, never in the repository): `$DATELINE_DATA`, else
 * `../shared/data` beside the repository.
 */
export const DATA_DIR = process.env.DATELINE_DATA ?? resolve(REPO_ROOT, '../shared/data');

export function dataPath(...parts: string[]): string {
  const p = join(DATA_DIR, ...parts);
  if (!existsSync(p)) {
    process.stderr.write(`missing data: ${p}\nSet DATELINE_DATA to the folder with ud-ewt/, gum/, meantime/, wikinews/, plover/, cameo/.\n`);
    process.exit(3);
  }
  return p;
}

/** The shared folder with `data/`, `examples/` and `docs/`: the parent of DATA_DIR. */
export const SHARED_DIR = process.env.DATELINE_SHARED ?? resolve(DATA_DIR, '..');
