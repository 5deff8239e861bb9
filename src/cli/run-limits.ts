/**
 * A run's politeness and limits as the command line gives them, for the queued run's arguments (every worker applies
 * them to the run's hosts) and for a plain crawl's settings. Apart from queued-crawl.ts so that a plain crawl does not
 * load the work queue (pg-boss, pg) to read its flags.
 */
import type { EnqueueRequest } from '../queue/enqueue.ts';
import type { CrawlFlags } from './crawl.ts';

export function runLimits(opts: CrawlFlags & { lease?: number }): Pick<EnqueueRequest['args'], 'politeness' | 'maxFileBytes' | 'minPages' | 'leaseSeconds'> {
  return {
    politeness: {
      ...(opts.hostDelay !== undefined ? { hostDelayMs: opts.hostDelay } : {}),
      ...(opts.hostConcurrency !== undefined ? { hostConcurrency: opts.hostConcurrency } : {}),
      ...(opts.robots === false ? { obeyRobots: false } : {}),
    },
    ...(opts.maxFileSize !== undefined ? { maxFileBytes: opts.maxFileSize } : {}),
    ...(opts.minPages !== undefined ? { minPages: opts.minPages } : {}),
    ...(opts.lease !== undefined ? { leaseSeconds: opts.lease } : {}),
  };
}

