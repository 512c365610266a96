import { EXIT, type Command } from '../command.ts';

/** Placeholder until the command lands. */
export const quotesCommand: Command = {
  name: 'quotes',
  summary: '(not yet available)',
  usage: '',
  options: {},
  async run({ io }) {
    io.stderr.write('dateline quotes: not yet available in this build\n');
    return EXIT.FATAL;
  },
};
