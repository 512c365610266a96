import { EXIT, type Command } from '../command.ts';

/** Placeholder until the command lands. */
export const exportCommand: Command = {
  name: 'export',
  summary: '(not yet available)',
  usage: '',
  options: {},
  async run({ io }) {
    io.stderr.write('dateline export: not yet available in this build\n');
    return EXIT.FATAL;
  },
};
