/**
 * A file link answered by a web page standing between the link and its document: a download page ("文件下载：…
 * 点击下载"), a page that sends its reader on by a meta refresh or a script as it loads, or the report's own page
 * with its one attachment where a list linked the file. A browser user clicks through; the crawl reads where the page
 * sends its reader and asks that, once: a document answered by a page again is refused as before.
 */
import { decodeHtml } from '../encoding/decode-html.ts';
import { findAttachments } from './attachments.ts';
import { loadHtml } from './html.ts';
import { redirectTargets } from './redirect-stub.ts';

/**
 * The document a page answered for a file link leads to: where it redirects (one address), else its one document
 * link. A page with several (a column the file's address now redirects to, a site's downloads) is no page in front
 * of one file: nothing is taken, and the link stays a page answered for a file.
 */
export function downloadPageLink(page: { bytes: Buffer; contentType: string | null }, pageUrl: string, asked: string): { url: string; name: string | null } | null {
  const $ = loadHtml(decodeHtml(page.bytes, page.contentType).text);
  const elsewhere = (url: string) => url !== pageUrl && url !== asked;
  const redirects = redirectTargets($, pageUrl).filter(elsewhere);
  if (redirects.length) return redirects.length === 1 ? { url: redirects[0]!, name: null } : null;
  const links = findAttachments($, pageUrl).filter((a) => elsewhere(a.url));
  return links.length === 1 ? links[0]! : null;
}
