/**
 * Commands as data: each command declares its options and a `run` that returns an exit code.
 * Exit codes (every command): 0 all succeeded; 1 ran but some documents failed; 2 bad usage; 3+ fatal.
 */

export type OptionType = 'string' | 'boolean';

export interface OptionSpec {
  readonly type: OptionType;
  readonly short?: string;
  readonly multiple?: boolean;
  readonly default?: string | boolean;
  readonly description: string;
  /** Placeholder shown in help, e.g. `FILE`. */
  readonly value?: string;
}

export interface CommandIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export type ParsedValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Usage line after `dateline NAME`, e.g. `FILE... [--format json]`. */
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Extra help text: examples, notes. */
  readonly details?: string;
  run(args: { values: ParsedValues; positionals: readonly string[]; io: CommandIo }): Promise<number>;
}

export const EXIT = { OK: 0, PARTIAL: 1, USAGE: 2, FATAL: 3 } as const;

/** Thrown by a command for bad usage; main prints it with the command's help and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function str(values: ParsedValues, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
}

export function strs(values: ParsedValues, key: string): string[] {
  const v = values[key];
  if (Array.isArray(v)) return v;
  return typeof v === 'string' ? [v] : [];
}

export function flag(values: ParsedValues, key: string): boolean {
  return values[key] === true;
}

/** Parse a non-negative integer option or throw a UsageError. */
export function intOption(values: ParsedValues, key: string, fallback?: number): number | undefined {
  const v = str(values, key);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${key} must be a non-negative integer, got "${v}"`);
  return Number(v);
}
