/**
 * How a queued run ends. After each crawl-host job it completes, and now and then when idle (a worker killed
 * between completing a job and this check leaves the work to the others), a worker asks of the run:
 * 1. Is a crawl-host job of it still queued or active? Then it goes on.
 * 2. Do requests wait in its frontier for a host with no job (pages of one host queued pages of another: they were
 *    written to that host's persisted queue)? Then a job is queued for each such host, and it goes on.
 * 3. Else it ends, once (the catalog's run row changes from running only once): status `partial` when a URL failed, a
 *    host was down or a job failed for good, else `ok`; its counts are the sum its host jobs added, plus its host jobs by
 *    state; its frontier is dropped; and every file still waiting for extraction gets an extract job (a worker
 *    killed after storing a file, before queueing its job, loses nothing). Seed health was recorded by each host job.
 * Extract jobs do not hold a run open: `status` counts them among a running run's jobs; once it has ended, its row
 * keeps its host jobs and the catalog's extraction counts show what still waits.
 *
 * Two workers checking at once may both queue a follow-up job for one host: `stately` keeps one queued; if the
 * first was already taken, the second waits queued, and while it waits pg-boss's fetch of crawl-host jobs (oldest
 * first, refused by the one-active-per-key index) answers nothing to anyone until the first ends. Follow-up jobs are
 * short (the few requests other hosts' pages queued), so this is a pause, not a stall.
 * A killed job's counts up to its kill are not in the run's counts (its events are, in run_events).
 */
import type { Catalog } from '../catalog/catalog.ts';
import type { RunStatus } from '../catalog/runs.ts';
import { CRAWL_HOST, type PgWorkQueue } from './pg-queue.ts';
import { frontierJob, type QueuedRunArgs } from './queued-run.ts';

const BROWSER_SUFFIX = '--browser';

export type RunEnd = { ended: false } | { ended: true; status: RunStatus };

export async function settleRun(catalog: Catalog, queue: PgWorkQueue, runId: number): Promise<RunEnd> {
  if ((await queue.openHostJobs(runId)) > 0) return { ended: false };
  const row = catalog.runs.get(runId);
  if (!row || row.status !== 'running') return { ended: false };
  const lease = (JSON.parse(row.args) as QueuedRunArgs).leaseSeconds;
  const job = frontierJob(runId);
  const waiting = [...new Set(catalog.frontier.pendingQueues(job).map((k) => (k.endsWith(BROWSER_SUFFIX) ? k.slice(0, -BROWSER_SUFFIX.length) : k)))];
  if (waiting.length) {
    const busy = await queue.busyHosts(waiting);
    for (const host of waiting) if (!busy.has(host)) await queue.sendHost({ runId, host, entryIds: [] }, lease);
    return { ended: false };
  }
  const counts = JSON.parse(row.counts || '{}') as { failed?: number; hostsDown?: number };
  // Its host jobs, all ended now (extract jobs go on after the run: status shows them while they run).
  const jobs = (await queue.counts([runId], [CRAWL_HOST])).get(runId)!;
  const status: RunStatus = (counts.failed ?? 0) > 0 || (counts.hostsDown ?? 0) > 0 || jobs.failed > 0 ? 'partial' : 'ok';
  if (!catalog.runs.finishOnce(runId, status, { jobs })) return { ended: false };
  catalog.frontier.drop(job);
  for (const f of catalog.extractions.due()) await queue.sendExtract({ runId, sha256: f.sha256 }, lease);
  return { ended: true, status };
}
