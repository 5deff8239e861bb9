/**
 * A list page that answers 200 but says it does not exist (a soft 404), or a seed page that answers 404: the column
 * has most likely moved in a site's redesign. Said in the seed's result, with what to do, rather than as "no report
 * item on 1 list page"; a page past the end of a pager that says so is recorded as gone, not as a list page.
 */
import { Scope } from '../download/scope.ts';
import type { HarvestContext } from './harvest-context.ts';
import type { PageVisit } from './page-visit.ts';
import type { SeedTally } from './seed-tally.ts';

const MOVED = 'the column may have moved: `nianbao discover` on the portal finds its columns again';

export function noteSoftNotFound(h: HarvestContext, visit: PageVisit, seedPage: boolean, tally: SeedTally): void {
  if (seedPage) {
    tally.notes.push(`its page says it does not exist (a soft 404); ${MOVED}`);
    return;
  }
  h.catalog.urls.record({ url: visit.url, host: Scope.hostOf(visit.url), status: visit.status, outcome: 'gone', reason: 'soft 404: a list page that says it does not exist (past the end of its pager?)' });
}

export function noteSeedGone(tally: SeedTally, status: number): void {
  tally.seedGone = status;
  tally.notes.push(`its page answered HTTP ${status}; ${MOVED}`);
}
