/** `status`'s view of queued runs: their jobs by state, from the work queue while they run. */
import type { RunRow } from '../catalog/runs.ts';
import type { JobCounts } from '../queue/pg-queue.ts';

export interface JobsOfRun {
  counts?: JobCounts;
  /** Why no counts are shown. */
  note?: string;
}

export async function queuedRunJobs(runs: RunRow[], queueUrl: string | undefined): Promise<Map<number, JobsOfRun>> {
  const out = new Map<number, JobsOfRun>();
  const live: number[] = [];
  for (const r of runs) {
    const args = JSON.parse(r.args) as { queued?: boolean };
    if (args.queued !== true) continue;
    const ended = (JSON.parse(r.counts || '{}') as { jobs?: JobCounts }).jobs;
    if (r.status !== 'running' && ended) out.set(r.id, { counts: ended });
    else if (r.status === 'running') live.push(r.id);
  }
  if (!live.length) return out;
  if (!queueUrl) {
    for (const id of live) out.set(id, { note: 'queued run: --queue shows its jobs' });
    return out;
  }
  // Loaded only here: pg-boss and its PostgreSQL client are no cost to a status without queued runs.
  const { PgWorkQueue } = await import('../queue/pg-queue.ts');
  const queue = await PgWorkQueue.open(queueUrl);
  try {
    for (const [id, counts] of await queue.counts(live)) out.set(id, { counts });
  } finally {
    await queue.close();
  }
  return out;
}
