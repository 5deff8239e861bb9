/**
 * A learned list whose token went stale during the run. The browser learned the list's request with the token its
 * page asked its API for (`Authorization: Bearer …`, `X-Token`), and its later pages are replayed over HTTP with it;
 * a token lives minutes, and a host crawled politely behind many other pages (a city's departments on one portal)
 * may reach page 3 after it expired. The refused page is no end of the list: the seed is rendered again for a fresh
 * token, and every page refused meanwhile is asked again with it, first in its host's queue.
 *
 * Bounded: a refresh must have read a page since the one before (a token refused at once is no stale token), and a
 * seed refreshes at most MAX_REFRESHES times in a run; past that the refusal stands and the seed is flagged `short`.
 */
import { learnedPageRequest } from './families/learned.ts';
import type { HarvestContext } from './harvest-context.ts';
import { learnedQueued } from './learned-requests.ts';
import { asLearnedEndpoint, type Learned, type LearnedEndpoint } from './learn/learn.ts';
import type { CapturedRequest } from './learn/page-param.ts';
import { isPagingHeader } from './learn/range-header.ts';
import type { ListData, QueuedRequest } from './requests.ts';
import type { SeedTally } from './seed-tally.ts';

const MAX_REFRESHES = 10;

/** A refused page waiting for a fresh token: what asked it again needs. */
interface Refused {
  data: ListData;
  endpoint: LearnedEndpoint;
}

/** A seed's token refreshes in this run. */
export interface TokenRefreshes {
  /** How many times the seed was rendered again for a fresh token. */
  generation: number;
  /** A rendering for a fresh token is queued and not yet handled. */
  inFlight: boolean;
  /** The pages refused while it was: asked again once it is. */
  waiting: Refused[];
  /** Learned pages read since the last refresh (none: the fresh token was refused at once). */
  readSince: number;
  /** The token headers of the last refresh, for a page refused with an older one after it. */
  fresh?: Record<string, string>;
}

/** The headers of a request that are the page's token (a paging window `Range: items=0-4` is none). */
function tokenHeaders(req: CapturedRequest): Record<string, string> {
  return Object.fromEntries(Object.entries(req.headers ?? {}).filter(([k, v]) => !isPagingHeader(k, v)));
}

function endpointOf(data: ListData): LearnedEndpoint | null {
  const raw = data.cursor?.endpoint;
  return typeof raw === 'string' ? asLearnedEndpoint(JSON.parse(raw) as unknown) : null;
}

/** Counts a learned page read (a refresh must read one before the next may be asked). */
export function countLearnedPage(t: SeedTally): void {
  if (t.tokens) t.tokens.readSince += 1;
}

/**
 * A learned page refused (HTTP 401/403, or an answer saying its token is stale): true when it will be asked again with
 * a fresh token (the seed rendered again, or already rendered since the page was queued), false when the refusal
 * stands (no token in its request, `render: http`, no page read since the last refresh, too many refreshes).
 */
export async function askWithFreshToken(h: HarvestContext, data: ListData): Promise<boolean> {
  const endpoint = endpointOf(data);
  if (!endpoint || endpoint.signed || !Object.keys(tokenHeaders(endpoint.request)).length) return false;
  if (h.httpOnlySeeds?.has(data.seedEntryId)) return false;
  const seed = h.catalog.seeds.byId(data.seedEntryId);
  if (!seed) return false;
  const t = h.tallies.of(data.seedEntryId);
  const state = (t.tokens ??= { generation: 0, inFlight: false, waiting: [], readSince: 0 });
  // Asked with a token older than the last refresh (queued before it): asked again with the fresh one at once.
  if ((endpoint.tokenGeneration ?? 0) < state.generation && state.fresh && !state.inFlight) {
    await h.frontier.add([againWith(h, { data, endpoint }, state.fresh, state.generation)]);
    return true;
  }
  if (state.inFlight) {
    state.waiting.push({ data, endpoint });
    return true;
  }
  if (state.generation >= MAX_REFRESHES || (state.generation > 0 && state.readSince === 0)) return false;
  state.generation += 1;
  state.inFlight = true;
  state.readSince = 0;
  state.waiting.push({ data, endpoint });
  const render: ListData = { kind: 'list', seedEntryId: seed.id, siteAgencyId: seed.agency_id, family: 'auto', pageIndex: 0, learn: true, freshToken: true };
  h.stats.browserHandoffs += 1;
  await h.frontier.add([{ url: seed.url, uniqueKey: `token:${state.generation}:${seed.url}`, lane: 'browser', userData: render }]);
  return true;
}

/**
 * The seed rendered again for a fresh token: the pages refused meanwhile are asked again with the token its request
 * now carries, first in their host's queue (before the token can go stale behind other pages). When the browser saw
 * no list request carrying a token, the refusal stands: the first refused page is the list's end, said by the seed.
 */
export async function resumeWithFreshToken(h: HarvestContext, data: ListData, found: Learned | null): Promise<void> {
  const t = h.tallies.of(data.seedEntryId);
  const state = t.tokens;
  if (!state) return;
  state.inFlight = false;
  const waiting = state.waiting.splice(0);
  const fresh = found ? tokenHeaders(found.endpoint.request) : {};
  if (!Object.keys(fresh).length) {
    t.notes.push('rendered again for a fresh token, the browser saw no list request carrying one');
    const first = waiting[0];
    if (first) t.learnedRefused ??= { page: Number(first.data.cursor?.page ?? 1), status: 401, message: 'its token went stale and no fresh one was found' };
    return;
  }
  state.fresh = fresh;
  await h.frontier.add(waiting.map((w) => againWith(h, w, fresh, state.generation)));
}

/** The refused page's request again, with the fresh token: a new unique key (the refused one was handled). */
function againWith(h: HarvestContext, w: Refused, fresh: Record<string, string>, generation: number): QueuedRequest {
  const withFresh = (r: CapturedRequest): CapturedRequest => ({ ...r, headers: { ...r.headers, ...fresh } });
  const endpoint: LearnedEndpoint = { ...w.endpoint, request: withFresh(w.endpoint.request), tokenGeneration: generation };
  const cursor = w.data.cursor ?? {};
  // A cursor-paged list's page is the request the answer before it gave (kept in the cursor), not a page number.
  const sent = typeof cursor.sent === 'string' ? withFresh(JSON.parse(cursor.sent) as CapturedRequest) : undefined;
  const next = learnedPageRequest(endpoint, Number(cursor.page ?? 1), String(cursor.previousFirst ?? ''), sent);
  return { ...learnedQueued(h, next, w.data), forefront: true };
}
