/**
 * What a list page says about its own size: the page count or item count its pager or data island announces.
 * A minimal version (the families work provides the full one at this path with this signature): TRS
 * createPageHTML / countPage, Hanweb totalRecord / <totalrecord> / <totalpage>, and 共N页 / 共N条 text.
 */
export interface AnnouncedTotals {
  announcedPages?: number;
  announcedItems?: number;
}

const num = (re: RegExp, html: string): number | undefined => {
  const m = re.exec(html);
  return m?.[1] ? Number(m[1]) : undefined;
};

export function announcedTotals(html: string): AnnouncedTotals {
  const out: AnnouncedTotals = {};
  const pages =
    num(/createPageHTML\(\s*(?:['"][\w-]+['"]\s*,\s*)?(\d+)\s*,/, html) ??
    num(/\bcountPage\s*=\s*(\d+)/, html) ??
    num(/<totalpage>\s*(\d+)/i, html) ??
    num(/共\s*(\d+)\s*页/, html);
  const items = num(/\btotalRecord\s*[:=]\s*['"]?(\d+)/, html) ?? num(/<totalrecord>\s*(\d+)/i, html) ?? num(/共\s*(\d+)\s*条/, html);
  if (pages !== undefined && pages > 0) out.announcedPages = pages;
  if (items !== undefined && items > 0) out.announcedItems = items;
  return out;
}
