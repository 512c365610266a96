import { fileURLToPath } from 'node:url';
import { buildApp } from '../../api/app.ts';
import { DB_OPTION, dbUrl, shownUrl } from '../../store/cli-options.ts';
import { openStore } from '../../store/store.ts';
import { EXIT, UsageError, flag, intOption, str, type Command } from '../command.ts';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the web UI at / and the HTTP API under /api/ (127.0.0.1 unless --host)',
  usage: '[--db FILE] [--port P] [--host H] [--token T]',
  options: {
    db: DB_OPTION,
    port: { type: 'string', short: 'p', value: 'P', default: '8080', description: 'TCP port (0: any free port)' },
    host: { type: 'string', value: 'H', default: '127.0.0.1', description: 'address to bind; 0.0.0.0 exposes the server to the network' },
    token: { type: 'string', value: 'T', description: 'bearer token that allows POST /api/documents (default: $DATELINE_TOKEN; none: writes refused)' },
    log: { type: 'boolean', description: 'log every request on stderr' },
  },
  details: `Routes: GET /api/documents, /api/documents/:id, /api/events, /api/entities, /api/entities/:id,
/api/quotes, /api/search, /api/stats, /api/openapi.json; POST /api/documents (token required).

Examples:
  dateline serve --db corpus.db --port 8080
  curl 'http://127.0.0.1:8080/api/events?actor=IRQ&groupBy=week'
  DATELINE_TOKEN=s3cret dateline serve --db corpus.db
  curl -X POST -H 'Authorization: Bearer s3cret' -H 'Content-Type: application/json' \\
       -d '{"text":"PARIS (AP) — France recalled its ambassador on Tuesday."}' http://127.0.0.1:8080/api/documents`,
  async run({ values, io }) {
    const port = intOption(values, 'port', 8080)!;
    if (port > 65535) throw new UsageError('--port must be at most 65535');
    const host = str(values, 'host') ?? '127.0.0.1';
    const token = str(values, 'token') ?? io.env.DATELINE_TOKEN;
    const url = dbUrl(values, io);
    const store = await openStore(url);
    const app = await buildApp({ store, ...(token ? { token } : {}), staticDir: WEB_DIST, logger: flag(values, 'log') });
    const address = await app.listen({ port, host });
    io.stderr.write(`dateline serve: ${shownUrl(url)} on ${address} (API: ${address}/api/openapi.json; writes ${token ? 'need the bearer token' : 'disabled: no token'})\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await app.close();
    await store.close();
    return EXIT.OK;
  },
};
