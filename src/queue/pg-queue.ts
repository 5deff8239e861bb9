/**
 * The work queue of queued runs, in PostgreSQL through pg-boss 10 (pinned exactly: the lease renewal and the
 * progress counts below read pg-boss's own `job` and `archive` tables, whose columns are its 10.x schema).
 *
 * Two queues, both with pg-boss's `stately` policy and a singletonKey: at most one job per key queued and one active,
 * cluster-wide.
 * - `crawl-host`: one job per host of a run (singletonKey = the host): one worker crawls a host at a time, so its
 *   politeness (delay, requests in flight) lives in that worker's process as in a plain crawl.
 * - `extract`: one job per new file (singletonKey = its sha256): each file extracted once.
 *
 * Leases: pg-boss 10 has no heartbeat. A job is active until `expireInSeconds` after it started; then pg-boss's
 * maintenance (every MAINTENANCE_SECONDS, on any worker) fails it and, retries left, queues it again for any worker:
 * that is the takeover of a killed worker's job. A live worker keeps its job by renewing the lease every third of it
 * (lease-keeper.ts: expire_in pushed to now + lease, only while the row is still the activation it fetched), and
 * runs jobs through fetch/complete/fail itself: pg-boss's `work()` would also fail a job locally once its first
 * expiry passed.
 */
import PgBoss from 'pg-boss';
import { QueueError, UsageError } from '../errors.ts';
import { LeaseKeeper, type LeaseEvents } from './lease-keeper.ts';

export const CRAWL_HOST = 'crawl-host';
export const EXTRACT = 'extract';
export type QueueName = typeof CRAWL_HOST | typeof EXTRACT;

/** How often expired leases are looked for (pg-boss maintenance), at most once per interval cluster-wide. */
export const MAINTENANCE_SECONDS = 5;
/** Default lease of a job: how long a killed worker's job waits before another worker takes it over. */
export const DEFAULT_LEASE_SECONDS = 120;
/** Takeovers (and give-backs) a crawl-host job survives before it counts as failed. */
const CRAWL_RETRIES = 20;
const EXTRACT_RETRIES = 3;

export interface HostJobData {
  runId: number;
  host: string;
  /** The host's seed entries in the run; none for a job that only makes requests other hosts' pages queued here. */
  entryIds: number[];
}

export interface ExtractJobData {
  runId: number;
  sha256: string;
}

/** A job this worker holds: its id and the activation it fetched (retry_count), which the lease renewal checks. */
export interface HeldJob<T> {
  name: QueueName;
  id: string;
  data: T;
  activation: number;
  /** The job's lease, set when it was queued (the run's). */
  leaseSeconds: number;
}

/** A run's jobs by state, both queues together. */
export interface JobCounts {
  queued: number;
  active: number;
  done: number;
  failed: number;
}

export class PgWorkQueue {
  private keeper: LeaseKeeper | null = null;

  private constructor(
    private readonly boss: PgBoss,
    private readonly url: string,
    readonly leaseSeconds: number,
  ) {}

  /**
   * Connects (creating pg-boss's schema and the two queues when missing). `supervise`: run maintenance (expiring
   * leases) from this process, as workers do.
   */
  /** `leaseSeconds`: the lease of the jobs this process queues without naming one. */
  static async open(url: string, opts: { leaseSeconds?: number; supervise?: boolean } = {}): Promise<PgWorkQueue> {
    const leaseSeconds = opts.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
    const boss = new PgBoss({
      connectionString: url,
      application_name: 'nianbao',
      max: 4,
      supervise: opts.supervise ?? false,
      schedule: false,
      maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
    });
    boss.on('error', (err) => process.stderr.write(`nianbao: work queue: ${err.message}\n`));
    try {
      await boss.start();
      for (const [name, retryLimit] of [[CRAWL_HOST, CRAWL_RETRIES], [EXTRACT, EXTRACT_RETRIES]] as const) {
        if (!(await boss.getQueue(name))) {
          await boss.createQueue(name, { name, policy: 'stately', retryLimit, retryDelay: 0, expireInSeconds: leaseSeconds }).catch(async (err: unknown) => {
            // Two processes creating it at once: the other one won.
            if (!(await boss.getQueue(name))) throw err;
          });
        }
      }
    } catch (err) {
      await boss.stop({ graceful: false }).catch(() => {});
      throw new QueueError(`work queue ${redact(url)} unreachable: ${(err as Error).message}`);
    }
    return new PgWorkQueue(boss, url, leaseSeconds);
  }

  /** Queues one crawl-host job per host; false for a host that already has one queued (another run's). */
  async sendHost(job: HostJobData, leaseSeconds = this.leaseSeconds): Promise<boolean> {
    const id = await this.boss.send(CRAWL_HOST, job, { singletonKey: job.host, expireInSeconds: leaseSeconds, retryLimit: CRAWL_RETRIES, retryDelay: 0 });
    return id !== null;
  }

