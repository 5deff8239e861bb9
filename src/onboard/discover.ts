/**
 * `nianbao discover`: portals in, a seeds file out. Each portal is explored on its own host (explore.ts); the
 * columns found become proposals (proposals.ts) written as seeds YAML (seeds-yaml.ts). Hosts are explored side by
 * side, each at its own polite pace; nothing is stored and the catalog is never opened.
 */
import type { NianbaoConfig } from '../config.ts';
import { Scope } from '../download/scope.ts';
import type { SeedAgency } from '../registry/seeds-file.ts';
import { PortalExplorer, type ExploreOptions, type PortalResult } from './explore.ts';
import { PageReader } from './page-reader.ts';
import { startHosts } from './portal-hosts.ts';
import { propose, type ProposedAgency } from './proposals.ts';
import { BrowserSession } from './render.ts';

export interface DiscoverOptions extends ExploreOptions {
  /** Render challenged pages in Chromium (when it is installed). Default true. */
  browser: boolean;
  /** The registry: entries already there are not proposed again. */
  known: SeedAgency[];
  /** Told when a portal is done (progress on stderr). */
  onPortal?: (r: PortalResult) => void;
}

export interface DiscoverResult {
  portals: PortalResult[];
  proposals: ProposedAgency[];
}

/** Portals explored at the same time (each host keeps its own one-request-at-a-time pace). */
const PARALLEL_PORTALS = 4;

export async function discover(starts: string[], config: NianbaoConfig, opts: DiscoverOptions): Promise<DiscoverResult> {
  const reader = new PageReader(config.politeness, starts.flatMap((u) => startHosts(Scope.hostOf(u))));
  const session = opts.browser && BrowserSession.available(config.chromiumPath) ? new BrowserSession(reader, config.chromiumPath) : null;
  const explorer = new PortalExplorer(reader, session, opts);
  const portals: PortalResult[] = new Array(starts.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < starts.length) {
      const i = nextIndex++;
      portals[i] = await explorer.explore(starts[i]!);
      opts.onPortal?.(portals[i]!);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(PARALLEL_PORTALS, starts.length) }, worker));
  } finally {
    await session?.close();
  }
  return { portals, proposals: propose(portals, opts.known) };
}
