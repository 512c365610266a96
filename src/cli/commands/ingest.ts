import { EXIT, type Command } from '../command.ts';

/** Placeholder until the command lands. */
export const ingestCommand: Command = {
  name: 'ingest',
  summary: '(not yet available)',
  usage: '',
  options: {},
  async run({ io }) {
    io.stderr.write('dateline ingest: not yet available in this build\n');
    return EXIT.FATAL;
  },
};
