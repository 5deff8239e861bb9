/**
 * The page as the browser drew it, for the parsers. `page.content()` serialises the light DOM only: a list drawn by a
 * web component inside its shadow root (`attachShadow({mode: 'open'})`) is not in it, though a reader sees it. When
 * the page has open shadow roots, each is serialised inside its host element, before the host's own children, so the
 * list parsers read the items (and links) it holds. Closed shadow roots cannot be read by any script, ours included.
 */
import type { Page } from 'playwright';

/**
 * Run in the page, as source text (a function would be rewritten by the TypeScript loader with helpers the page does
 * not have). Null when no element of the document has an open shadow root.
 */
const FLATTEN_SHADOW_ROOTS = `(() => {
  if (![...document.querySelectorAll('*')].some((el) => el.shadowRoot)) return null;
  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  const RAW = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);
  const text = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\\u00a0/g, '&nbsp;');
  const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\\u00a0/g, '&nbsp;');
  const out = [];
  const walk = (n, raw) => {
    if (n.nodeType === 3) return void out.push(raw ? n.data : text(n.data));
    if (n.nodeType === 8) return void out.push('<!--' + n.data + '-->');
    if (n.nodeType !== 1) return;
    const tag = n.localName;
    out.push('<' + tag);
    for (const a of n.attributes) out.push(' ' + a.name + '="' + attr(a.value) + '"');
    out.push('>');
    if (VOID.has(tag)) return;
    if (n.shadowRoot) for (const c of n.shadowRoot.childNodes) walk(c, false);
    for (const c of (tag === 'template' ? n.content : n).childNodes) walk(c, RAW.has(tag));
    out.push('</' + tag + '>');
  };
  walk(document.documentElement, false);
  return '<!DOCTYPE html>' + out.join('');
})()`;

/** The rendered page's HTML, open shadow roots included (see above). */
export async function renderedDocument(page: Page): Promise<string> {
  const flat = await page.evaluate<string | null>(FLATTEN_SHADOW_ROOTS).catch(() => null);
  return flat ?? (await page.content());
}
