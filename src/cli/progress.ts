/**
 * Progress of a long run. On a terminal: one status line on stderr, redrawn every second (pages, reports, files,
 * bytes, errors, hosts done/left). Elsewhere (cron, systemd, a pipe): one JSON line per run event on stderr, so logs
 * can be grepped and parsed. stdout keeps the final summary.
 */
import type { RunEvent } from '../catalog/runs.ts';
import type { CrawlStats } from '../crawl/stats.ts';
import { humanBytes } from './common.ts';

export type ProgressMode = 'auto' | 'tty' | 'json' | 'none';

export interface Progress {
  onEvent?: (e: RunEvent) => void;
  onTick?: (stats: CrawlStats, hosts: { done: number; active: number; total: number }) => void;
  end(): void;
}

export function progressFor(mode: ProgressMode, stream: NodeJS.WriteStream = process.stderr): Progress {
  const effective = mode === 'auto' ? (stream.isTTY ? 'tty' : 'json') : mode;
  if (effective === 'none') return { end() {} };
  if (effective === 'json') {
    return {
      onEvent: (e) => stream.write(`${JSON.stringify({ at: new Date().toISOString(), event: e.kind, host: e.host ?? undefined, url: e.url ?? undefined, detail: e.detail ?? undefined })}\n`),
      end() {},
    };
  }
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
