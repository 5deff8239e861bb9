/**
 * Progress of a long run. On a terminal: one status line on stderr, redrawn every second (pages, reports, files,
 * bytes, errors, hosts done/left). Elsewhere (cron, systemd, a pipe): one JSON line per run event on stderr, so logs
 * can be grepped and parsed. stdout keeps the final summary.
 *
 * JSON lines are written in batches (every FLUSH_MS, or at FLUSH_BYTES, and at the end): stderr to a pipe or a file
 * is written synchronously, and one write per event was 4 % of a full-speed crawl's CPU (profile, bench/README.md).
 * A killed run loses at most the last FLUSH_MS of lines; the events themselves are in the catalog (run_events).
 */
import type { RunEvent } from '../catalog/runs.ts';
import type { CrawlStats } from '../crawl/stats.ts';
import { humanBytes } from './common.ts';

const FLUSH_MS = 250;
const FLUSH_BYTES = 64 * 1024;

export type ProgressMode = 'auto' | 'tty' | 'json' | 'none';

export interface Progress {
  onEvent?: (e: RunEvent) => void;
  onTick?: (stats: CrawlStats, hosts: { done: number; active: number; total: number }) => void;
  end(): void;
}

export function progressFor(mode: ProgressMode, stream: NodeJS.WriteStream = process.stderr): Progress {
  const effective = mode === 'auto' ? (stream.isTTY ? 'tty' : 'json') : mode;
  if (effective === 'none') return { end() {} };
  if (effective === 'json') return jsonLines(stream);
  let drawn = false;
  return {
    onTick: (s, h) => {
      const line =
        `pages ${s.pages} · reports +${s.newReports} · files +${s.newFiles} (${humanBytes(s.bytesStored)}) · ` +
        `requests ${s.requests} · errors ${s.failed} · hosts ${h.done} done, ${h.active} active, ${h.total - h.done - h.active} left`;
      stream.write(`\r\x1b[2K${line}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}

/** One JSON line per event, written in batches (see FLUSH_MS). */
function jsonLines(stream: NodeJS.WriteStream): Progress {
  let pending = '';
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending) stream.write(pending);
    pending = '';
  };
  return {
    onEvent: (e) => {
      pending += `${JSON.stringify({ at: new Date().toISOString(), event: e.kind, host: e.host ?? undefined, url: e.url ?? undefined, detail: e.detail ?? undefined })}\n`;
      if (pending.length >= FLUSH_BYTES) flush();
      else timer ??= setTimeout(flush, FLUSH_MS).unref();
    },
    end: flush,
  };
}
