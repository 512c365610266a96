import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { EXIT, str, type Command } from '../command.ts';
import { ingestCommand } from './ingest.ts';
import { serveCommand } from './serve.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');
const WEB = join(ROOT, 'src', 'web');

/** Build the web UI bundle when it is missing (a fresh clone), with the Vite config beside it. */
export async function ensureWebBuild(log: (s: string) => void): Promise<void> {
  if (existsSync(join(WEB, 'dist', 'index.html'))) return;
  log('dateline demo: building the web UI (once)…\n');
  const vite = await import('vite');
  await vite.build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'The Quick-start job: ingest the bundled sample articles into the embedded store and serve the UI',
  usage: '[--db FILE] [--port P] [--no-serve]',
  options: {
    db: { type: 'string', value: 'FILE', default: '.dateline/demo.db', description: 'SQLite store to fill' },
    port: { type: 'string', short: 'p', value: 'P', default: '8717', description: 'TCP port of the UI and API' },
    'no-serve': { type: 'boolean', description: 'only ingest and print the summary' },
  },
  details: `Ingests examples/ (the reference dpa article and 40 Wikinews articles; a re-run skips what is
stored and re-analyses what an older pipeline stored), prints the store's summary, then serves the web UI and API on http://127.0.0.1:PORT/.`,
  async run({ values, io }) {
    const db = str(values, 'db') ?? '.dateline/demo.db';
    mkdirSync(join(db, '..'), { recursive: true });
    // After an update of dateline the demo store holds analyses of an older pipeline: bring them up to date.
    const ingested = await ingestCommand.run({ values: { db, reanalyze: 'stale' }, positionals: [EXAMPLES], io });
    if (ingested >= EXIT.USAGE) return ingested;
    if (values['no-serve'] === true) return ingested;
    await ensureWebBuild((s) => io.stderr.write(s));
    const port = str(values, 'port') ?? '8717';
    io.stdout.write(`\ndateline UI: http://127.0.0.1:${port}/   (Ctrl-C to stop)\n`);
    return serveCommand.run({ values: { db, port, host: '127.0.0.1' }, positionals: [], io });
  },
};