  async sendExtract(job: ExtractJobData, leaseSeconds = this.leaseSeconds): Promise<boolean> {
    const id = await this.boss.send(EXTRACT, job, { singletonKey: job.sha256, expireInSeconds: leaseSeconds, retryLimit: EXTRACT_RETRIES, retryDelay: 0 });
    return id !== null;
  }

  /** The next job of a queue, now active for this worker; null when none is ready. */
  async fetch<T>(name: QueueName): Promise<HeldJob<T> | null> {
    const [job] = await this.boss.fetch<T>(name, { batchSize: 1, includeMetadata: true });
    return job ? { name, id: job.id, data: job.data, activation: job.retryCount, leaseSeconds: job.expireInSeconds } : null;
  }

  /**
   * Keeps a held job's lease from the lease keeper's thread (lease-keeper.ts) until the returned release is called:
   * a main thread held up by synchronous catalog calls does not lose it.
   */
  keep(job: HeldJob<unknown>, events: LeaseEvents): () => void {
    this.keeper ??= new LeaseKeeper(this.url);
    return this.keeper.hold(job, events);
  }

  async complete(job: HeldJob<unknown>, output: object = {}): Promise<void> {
    await this.boss.complete(job.name, job.id, output);
  }

  /** Fails a job: with retries left it is queued again for any worker (a give-back counts as one). */
  async fail(job: HeldJob<unknown>, reason: string): Promise<void> {
    await this.boss.fail(job.name, job.id, { message: reason });
  }

  /** The jobs of these runs by state (both queues, or the ones named). */
  async counts(runIds: number[], names: QueueName[] = [CRAWL_HOST, EXTRACT]): Promise<Map<number, JobCounts>> {
    const out = new Map<number, JobCounts>(runIds.map((id) => [id, { queued: 0, active: 0, done: 0, failed: 0 }]));
    if (!runIds.length) return out;
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT (data->>'runId')::int AS run, state, count(*)::int AS n FROM (
         SELECT data, state FROM pgboss.job WHERE name = ANY($1) AND (data->>'runId')::int = ANY($2)
         UNION ALL
         SELECT data, state FROM pgboss.archive WHERE name = ANY($1) AND (data->>'runId')::int = ANY($2)
       ) j GROUP BY 1, 2`,
      [names, runIds],
    );
    for (const r of rows as { run: number; state: string; n: number }[]) {
      const c = out.get(r.run);
      if (!c) continue;
      if (r.state === 'created' || r.state === 'retry') c.queued += r.n;
      else if (r.state === 'active') c.active += r.n;
      else if (r.state === 'completed') c.done += r.n;
      else c.failed += r.n;
    }
    return out;
  }

  /**
   * What a run's finished extract jobs did: their files by extraction status, summed from each job's output (the
   * worker returns runExtraction's `byStatus`), in pg-boss's job table and its archive.
   */
  async extractOutcome(runId: number): Promise<Record<string, number>> {
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT s.key AS status, sum((s.value)::text::int)::int AS n FROM (
         SELECT output FROM pgboss.job WHERE name = $1 AND (data->>'runId')::int = $2 AND state = 'completed'
         UNION ALL
         SELECT output FROM pgboss.archive WHERE name = $1 AND (data->>'runId')::int = $2 AND state = 'completed'
       ) j, jsonb_each(COALESCE(j.output->'byStatus', '{}'::jsonb)) s GROUP BY 1`,
      [EXTRACT, runId],
    );
    return Object.fromEntries((rows as { status: string; n: number }[]).map((r) => [r.status, r.n]));
  }

  /** Crawl-host jobs of a run not finished yet (queued, waiting for a retry, or active). */
  async openHostJobs(runId: number): Promise<number> {
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND (data->>'runId')::int = $2 AND state < 'completed'`,
      [CRAWL_HOST, runId],
    );
    return (rows[0] as { n: number }).n;
  }

  /** Hosts with a crawl-host job queued or active, of any run. */
  async busyHosts(hosts: string[]): Promise<Set<string>> {
    if (!hosts.length) return new Set();
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT DISTINCT singleton_key AS host FROM pgboss.job WHERE name = $1 AND state < 'completed' AND singleton_key = ANY($2)`,
      [CRAWL_HOST, hosts],
    );
    return new Set((rows as { host: string }[]).map((r) => r.host));
  }

  /** Disconnects; jobs still held are left to expire (a drain gives them back first). */
  async close(): Promise<void> {
    await this.keeper?.close();
    this.keeper = null;
    await this.boss.stop({ graceful: false, wait: true });
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/**
 * The queue's database: `--queue` / NIANBAO_QUEUE, else the catalog's when the catalog is PostgreSQL. A SQLite
 * catalog has no queue of its own: it must be named.
 */
export function queueLocation(queue: string | undefined, catalog?: string): string {
  const url = queue ?? (catalog && /^postgres(ql)?:\/\//.test(catalog) ? catalog : undefined);
  if (!url) throw new UsageError('no work queue: give --queue postgres://… (or NIANBAO_QUEUE)');
  if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError(`--queue must be a postgres:// URL, got "${redact(url)}"`);
  return url;
}
