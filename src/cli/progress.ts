import cliProgress from 'cli-progress';
import type { CommandIo } from './command.ts';

export interface Progress {
  tick(done: number, total?: number): void;
  /** Print a line on stderr without breaking the bar. */
  log(line: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr, shown only on a terminal (or when forced) and only once more than a
 * handful of documents have been processed, so single-file runs and pipes stay quiet.
 */
export function createProgress(io: CommandIo, force = false, threshold = 5): Progress {
  const enabled = force || io.stderr.isTTY === true;
  let bar: cliProgress.SingleBar | undefined;
  let startedAt = 0;
    return {
    tick(done, total) {
      if (!enabled || done <= threshold) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            stream: io.stderr as NodeJS.WriteStream,
            format: total ? '{bar} {value}/{total} docs | {rate} docs/s | ETA {eta_formatted}' : '{value} docs | {rate} docs/s | {duration_formatted}',
            hideCursor: true,
            etaBuffer: 50,
            fps: 5,
            noTTYOutput: force,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total ?? 0, done, { rate: '0' });
        startedAt = performance.now();
      }
      const secs = (performance.now() - startedAt) / 1000;
      if (total !== undefined) bar.setTotal(total);
      bar.update(done, { rate: secs > 0 ? (done / secs).toFixed(1) : '0' });
    },
    log(line) {
      if (bar) {
        io.stderr.write('\n');
      }
      io.stderr.write(line);
    },
    stop() {
      bar?.stop();
    },
  };
}
