import type { StageStats } from './stage.js';

export type LogFields = Record<string, unknown>;

/**
 * Run logging: on a terminal a one-line progress bar with documents/s per stage; otherwise
 * JSON lines (one object per event, `event` naming it) that log collectors can parse.
 */
export interface Logger {
  event(event: string, fields?: LogFields): void;
  /** Called for every record a stage emits; implementations throttle. */
  progress(stats: readonly StageStats[], filesTotal: number): void;
  /** Final human summary (pretty) or `summary` event (json). */
  summary(lines: [string, string][], fields: LogFields): void;
  error(message: string): void;
}

const PROGRESS_INTERVAL_MS = { pretty: 150, json: 5000 };

export function createLogger(format: 'pretty' | 'json', quiet: boolean, stream: NodeJS.WriteStream = process.stderr): Logger {
  const started = performance.now();
  let lastProgress = 0;
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) stream.write('\r\u001b[2K');
    progressShown = false;
  };
  const writeJson = (event: string, fields: LogFields = {}) => stream.write(JSON.stringify({ time: new Date().toISOString(), event, ...fields }) + '\n');
  return {
    event(event, fields) {
      if (quiet) return;
      if (format === 'json') writeJson(event, fields);
    },
    progress(stats, filesTotal) {
      if (quiet) return;
      const now = performance.now();
      if (now - lastProgress < PROGRESS_INTERVAL_MS[format]) return;
      lastProgress = now;
      const elapsed = (now - started) / 1000;
      const ingest = stats.find((s) => s.name === 'ingest');
      const filesDone = ingest ? ingest.n_in : 0;
      if (format === 'json') {
        writeJson('progress', { elapsed_s: round(elapsed), files_done: filesDone, files_total: filesTotal, stages: stats.map((s) => ({ name: s.name, n_out: s.n_out })) });
        return;
      }
      const width = 24;
      const filled = filesTotal === 0 ? 0 : Math.round((filesDone / filesTotal) * width);
      const perStage = stats.filter((s) => !s.skipped).map((s) => `${s.name} ${s.n_out} (${Math.round(s.n_out / Math.max(elapsed, 1e-3))}/s)`).join(' · ');
      stream.write(`\r\u001b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${filesDone}/${filesTotal} files · ${perStage}`);
      progressShown = true;
    },
    summary(lines, fields) {
      if (quiet) return;
      if (format === 'json') {
        writeJson('summary', fields);
        return;
      }
      clearProgress();
      const width = Math.max(...lines.map(([label]) => label.length));
      for (const [label, value] of lines) stream.write(`${label.padEnd(width)}  ${value}\n`);
    },
    error(message) {
      if (format === 'json') writeJson('error', { message });
      else {
        clearProgress();
        stream.write(`error: ${message}\n`);
      }
    },
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
