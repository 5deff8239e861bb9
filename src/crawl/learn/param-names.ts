/** A request parameter's names, as the learners of page parameters (page-param.ts) and cursors (cursor.ts) match them. */

/**
 * The names a parameter is known by: its last key (a dotted JSON path's last segment), and for a key in bracket
 * notation (`page[offset]`, `page[limit]`, `pagination[pageNo]`: JSON:API's `page` family, PHP's and Rails' nested
 * params as `qs` and jQuery's `$.param` write them) the innermost key and the keys run together (`page[number]` → `pagenumber`, a page;
 * `page[size]` → `pagesize`). Read whole, `page[offset]` matched no name, and its 0 was taken for a page number.
 */
export function namesOf(key: string): string[] {
  const last = key.split('.').pop()!;
  const parts = last.split(/[[\]]+/).filter(Boolean);
  return parts.length > 1 ? [parts[parts.length - 1]!, parts.join('')] : [last];
}
