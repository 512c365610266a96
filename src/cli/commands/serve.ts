import { EXIT, type Command } from '../command.ts';

/** Placeholder until the command lands. */
export const serveCommand: Command = {
  name: 'serve',
  summary: '(not yet available)',
  usage: '',
  options: {},
  async run({ io }) {
    io.stderr.write('dateline serve: not yet available in this build\n');
    return EXIT.FATAL;
  },
};
