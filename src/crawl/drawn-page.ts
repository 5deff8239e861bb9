/**
 * What to store for a page the browser rendered. Its bytes as served are kept (encoding, markup as published),
 * except when they are only a shell that a script fills from an API (`detail.html?id=N`): then the page as the
 * browser drew it is the report, stored as UTF-8 with its charset declaration saying so.
 */
import type { RawPage } from '../download/crawlee-http-client.ts';
import { decodeHtml } from '../encoding/decode-html.ts';
import { isShell } from './families/detect.ts';
import type { PageVisit } from './page-visit.ts';

const META_CHARSET = /<meta\b[^>]*\bcharset\s*=\s*["']?[\w-]+["']?[^>]*>/gi;

/** The drawn page's bytes when the served ones are a shell the script filled; null to keep the served bytes. */
export function drawnPageBytes(visit: PageVisit, raw: RawPage | undefined): Buffer | null {
  if (!visit.rendered || !raw || isShell(visit.body)) return null;
  if (!isShell(decodeHtml(raw.bytes, raw.contentType).text)) return null;
  const html = visit.body.replace(META_CHARSET, '');
  const withCharset = /<head\b[^>]*>/i.test(html) ? html.replace(/<head\b[^>]*>/i, (head) => `${head}<meta charset="utf-8">`) : `<meta charset="utf-8">${html}`;
  return Buffer.from(withCharset, 'utf8');
}
