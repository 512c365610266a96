import type { Command } from '../command.ts';
import { analyzeCommand } from './analyze.ts';
import { demoCommand } from './demo.ts';
import { parseCommand } from './parse.ts';
import { ingestCommand } from './ingest.ts';
import { eventsCommand } from './events.ts';
import { quotesCommand } from './quotes.ts';
import { entitiesCommand } from './entities.ts';
import { searchCommand } from './search.ts';
import { statsCommand } from './stats.ts';
import { exportCommand } from './export.ts';
import { serveCommand } from './serve.ts';

/** Every CLI command, in the order `dateline --help` lists them. */
export const COMMANDS: readonly Command[] = [
  analyzeCommand,
  parseCommand,
  ingestCommand,
  eventsCommand,
  quotesCommand,
  entitiesCommand,
  searchCommand,
  statsCommand,
  exportCommand,
  serveCommand,
  demoCommand,
];
