/**
 * Creates a queued run: the registry synced into the catalog, a run row holding what its workers need, and one
 * crawl-host job per host of its seeds.
 */
import type { Catalog } from '../catalog/catalog.ts';
import type { SeedEntryRow } from '../catalog/seed-entries.ts';
import { LockedError } from '../errors.ts';
import type { SeedAgency } from '../registry/seeds-file.ts';
import { syncRegistry, syncRegistryFiles } from '../registry/sync.ts';
import type { PgWorkQueue } from './pg-queue.ts';
import type { QueuedRunArgs } from './queued-run.ts';

export interface EnqueueRequest {
  seeds: SeedAgency[] | { files: string[] };
  args: Omit<QueuedRunArgs, 'queued' | 'job' | 'entryIds'>;
}

export interface EnqueueResult {
  runId: number;
  jobs: number;
}

/**
 * One queued run at a time per catalog: a host has at most one crawl-host job queued (its singletonKey), so a
 * second run's job for a host the first still holds would be dropped. A plain `crawl` can run beside it.
 */
export async function enqueueRun(catalog: Catalog, queue: PgWorkQueue, req: EnqueueRequest): Promise<EnqueueResult> {
  const running = catalog.runs.runningQueued();
  if (running.length) {
    throw new LockedError(`queued run ${running[0]!.id} (started ${running[0]!.started_at}) is still running: its workers must finish it first (nianbao status)`);
  }
  const entries = Array.isArray(req.seeds) ? syncRegistry(catalog, req.seeds) : syncRegistryFiles(catalog, req.seeds.files).entries;
  const args: QueuedRunArgs = { ...req.args, queued: true, job: 'queued', entryIds: entries.map((e) => e.id) };
  const runId = catalog.runs.start(req.args.kind, args as unknown as Record<string, unknown>);
  const byHost = new Map<string, SeedEntryRow[]>();
  for (const e of entries) {
    const list = byHost.get(e.host);
    if (list) list.push(e);
    else byHost.set(e.host, [e]);
  }
  let jobs = 0;
  for (const [host, list] of byHost) {
    if (await queue.sendHost({ runId, host, entryIds: list.map((e) => e.id) }, req.args.leaseSeconds)) jobs += 1;
  }
  return { runId, jobs };
}
