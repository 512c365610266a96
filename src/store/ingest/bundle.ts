/**
 * The analysis worker as one pre-built JavaScript module. Loading the worker through tsx compiles
 * ~100 TypeScript modules in every worker thread (≈0.9 s CPU each, plus a loader thread per worker);
 * a bundle built once with esbuild (the compiler tsx itself uses, so the code is the same) loads in a
 * fraction of that. The bundle lives in `node_modules/.cache/dateline/` beside a manifest of its
 * source files (size and mtime) and is rebuilt when any of them changes. Anything going wrong here
 * only means the workers fall back to tsx.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const ENTRY = fileURLToPath(new URL('./worker.ts', import.meta.url));
const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'dateline');
const BUNDLE = join(CACHE_DIR, 'ingest-worker.mjs');
const MANIFEST = join(CACHE_DIR, 'ingest-worker.json');

interface Manifest {
  readonly esbuild: string;
  /** Absolute path → `size:mtimeMs` of every bundled source file. */
  readonly inputs: Readonly<Record<string, string>>;
}

function fingerprint(path: string): string | undefined {
  try {
    const st = statSync(path);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}

function upToDate(version: string): boolean {
  try {
    const m = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
    if (m.esbuild !== version || fingerprint(BUNDLE) === undefined) return false;
    const inputs = Object.entries(m.inputs);
    return inputs.length > 0 && inputs.every(([path, fp]) => fingerprint(path) === fp);
  } catch {
    return false;
  }
}

let pending: Promise<URL | undefined> | undefined;

/** The worker bundle's URL (built or rebuilt when needed), or undefined to use tsx instead. */
export function workerBundle(): Promise<URL | undefined> {
  if (process.env.DATELINE_WORKER_BUNDLE === '0') return Promise.resolve(undefined);
  pending ??= buildBundle().catch(() => undefined);
  return pending;
}

async function buildBundle(): Promise<URL | undefined> {
  const esbuild = await import('esbuild');
  if (upToDate(esbuild.version)) return pathToFileURL(BUNDLE);
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  const started = Date.now();
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages stay imports, resolved from node_modules beside the cache directory as from src/.
    packages: 'external',
    outfile: tmp,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'keep-module-urls',
        setup(build) {
          // Modules find their models and data relative to their own file: each keeps its own URL.
          build.onLoad({ filter: /\.ts$/ }, async (args) => {
            const source = await readFile(args.path, 'utf8');
            return {
              contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
              loader: 'ts',
            };
          });
        },
      },
    ],
  });
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = resolve(REPO_ROOT, input);
    const fp = fingerprint(path);
    // A file edited while esbuild read it may be in the bundle in either version: use tsx this time.
    if (fp === undefined || statSync(path).mtimeMs >= started - 2000) return undefined;
    inputs[path] = fp;
  }
  // Rename is atomic: a concurrent ingest sees the old bundle or the new one, never half of one.
  renameSync(tmp, BUNDLE);
  const manifest: Manifest = { esbuild: esbuild.version, inputs };
  writeFileSync(`${MANIFEST}.${process.pid}.tmp`, JSON.stringify(manifest));
  renameSync(`${MANIFEST}.${process.pid}.tmp`, MANIFEST);
  return pathToFileURL(BUNDLE);
}
