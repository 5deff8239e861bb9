/**
 * Decodes an HTML (or XML) page from its bytes: the pages the crawler reads and the HTML documents the extractor
 * reads. Order: BOM, HTTP charset (unless the page proves it wrong: headerContradicted), <meta>/XML-declaration
 * prescan of the first bytes, a strict UTF-8 test, then detection. GB2312 and GBK are decoded as GB18030 (a superset: pages
 * that say gb2312 often hold GBK-only characters). Crawlee 3.18 reads only the header charset, hence this module.
 */
import jschardet from 'jschardet';

export interface DecodedText {
  text: string;
  /** The encoding used, as a WHATWG label (utf-8, gb18030, …). */
  encoding: string;
  /** Where the encoding came from. */
  source: 'bom' | 'header' | 'meta' | 'utf8-valid' | 'detected' | 'default';
}

/** Maps a declared label to the decoder actually used. */
export function normaliseCharset(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!l) return null;
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'zh_cn', 'euc-cn', 'csgb2312', 'chinese', 'gb_2312-80', 'iso-ir-58'].includes(l)) {
    return 'gb18030';
  }
  if (l === 'utf8') return 'utf-8';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

export function charsetFromContentType(contentType: string | undefined | null): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1] ? normaliseCharset(m[1]) : null;
}

/** The HTML "prescan": a charset declared in <meta charset>, <meta http-equiv content=…> or <?xml encoding=…?>. */
export function charsetFromMarkup(head: string): string | null {
  const patterns = [
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i, // <meta charset=…> and http-equiv content="…; charset=…"
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i,
  ];
  for (const re of patterns) {
    const m = re.exec(head);
    if (m?.[1]) {
      const cs = normaliseCharset(m[1]);
      if (cs) return cs;
    }
  }
  return null;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

const PRESCAN_BYTES = 4096;

/**
 * Whether a header charset is proven wrong by the page: servers stamp a charset on files they never read (nginx's
 * `charset utf-8;` over a GBK site, Tomcat's ISO-8859-1 default), and the page's own `<meta>` says otherwise. Two
 * cases, where the header cannot be what the author wrote: a UTF-8 header over bytes that are not UTF-8, and a
 * Latin-1 header (windows-1252, as WHATWG reads ISO-8859-1) beside a meta naming another charset (no Chinese
 * government page is Latin-1). Then the meta decides, as it would with no header. A header merely differing from
 * the meta over bytes it decodes cleanly still wins, as in browsers.
 */
function headerContradicted(bytes: Uint8Array, header: string, meta: string | null): boolean {
  if (!meta || meta === header) return false;
  if (header === 'windows-1252') return true;
  if (header !== 'utf-8') return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

/**
 * A UTF-8 page holding stretches of GBK bytes (a server-side include written in the site's old encoding: nginx SSI,
 * a JSP include, round 48d), decoded as a reader would want it: each stretch between markup delimiters (`<`, `>`:
 * no GBK byte is one) that is not UTF-8 is decoded as GB18030 when it is that. Null when some stretch is neither (the
 * page is then decoded as UTF-8, its bad bytes replaced, as before). Written by hand: decoders take one encoding a
 * document.
 */
function utf8WithGbkStretches(bytes: Uint8Array): string | null {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const gbk = new TextDecoder('gb18030', { fatal: true });
  const parts: string[] = [];
  let start = 0;
  let repaired = false;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x3c && bytes[i] !== 0x3e) continue;
    const stretch = bytes.subarray(start, i);
    try {
      parts.push(utf8.decode(stretch));
    } catch {
      try {
        parts.push(gbk.decode(stretch));
        repaired = true;
      } catch {
        return null;
      }
    }
    if (i < bytes.length) parts.push(bytes[i] === 0x3c ? '<' : '>');
    start = i + 1;
  }
  return repaired ? parts.join('') : null;
}

/** Decodes with `encoding`; a UTF-8 decoding that met bytes that are not UTF-8 tries GBK stretches first. */
function decodeAs(bytes: Uint8Array, encoding: string): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== 'utf-8' || !text.includes('\uFFFD')) return text;
  return utf8WithGbkStretches(bytes) ?? text;
}

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding, source: 'bom' };
  // latin1 keeps every byte as one char, so ASCII markup can be scanned whatever the real encoding is.
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const meta = charsetFromMarkup(head);
  const header = charsetFromContentType(contentType);
  if (header && !headerContradicted(bytes, header, meta)) return { text: decodeAs(bytes, header), encoding: header, source: 'header' };
  if (meta) return { text: decodeAs(bytes, meta), encoding: meta, source: 'meta' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', source: 'utf8-valid' };
  } catch {
    // Not UTF-8. On these portals that means a Chinese legacy encoding. Short GBK snippets fool detectors
    // (jschardet calls six GBK bytes KOI8-R), so the detector only decides between the Chinese encodings:
    // Big5 when it is sure (traditional-character pages), GB18030 otherwise.
  }
  const guess = jschardet.detect(Buffer.from(bytes.subarray(0, 64 * 1024)));
  const encoding = guess.encoding?.toLowerCase() === 'big5' && guess.confidence >= 0.9 ? 'big5' : 'gb18030';
  return { text: new TextDecoder(encoding).decode(bytes), encoding, source: 'detected' };
}
