import { EXIT, type Command } from '../command.ts';

/** Placeholder until the command lands. */
export const searchCommand: Command = {
  name: 'search',
  summary: '(not yet available)',
  usage: '',
  options: {},
  async run({ io }) {
    io.stderr.write('dateline search: not yet available in this build\n');
    return EXIT.FATAL;
  },
};
