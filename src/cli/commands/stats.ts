import { EXIT, type Command } from '../command.ts';

/** Placeholder until the command lands. */
export const statsCommand: Command = {
  name: 'stats',
  summary: '(not yet available)',
  usage: '',
  options: {},
  async run({ io }) {
    io.stderr.write('dateline stats: not yet available in this build\n');
    return EXIT.FATAL;
  },
};
