import { fileURLToPath } from 'node:url';
import { analyzeDocument } from '../../analyze.ts';
import { readInputs } from '../../ingest/index.ts';
import { EXIT, type Command } from '../command.ts';
import { formatPretty } from '../pretty.ts';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Analyze the bundled sample articles in examples/ and print a readable summary',
  usage: '[--limit N]',
  options: {
    limit: { type: 'string', value: 'N', description: 'summarize at most N documents in full (default 5)' },
  },
  async run({ values, io }) {
    const limit = Number(values.limit ?? 5);
    let n = 0;
    let failed = 0;
    const totals = { entities: 0, timexes: 0, quotes: 0, events: 0 };
    for await (const item of readInputs([EXAMPLES])) {
      if (!item.ok) {
        failed++;
        io.stderr.write(`dateline demo: ${item.error.code}: ${item.error.file ?? ''}: ${item.error.message}\n`);
        continue;
      }
      const doc = analyzeDocument(item.doc);
      n++;
      totals.entities += doc.entities.length;
      totals.timexes += doc.timexes.length;
      totals.quotes += doc.quotes.length;
      totals.events += doc.events.length;
      if (n <= limit) io.stdout.write(formatPretty(doc) + '\n\n');
    }
    io.stdout.write(
      `${n} sample articles analyzed: ${totals.entities} entities, ${totals.timexes} time expressions, ${totals.quotes} quotes, ${totals.events} events.\n`,
    );
    return failed > 0 ? EXIT.PARTIAL : EXIT.OK;
  },
};
