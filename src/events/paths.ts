import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository's `data/` folder, found from this file so it works from any working directory. */
const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export function dataPath(relative: string): string {
  return join(DATA_DIR, relative);
}
