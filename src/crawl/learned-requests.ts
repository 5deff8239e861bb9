/**
 * A seed's learned list request (learn/: the request its page's script made, remembered in the catalog) replayed over
 * HTTP on later runs, when it may be: its first page queued, and its other years' or choices' lists beside it.
 */
import { otherListEndpoints, learnedPageRequest } from './families/learned.ts';
import type { HarvestContext } from './harvest-context.ts';
import { asLearnedEndpoint, turnedOnly, type LearnedEndpoint } from './learn/learn.ts';
import { isPagingHeader } from './learn/range-header.ts';
import type { SeedTally } from './seed-tally.ts';
import type { NextListRequest } from './families/family.ts';
import type { ListData, QueuedRequest } from './requests.ts';

/**
 * Why a learned list request may not be replayed over HTTP (the seed is rendered again instead), or null when it may:
 * a replay of a signed request would be refused (a stale signature); a token the page asks for is stale (401).
 */
function unreplayable(endpoint: LearnedEndpoint): string | null {
  const turned = turnedOnly(endpoint);
  if (turned) return `${turned}: read in the browser only`;
  // A paging window (`Range: items=0-4`) is kept whole and replayed as it is: only the other headers are a token.
  // The page's other lists (learn.ts listsBeside) are replayed with it: a token any of them wants is one.
  const headers = [endpoint, ...(endpoint.beside ?? [])].flatMap((e) => Object.entries(e.request.headers ?? {}));
  const tokens = [...new Set(headers.filter(([k, v]) => !isPagingHeader(k, v)).map(([k]) => k))];
  if (tokens.length) return `its list API wants a token the page asks for (${tokens.join(', ')}): the seed is rendered again for a fresh one`;
  return null;
}

/** The seed has a learned list request a replay over HTTP may ask. */

export function replayable(h: HarvestContext, seedEntryId: number): boolean {
  const endpoint = asLearnedEndpoint(h.catalog.learned.get(seedEntryId));
  return !!endpoint && unreplayable(endpoint) === null;
}

/** The first page of the seed's learned endpoint, when the catalog holds one (and of its other years' lists). */

export function learnedRequests(h: HarvestContext, data: ListData, tally: SeedTally): QueuedRequest[] {
  const endpoint = asLearnedEndpoint(h.catalog.learned.get(data.seedEntryId));
  if (!endpoint) return [];
  const refused = unreplayable(endpoint);
  if (refused) {
    tally.notes.push(refused);
    return [];
  }
  tally.usedLearned = true;
  h.catalog.learned.markUsed(data.seedEntryId);
  // The choices the rendering left unmade are as unread in a run replaying what it learned (max: the rendering run
  // itself may replay too).
  tally.unmadeChoices = Math.max(tally.unmadeChoices, endpoint.leftChoices?.unmade ?? 0);
  tally.untriedChoices = Math.max(tally.untriedChoices, endpoint.leftChoices?.untried ?? 0);
  // Lists its page's choices draw from another endpoint are read only in the browser: the seed is rendered too.
  if (endpoint.leftChoices?.drawnOnly) tally.choicesDrawnOnly = true;
  if (endpoint.pagingUnknown) tally.pagingUnknown = true;
  return [endpoint, ...otherListEndpoints(endpoint)].map((e) => learnedFirstPage(h, e, data));
}

export function learnedFirstPage(h: HarvestContext, endpoint: LearnedEndpoint, data: ListData): QueuedRequest {
  return learnedQueued(h, learnedPageRequest(endpoint, 1), data);
}

/** A page of a learned list as queued: over HTTP, its cursor carried (a first page, or one asked again: token-refresh.ts). */
export function learnedQueued(h: HarvestContext, page: NextListRequest, data: ListData): QueuedRequest {
  // Learned from the seed page's own requests: its service may be on another host (download/scope.ts).
  h.scope.vouch(page.url);
  return {
    url: page.url,
    method: page.method,
    payload: page.payload,
    headers: page.headers,
    uniqueKey: page.uniqueKey,
    lane: 'http',
    userData: { ...data, family: 'learned', cursor: page.cursor, learn: undefined },
  };
}
