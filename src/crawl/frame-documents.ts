/**
 * A list written into its page as a frame's document (`<iframe srcdoc="<ul><li><a …>…</ul>">`: a template's list
 * widget keeping its styles apart from the portal's, round 64a). A browser draws the frame from the attribute, at the
 * page's own address; a parser of the page sees only an attribute's text. The frame's body is placed after the
 * frame, so every family's parser reads its links as the page's, resolved against the page's address as the frame's
 * are. Its head (a `<base target="_parent">`, styles) is left out.
 */
import { attributesOf } from './script-links.ts';

/** An `<iframe …>…</iframe>` element whose start tag has a `srcdoc` (quoted values may hold `>`). */
const SRCDOC_FRAME = /<iframe\b((?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>([\s\S]*?)<\/iframe\s*>/gi;
const BODY = /<body\b[^>]*>([\s\S]*?)(?:<\/body\s*>|$)/i;

/** The page with each srcdoc frame's body written after the frame. */
export function withFrameDocuments(html: string): string {
  if (!/<iframe\b[^>]*?\ssrcdoc\s*=/i.test(html)) return html;
  return html.replace(SRCDOC_FRAME, (frame: string, attrs: string) => {
    const doc = attributesOf(attrs).srcdoc;
    if (!doc) return frame;
    const body = BODY.exec(doc)?.[1] ?? doc.replace(/<head\b[\s\S]*?<\/head\s*>/i, '');
    return `${frame}<div data-frame-document="srcdoc">${body}</div>`;
  });
}
