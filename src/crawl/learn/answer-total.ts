/**
 * What a JSON list answer announces about the whole list: its record count (`total`, `totalCount`, `TotalCount`,
 * `pageInfo.total`, Elasticsearch's `hits.total.value`…) or its page count (`totalPage`, `pageCount`…), read near
 * the answer's root (never inside the items). The seed's tally compares it with what the learned paging read, so a
 * learned list that stops early (a wrong page step, a "load more" nianbao could not follow) is `short`, not `ok`.
 */
import type { AnnouncedTotals } from '../families/announced.ts';
import { isRecord, jsonAnswerOrNull, jsonInString, type Json } from './list-shape.ts';
import { isNextUrlField } from './next-url.ts';

const ITEMS_KEY = /^(total|count|totalcount|total_count|totalnum|totalsize|totalrecords?|total_records?|records|recordcount|recordstotal|totalelements|totalrows|totalhits|totalitems|allcount|allrecord)$/i;
const PAGES_KEY = /^(totalpages?|total_pages?|pagecount|pagetotal|totalpagenum|pages)$/i;
/** How deep below the root the counts are looked for (`data.pageInfo.total` is 3). */
const MAX_DEPTH = 4;

function count(v: Json | undefined): number | null {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && /^\d{1,9}$/.test(v.trim())) return Number(v);
  // Elasticsearch 7+: "total": { "value": 42, "relation": "eq" } ("gte" is a lower bound, not a count).
  if (isRecord(v) && v.relation !== 'gte') return count(v.value);
  return null;
}

/**
 * The (key, value) pairs of an answer's objects near its root, breadth first (shallowest first), down to MAX_DEPTH
 * and into JSON held in string fields; arrays are items (or their pages), never entered.
 */
function* nearRoot(text: string, url: string): Generator<[string, Json, { [k: string]: Json }]> {
  const json = jsonAnswerOrNull(text, url);
  let level: Json[] = json === null ? [] : [json];
  for (let depth = 0; depth < MAX_DEPTH && level.length; depth++) {
    const next: Json[] = [];
    for (const node of level) {
      if (!isRecord(node)) continue;
      for (const [k, v] of Object.entries(node)) {
        yield [k, v, node];
        const inner = isRecord(v) ? v : jsonInString(v);
        if (isRecord(inner ?? undefined)) next.push(inner!);
      }
    }
    level = next;
  }
}

/** The counts an answer announces, shallowest first; nothing when it is not JSON or announces none. */
export function answerTotals(text: string, url: string): AnnouncedTotals {
  const out: AnnouncedTotals = {};
  for (const [k, v, owner] of nearRoot(text, url)) {
    const n = count(v);
    // jqGrid's answer (`{page, total, records, rows}`, its jsonReader's defaults): `total` counts pages there, `records` items.
    const gridPages = n !== null && k === 'total' && count(owner.records) !== null;
    if (gridPages && out.announcedPages === undefined) out.announcedPages = n;
    else if (gridPages) continue;
    else if (n !== null && out.announcedItems === undefined && ITEMS_KEY.test(k)) out.announcedItems = n;
    else if (n !== null && out.announcedPages === undefined && PAGES_KEY.test(k)) out.announcedPages = n;
  }
  return out;
}

/** Flags saying that more items follow this answer (`hasMore: true`), or (inverted) that it is the last. */
const MORE_KEY = /^(hasmore|has_more|hasnext|has_next|hasnextpage|hasnextpage|more|nextpage)$/i;
const LAST_KEY = /^(islastpage|lastpage|islast|last|isend|end|finished)$/i;

function flag(v: Json | undefined): boolean | null {
  if (typeof v === 'boolean') return v;
  return v === 'true' ? true : v === 'false' ? false : null;
}

/**
 * Whether an answer says more items follow it (`hasMore: true`, `isLastPage: false`, the address of a next page:
 * `"next": "/api/…?cursor=…"`), near its root; null when it says nothing. A list that stops on such an answer was cut short, even when no total was announced.
 * A flag saying "more" or "no more" outright wins over an inverted "last" flag wherever it stands: PageHelper's
 * `PageInfo`, asked past its last page, answers `isLastPage: false` (it is past the last) beside `hasNextPage: false`.
 */
export function answerSaysMore(text: string, url: string): boolean | null {
  let said: boolean | null = null;
  for (const [k, v] of nearRoot(text, url)) {
    const f = flag(v);
    if (f !== null && MORE_KEY.test(k)) return f;
    if (said !== null) continue;
    if (f !== null && LAST_KEY.test(k)) said = !f;
    else said = isNextUrlField(k, v);
  }
  return said;
}
