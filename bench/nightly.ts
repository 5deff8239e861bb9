/**
 * Nightly cost: a second crawl of the unchanged portal into the same storage, right after the first. Its requests
 * and bytes, as a fraction of the first crawl's, from the portal's log. Known report pages are not due again
 * (revisited at most once in 20 hours, only in their first 45 days) and stored files are revalidated only after
 * 30 days, so what remains is robots.txt and the list pages.
 */
import type { LoggedRequest, Portal } from '../test/fixtures/portal/server.ts';
import { nianbaoCrawl, ratio, traffic, type RequestKind } from './tools.ts';

export interface NightlyResult {
  first: { requests: number; bytes: number };
  nightly: { requests: number; bytes: number; byKind: Record<RequestKind, number>; wallS: number; peakRssMiB: number | null };
  /** nightly ÷ first. */
  requestsFraction: number | null;
  bytesFraction: number | null;
}

export async function nightlyBench(o: { portal: Portal; storage: string; seedsFile: string; firstLog: LoggedRequest[]; hostSlots: number }): Promise<NightlyResult> {
  o.portal.log.length = 0;
  const m = await nianbaoCrawl({ seedsFile: o.seedsFile, storage: o.storage, hostDelayMs: 0, maxHosts: o.hostSlots });
  if (m.exitCode > 1) throw new Error(`nightly crawl exited ${m.exitCode}: ${m.stderr.slice(-2000)}`);
  const second = traffic(o.portal.log);
  o.portal.log.length = 0;
  const first = traffic(o.firstLog);
  return {
    first: { requests: first.requests, bytes: first.bytes },
    nightly: {
      requests: second.requests,
      bytes: second.bytes,
      byKind: Object.fromEntries(Object.entries(second.byKind).map(([k, v]) => [k, v.requests])) as Record<RequestKind, number>,
      wallS: Math.round(m.wallMs / 10) / 100,
      peakRssMiB: m.peakRssMiB === null ? null : Math.round(m.peakRssMiB),
    },
    requestsFraction: ratio(second.requests, first.requests, 4),
    bytesFraction: ratio(second.bytes, first.bytes, 4),
  };
}
