import { EXIT, type Command } from '../command.ts';

/** Placeholder until the command lands. */
export const entitiesCommand: Command = {
  name: 'entities',
  summary: '(not yet available)',
  usage: '',
  options: {},
  async run({ io }) {
    io.stderr.write('dateline entities: not yet available in this build\n');
    return EXIT.FATAL;
  },
};
