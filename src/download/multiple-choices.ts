/**
 * A 300 Multiple Choices answer with no Location (Apache's mod_speling or mod_negotiation: a pager's `list_2` with no
 * extension answered "Available documents: list_2.htm, list_2.html", round 63d) lists its choices as links in its
 * body; a browser shows that page and the reader clicks one. The fetcher takes the first choice on the same host as
 * the answer's Location, so the page is read where a reader lands. An answer naming no such choice is left as it is.
 */

/** How much of a 300 page is read for its choices (Apache's is a few hundred bytes). */
export const CHOICES_PEEK_BYTES = 16 * 1024;

/** `<a href="…">`: the choices of a server-written 300 page are plain links (a regex suffices on such a page). */
const LINK = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** The first same-host link of a 300 page other than the address asked, or null. */
export function firstChoice(body: Buffer, url: string): string | null {
  // The page's markup and its links are ASCII (Apache escapes the rest); latin1 reads any bytes without failing.
  const text = body.toString('latin1');
  const asked = new URL(url);
  for (const m of text.matchAll(LINK)) {
    const href = (m[1] ?? m[2] ?? m[3] ?? '').replace(/&amp;/g, '&').trim();
    if (!href || href.startsWith('#') || /^(?:javascript|mailto):/i.test(href)) continue;
    try {
      const target = new URL(href, url);
      if (/^https?:$/.test(target.protocol) && target.host === asked.host && target.href !== asked.href) return target.href;
    } catch {
      // An address no URL parser reads is no choice.
    }
  }
  return null;
}
