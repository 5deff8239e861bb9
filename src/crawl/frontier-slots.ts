/**
 * The default number of hosts crawled at once, derived from what a host crawled at once costs. A polite crawl's
 * throughput is slots × one request per delay, so slots are worth having until memory or the crawl's one core runs
 * out; a fixed small number (it was 8) left both idle and made a national backfill take days.
 */

/**
 * From the bench, which prints these beside its new figures so a drift shows. Rounded up: an underestimate would
 * overshoot the budget. Measured 2026-12-01 on 2 shared cores (load average 7–9):
 * - bench/slots.ts, 100 small hosts at once against 10 at once, d = 200 ms: peak RSS 336 → 353 MiB, 0.19–0.24 MiB
 *   per extra host (its crawler, queue, session and gate; a queue holds only its waiting requests and the keys of those done, host-queue.ts);
 * - CPU per request: 10–15 ms in the crawl bench (bench/crawl-size.ts, full speed); 21 ms in bench/slots.ts's
 *   polite crawl of hosts of 8 requests each, where start-up (≈ 3 s) and each host's crawler set-up weigh more.
 */
export const SLOT_COSTS = {
  /** Peak RSS of the crawl process before it holds many hosts: start-up, modules, catalog, a few crawlers. MiB. */
  baseMiB: 350,
  /** Peak RSS added by one more host crawled at once (its Crawlee crawler, queue, session, sockets, gate). MiB. */
  mibPerHost: 0.5,
  /** CPU of the crawl process per request, all of it (fetch, parse, hash, store, catalog, queue). ms. */
  cpuMsPerRequest: 12,
} as const;

/** Share of one core the crawl may fill: it runs on one Node thread, and headroom keeps delays on time. */
const CPU_SHARE = 0.8;

/** Slots never go below this, whatever the budget says: a crawl with one slot is a serial crawl. */
const MIN_SLOTS = 4;

export interface SlotBudget {
  /** Memory the crawl process may use, MiB (config crawlMemoryMiB). */
  memoryMiB: number;
  /** Minimum ms between two requests to one host (config hostDelayMs): one host makes at most one request per delay. */
  hostDelayMs: number;
}

/**
 * Hosts crawled at once: the fewer of what memory allows ((budget − base) ÷ per-host cost) and what one core
 * allows (each host needs cpuMsPerRequest every hostDelayMs). With no delay a single host can fill the core, and
 * only memory bounds the slots. The number of hosts of a run bounds it further by itself (the frontier never holds
 * a slot for a host that has nothing queued).
 */
export function defaultHostSlots(b: SlotBudget, costs: { baseMiB: number; mibPerHost: number; cpuMsPerRequest: number } = SLOT_COSTS): number {
  const byMemory = Math.floor((b.memoryMiB - costs.baseMiB) / costs.mibPerHost);
  const byCpu = b.hostDelayMs > 0 ? Math.floor((CPU_SHARE * b.hostDelayMs) / costs.cpuMsPerRequest) : Infinity;
  return Math.max(MIN_SLOTS, Math.min(byMemory, byCpu));
}
