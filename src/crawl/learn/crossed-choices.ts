/**
 * Choices of two groups that set different fields of the endpoint's request (a tab bar choosing the channel, a select
 * choosing the year) load lists no single choice shows: the second tab's list for an earlier year is on screen only
 * after both are made, in turn. Each choice is made once, on the page as it loaded (list-choices.ts); their requests
 * say which fields each group sets, and the lists of two choices together are that request with both groups' fields
 * set, asked over HTTP as the other choices are. Groups setting one same field (two selects of the same filter) or
 * another path are not crossed; neither are fields that change on every request (a cache-buster, a timestamp). A
 * group filtering what the page first asked with its field empty (a unit select on 全部 beside the year select) is
 * crossed last, within the limit's room.
 */
import type { ChoiceRequest } from './list-choices.ts';
import { firstPageKey, requestForPage, textParams, VOLATILE_NAME, VOLATILE_VALUE, withParam, type CapturedRequest, type PageParam } from './page-param.ts';

/** Crossed lists asked at most for one page: each is one request or more over HTTP, in every later run too. */
const MAX_CROSSED = 24;


type Where = 'query' | 'form' | 'json';
type Fields = Map<string, { in: Where; name: string; value: string }>;

/** The request's fields by place and name (page-param.ts `textParams`: JSON bodies by their top-level scalars), volatile ones left out. */
function fieldsOf(req: CapturedRequest): Fields {
  const fields = textParams(req).filter((f) => !VOLATILE_NAME.test(f.name) && !VOLATILE_VALUE.test(f.value));
  return new Map(fields.map((f) => [`${f.in} ${f.name}`, f]));
}

const pathOf = (url: string) => new URL(url).origin + new URL(url).pathname;

/** What a choice's request sets differently from the base request, compared as first pages. */
function changes(base: Fields, req: Fields): Fields {
  return new Map([...req].filter(([key, f]) => base.get(key)?.value !== f.value));
}

/**
 * The requests of each pair of choices of two groups setting disjoint fields, crossed, not already asked (`made`: every
 * choice made that asked the endpoint, its group with it), at most MAX_CROSSED; `left`, the crossed lists past it.
 */
export function crossedChoices(
  base: CapturedRequest,
  page: PageParam | null,
  made: { group: number; request: ChoiceRequest; before?: ChoiceRequest }[],
): { requests: ChoiceRequest[]; left: number } {
  const first = (r: CapturedRequest) => fieldsOf(page ? requestForPage(r, page, 1) : r);
  const baseFields = first(base);
  const groups = new Map<number, Fields[]>();
  const carried: Fields[] = [];
  for (const m of made) {
    const req = { ...base, url: m.request.url, body: m.request.body };
    if (pathOf(req.url) !== pathOf(base.url)) continue;
    // What the choice set: what differs both from the request the page asked before it (a year an earlier choice left
    // set is not the tab's) and from the page's first (a field the choice set back, a tab resetting the year, neither).
    const before = m.before && pathOf(m.before.url) === pathOf(base.url) ? { ...base, url: m.before.url, body: m.before.body } : base;
    const fromBase = changes(baseFields, first(req));
    const changed = new Map([...changes(first(before), first(req))].filter(([key]) => fromBase.has(key)));
    if (changed.size) groups.set(m.group, [...(groups.get(m.group) ?? []), changed]);
    // Asked with a field an earlier choice left set: its own list (the choice alone on the page as it loaded) unasked.
    if (changed.size && fromBase.size > changed.size) carried.push(changed);
  }
  const setBy = new Map([...groups].map(([g, list]) => [g, new Set(list.flatMap((c) => [...c.keys()]))]));
  // A group whose every field the page first asked empty (`filter[FBJG_name]=`, its select on 全部) narrows the lists
  // the other groups' choices show, each asked with it empty: its crossings are asked last, within what is left of the
  // limit, and those past it are not counted unread (round 90b: five years crossed with eight units were 28 lists,
  // the four past the limit said unmade, a false `short`). An empty field is not always "all" (a server's default
  // year), so they are still asked when there is room.
  const narrowing = (g: number) => [...setBy.get(g)!].every((k) => baseFields.get(k)?.value === '');
  const asked = new Set([base, ...made.map((m) => ({ ...base, url: m.request.url, body: m.request.body }))].map((r) => firstPageKey(r, page)));
  const out: ChoiceRequest[] = [];
  let left = 0;
  // Each choice made with an earlier choice still set (a unit's tab clicked while the year select stayed on the last
  // year chosen), alone on the page as it loaded: its own list, whole.
  for (const c of carried) {
    let req = base;
    for (const f of c.values()) req = withParam(req, f.in, f.name, f.value);
    const key = firstPageKey(req, page);
    if (asked.has(key)) continue;
    asked.add(key);
    if (out.length < MAX_CROSSED) out.push({ url: req.url, body: req.body });
    else left += 1;
  }
  const ids = [...groups.keys()];
  const pairs = ids.flatMap((a, i) => ids.slice(i + 1).filter((b) => ![...setBy.get(a)!].some((k) => setBy.get(b)!.has(k))).map((b) => [a, b] as const));
  const narrowed = ([a, b]: readonly [number, number]) => narrowing(a) || narrowing(b);
  for (const [a, b] of [...pairs.filter((p) => !narrowed(p)), ...pairs.filter(narrowed)]) {
    for (const ca of groups.get(a)!) {
      for (const cb of groups.get(b)!) {
        let req = base;
        for (const f of [...ca.values(), ...cb.values()]) req = withParam(req, f.in, f.name, f.value);
        const key = firstPageKey(req, page);
        if (asked.has(key)) continue;
        asked.add(key);
        if (out.length < MAX_CROSSED) out.push({ url: req.url, body: req.body });
        else if (!narrowed([a, b])) left += 1;
      }
    }
  }
  return { requests: out, left };
}
