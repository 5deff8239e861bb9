/**
 * Pages a server answers identically at many addresses: a single-page app's fallback (nginx `try_files … /index.html`)
 * answers any unknown address with the site's home, whose links, written relative to the root, resolve under the
 * address asked and lead deeper each time (round 61c: 572 copies of one home from a seed in capitals). A list page
 * whose text is one read already in the run at an address above it is that page again: not read a second time. The
 * host's root is always read: the copies elsewhere are its, and at the root its relative links lead where they should.
 */
import { createHash } from 'node:crypto';
import type { HarvestContext } from './harvest-context.ts';

const seenByRun = new WeakMap<HarvestContext, Map<string, string>>();
/**
 * List pages remembered at most, the oldest forgotten first: a fallback's copies follow one another within a host's
 * few requests, and a national run's hundred thousand list pages would otherwise each keep an entry to its end.
 */
const REMEMBERED = 4096;

/** The address a page with this body was read at earlier in the run, or null (recording this one when new). */
export function earlierCopy(h: HarvestContext, url: string, body: string): string | null {
  let seen = seenByRun.get(h);
  if (!seen) seenByRun.set(h, (seen = new Map()));
  const key = createHash('sha1').update(body.replace(/\s+/g, '')).digest('base64');
  const earlier = seen.get(key);
  if (earlier === undefined) {
    seen.set(key, url);
    if (seen.size > REMEMBERED) seen.delete(seen.keys().next().value!);
    return null;
  }
  if (earlier === url) return null;
  // The root read after a copy of it: read, and remembered as where the page is.
  if (new URL(url).pathname === '/') {
    seen.set(key, url);
    return null;
  }
  return earlier;
}

/** Whether `url` is an address in a folder below `page`'s (`/A/B/` → `/A/B/zwgk/x/`), not its index file or itself. */
export function isBelow(url: string, page: string): boolean {
  const a = new URL(url);
  const b = new URL(page);
  if (a.origin !== b.origin) return false;
  const folder = b.pathname.replace(/[^/]*$/, '');
  const rest = a.pathname.slice(folder.length);
  return a.pathname.startsWith(folder) && rest.includes('/') && !/^(?:index|default)\.\w+$/i.test(rest);
}
