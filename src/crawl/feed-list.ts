/**
 * A column's news feed given as the seed (RSS 2.0, RSS 1.0 or Atom: the address behind a column's orange RSS button,
 * `…/rss/ndbg.xml`). A feed is the column's newest items only, and an XML document no HTML reader understands (its
 * `<link>` elements hold their address as text, which an HTML parser drops: `<link>` is a void element there). It
 * is read as the list it is, drawn as plain HTML (one link per item, with its date), and its channel's own page (RSS
 * `<channel><link>`, Atom `<link rel="alternate">`) is the column it was cut from: asked as the list's first page, so
 * the older reports the feed no longer carries are read from there (round 35a).
 */
import * as cheerio from 'cheerio';
import { escapeAttr } from './script-links.ts';

export interface FeedList {
  /** The feed drawn as an HTML list page (a `ul` of item links, each followed by its date). */
  html: string;
  /** The page the feed is of (its channel's link), absolute; null when it names none. */
  channel: string | null;
}

/** Whether the answer is a feed: an `<rss>`, `<rdf:RDF>` or Atom `<feed>` root, whatever its Content-Type says. */
export function looksLikeFeed(body: string): boolean {
  // The XML declaration and any other processing instruction before the root (an `<?xml-stylesheet?>` drawing the
  // feed as a page in a browser, round 58c) and comments are no root.
  const head = body.slice(0, 2000).replace(/^\uFEFF/, '').replace(/<\?[^>]*\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').trimStart();
  return /^<(?:rss[\s>]|rdf:RDF[\s>]|feed[\s>][^>]*xmlns=["']http:\/\/www\.w3\.org\/2005\/Atom)/i.test(head);
}

function absolute(href: string, base: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A feed's date (RFC 822 in RSS, RFC 3339 in Atom, or already `2025-01-21`) as `YYYY-MM-DD`, else ''. */
function dayOf(text: string): string {
  const t = text.trim();
  const plain = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (plain) return `${plain[1]}-${plain[2]}-${plain[3]}`;
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return '';
  // Chinese sites date in UTC+8: a report published at 00:30 Beijing time is dated that day, not the day before.
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** An `xml:base` resolved against the base around it; that base when there is none (or it is no web address). */
function xmlBase(base: string | undefined, outer: string): string {
  return (base && absolute(base, outer)) || outer;
}

/** The feed read as a list page, or null when the body is no feed. */
export function feedAsList(body: string, feedUrl: string): FeedList | null {
  if (!looksLikeFeed(body)) return null;
  const $ = cheerio.load(body.replace(/^\uFEFF/, ''), { xml: true });
  const atom = $('feed').length > 0 && $('rss').length === 0;
  const items: { title: string; url: string; date: string }[] = [];
  // An Atom element's page: its alternate link, else its first.
  const atomLink = (el: cheerio.Cheerio<never>) => {
    const links = el.children('link');
    const alt = links.filter((_, l) => ($(l).attr('rel') ?? 'alternate') === 'alternate').first();
    return alt.length ? alt : links.first();
  };
  const linkOf = (el: cheerio.Cheerio<never>): string => {
    if (atom) return atomLink(el).attr('href') ?? '';
    const text = el.children('link').first().text().trim();
    if (text) return text;
    const guid = el.children('guid').first();
    return guid.attr('isPermaLink') !== 'false' ? guid.text().trim() : '';
  };
  // Atom's addresses are relative to their `xml:base` (the feed's, an entry's, a link's own: XML Base, each against
  // the one around it), else to the feed's address: a site feed's `xxgk/ndbg/4412.jhtml` is the site root's.
  const feedBase = xmlBase($('feed').first().attr('xml:base'), feedUrl);
  for (const el of $(atom ? 'entry' : 'item').toArray()) {
    const e = $(el) as unknown as cheerio.Cheerio<never>;
    const entryBase = atom ? xmlBase($(el).attr('xml:base'), feedBase) : feedUrl;
    const url = absolute(linkOf(e), atom ? xmlBase(atomLink(e).attr('xml:base'), entryBase) : feedUrl);
    const title = $(el).children('title').first().text().replace(/\s+/g, ' ').trim();
    if (!url || !title) continue;
    const date = dayOf($(el).children(atom ? 'published' : 'pubDate').first().text() || $(el).children('updated').first().text() || $(el).children('dc\\:date').first().text());
    items.push({ title, url, date });
  }
  const channelEl = (atom ? $('feed').first() : $('channel').first()) as unknown as cheerio.Cheerio<never>;
  const channelHref = channelEl.length ? linkOf(channelEl) : '';
  const channel = channelHref ? absolute(channelHref, atom ? feedBase : feedUrl) : null;
  const name = (atom ? $('feed > title') : $('channel > title')).first().text().trim();
  const lis = items.map((i) => `<li><a href="${escapeAttr(i.url)}">${escapeAttr(i.title)}</a> <span>${i.date}</span></li>`).join('\n');
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeAttr(name)}</title></head><body><ul class="feed">\n${lis}\n</ul></body></html>`;
  return { html, channel: channel && channel !== feedUrl ? channel : null };
}
