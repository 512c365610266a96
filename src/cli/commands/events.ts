import { EXIT, type Command } from '../command.ts';

/** Placeholder until the command lands. */
export const eventsCommand: Command = {
  name: 'events',
  summary: '(not yet available)',
  usage: '',
  options: {},
  async run({ io }) {
    io.stderr.write('dateline events: not yet available in this build\n');
    return EXIT.FATAL;
  },
};
