import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/main.ts';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the CLI in-process with captured streams (much faster than spawning a process per test). */
export async function cli(args: string[], stdin = ''): Promise<CliResult> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c: Buffer) => (stdout += c.toString()));
  err.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await runCli(args, { stdout: out, stderr: err, stdin: Readable.from([Buffer.from(stdin)]), env: {} });
  return { code, stdout, stderr };
}
