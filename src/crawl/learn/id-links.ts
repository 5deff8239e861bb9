/**
 * An id → address dictionary a list's page fetches when an item is first clicked (an older JSP site's
 * `docUrls.do?chnlid=2318` answering `{"31885": "/zwgk/system/2025/01/21/031885.shtml", "29526": "/uploadfiles/….pdf"}`,
 * every later click reading the kept map: round 69b). A link template learned from the clicked items builds most
 * addresses, but not the items the dictionary sends elsewhere (a report published as its PDF alone, an article moved
 * by a migration): those were guessed wrong and answered 404. The dictionary the clicks' traffic brought is taken as
 * what it is: each item's address by its id, before the template.
 */
import { resolveLink } from '../../download/scope.ts';
import type { Exchange, Learned } from './learn.ts';
import { shapeForRequest } from './template-params.ts';
import { jsonAnswerOrNull, readList, urlLike, type DrawnLink } from './list-shape.ts';

/** Entries kept at most: a channel's dictionary, not a site's. */
const MAX_ENTRIES = 5_000;
/** An id as a dictionary keys it: digits, hex, a uuid. */
const ID_KEY = /^[\w-]{2,64}$/;

/**
 * The dictionary among `exchanges` (the answers the clicks brought) whose values, resolved as the page resolves them,
 * are addresses the clicks opened: id → absolute address; null when no answer is one. An answer counts when it is a
 * JSON object of two entries or more, nearly all of them id-keyed addresses, and two of the clicked addresses (or the
 * one, when one item was clicked) are among its values.
 */
export function idLinkDictionary(exchanges: Exchange[], clicked: DrawnLink[], pageUrl: string): Record<string, string> | null {
  const opened = new Set(clicked.map((l) => l.url));
  if (!opened.size) return null;
  for (const x of exchanges) {
    if (x.status < 200 || x.status >= 300) continue;
    const json = jsonAnswerOrNull(x.responseBody, x.url);
    if (!json || typeof json !== 'object' || Array.isArray(json)) continue;
    const entries = Object.entries(json);
    if (entries.length < 2) continue;
    const out = new Map<string, string>();
    let kept = 0;
    let matched = 0;
    for (const [id, value] of entries) {
      if (!ID_KEY.test(id) || !urlLike(value)) continue;
      const url = resolveLink(value.trim(), pageUrl);
      if (!url) continue;
      if (kept < MAX_ENTRIES) {
        out.set(id, url);
        kept += 1;
      }
      if (opened.has(url)) matched += 1;
    }
    // Nearly all entries addresses (a dictionary, not a record with a link or two), and the clicks' own among them.
    if (kept < 2 || kept * 10 < Math.min(entries.length, MAX_ENTRIES) * 9) continue;
    if (matched >= Math.min(2, opened.size)) return Object.fromEntries(out);
  }
  return null;
}

/** The learned list with its items' addresses taken from the dictionary first, when its items are linked by a template. */
export function withIdLinks(learned: Learned | null, dictionary: Record<string, string> | null): Learned | null {
  if (!learned || !dictionary) return learned;
  const { shape, base } = learned.endpoint;
  if (shape.kind !== 'json' || shape.urlTemplate === undefined) return learned;
  const mapped = { ...shape, urlById: dictionary };
  const items = learned.answer ? readList(learned.answer.responseBody, learned.answer.url, base, shapeForRequest(mapped, learned.answer)) : [];
  return { ...learned, endpoint: { ...learned.endpoint, shape: mapped }, items: items.length ? items : learned.items };
}
