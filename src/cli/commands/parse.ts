import { EXIT, type Command } from '../command.ts';

/** Placeholder until the command lands. */
export const parseCommand: Command = {
  name: 'parse',
  summary: '(not yet available)',
  usage: '',
  options: {},
  async run({ io }) {
    io.stderr.write('dateline parse: not yet available in this build\n');
    return EXIT.FATAL;
  },
};
