import { parseArgs } from 'node:util';
import { COMMANDS } from './commands/index.ts';
import { EXIT, UsageError, type Command, type CommandIo, type ParsedValues } from './command.ts';
import { isDatelineError } from '../core/errors.ts';

const VERSION = '0.1.0';

function commandHelp(cmd: Command): string {
  const lines = [`Usage: dateline ${cmd.name} ${cmd.usage}`, '', cmd.summary, '', 'Options:'];
  const entries = Object.entries(cmd.options);
  for (const [name, spec] of entries) {
    const flagText = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
    const def = spec.default !== undefined && spec.default !== false ? ` (default: ${String(spec.default)})` : '';
    lines.push(`  ${flagText.padEnd(30)} ${spec.description}${def}`);
  }
  lines.push(`  ${'-h, --help'.padEnd(30)} show this help`);
  if (cmd.details) lines.push('', cmd.details.trim());
  lines.push('', 'Exit codes: 0 success; 1 some documents failed; 2 bad usage; 3 fatal error.');
  return lines.join('\n') + '\n';
}

function mainHelp(): string {
  const lines = [
    `dateline ${VERSION} — news articles into source-grounded event data`,
    '',
    'Usage: dateline COMMAND [options]',
    '',
    'Commands:',
  ];
  for (const cmd of COMMANDS) lines.push(`  ${cmd.name.padEnd(10)} ${cmd.summary}`);
  lines.push('', 'Run `dateline COMMAND --help` for the options of a command.');
  return lines.join('\n') + '\n';
}

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp());
    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.OK;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr.write(`dateline: unknown command "${name}"\n\n${mainHelp()}`);
    return EXIT.USAGE;
  }
  let parsed;
  try {
    const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean }> = {
      help: { type: 'boolean', short: 'h' },
    };
    for (const [k, spec] of Object.entries(cmd.options)) {
      options[k] = {
        type: spec.type,
        ...(spec.short ? { short: spec.short } : {}),
        ...(spec.multiple ? { multiple: true } : {}),
        ...(spec.default !== undefined ? { default: spec.default } : {}),
      };
    }
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr.write(`dateline ${name}: ${(e as Error).message}\n\n${commandHelp(cmd)}`);
    return EXIT.USAGE;
  }
  if (parsed.values.help === true) {
    io.stdout.write(commandHelp(cmd));
    return EXIT.OK;
  }
  try {
    return await cmd.run({ values: parsed.values as ParsedValues, positionals: parsed.positionals, io });
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`dateline ${name}: ${e.message}\n\n${commandHelp(cmd)}`);
      return EXIT.USAGE;
    }
    if (isDatelineError(e)) {
      io.stderr.write(`dateline ${name}: ${e.code}: ${e.message}\n`);
      return EXIT.FATAL;
    }
    io.stderr.write(`dateline ${name}: fatal: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.FATAL;
  }
}
