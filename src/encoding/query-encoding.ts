/**
 * A link's query in the page's own encoding, as a browser sends it. The URL standard encodes a special URL's query
 * in the DOCUMENT's encoding: on a GBK page, `DownLoad.asp?FileName=UploadFiles/年度报告.doc` goes out as
 * `?FileName=UploadFiles/%C4%EA%B6%C8…`, and an old ASP/JSP page on code page 936 finds its file only by those bytes
 * (the UTF-8 form answers its "文件不存在" page). `new URL()` always encodes UTF-8; this re-encodes a raw query's
 * non-ASCII characters in the page's encoding. Paths and fragments stay UTF-8, as in a browser.
 *
 * Node can decode the legacy encodings (TextDecoder) but not encode them, so each double-byte encoding's table is
 * built once by decoding every two-byte sequence; a character outside it (GB18030's four-byte ones) is written as
 * the standard does for an unencodable character: `&#N;`, percent-encoded.
 */

const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
const tables = new Map<string, Map<string, number[]> | null>();

/** Character → bytes for a double-byte encoding (gb18030, gbk, big5, shift_jis, euc-kr…); null when Node has no decoder. */
function tableOf(encoding: string): Map<string, number[]> | null {
  const key = encoding.toLowerCase();
  if (tables.has(key)) return tables.get(key)!;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(key, { fatal: true });
  } catch {
    tables.set(key, null);
    return null;
  }
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      let ch: string;
      try {
        ch = decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        continue;
      }
      // One character, not a replacement, and the first sequence found for it (the encoder's choice).
      if ([...ch].length === 1 && ch.codePointAt(0)! > 0x7f && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  tables.set(key, map);
  return map;
}

const hex = (b: number) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * The query (without `?`) as a browser on a page in `encoding` puts it on the wire: non-ASCII characters as their
 * bytes in that encoding, percent-encoded; ASCII left to the URL parser. Null when there is nothing to do (a UTF-8
 * page, no non-ASCII character, an encoding Node cannot decode).
 */
export function queryInEncoding(query: string, encoding: string | null | undefined): string | null {
  if (!encoding || UTF8.has(encoding.toLowerCase()) || !/[^\x00-\x7f]/.test(query)) return null;
  const table = tableOf(encoding);
  if (!table) return null;
  let out = '';
  for (const ch of query) {
    if (ch.codePointAt(0)! <= 0x7f) out += ch;
    else {
      const bytes = table.get(ch);
      out += bytes ? bytes.map(hex).join('') : encodeURIComponent(`&#${ch.codePointAt(0)};`);
    }
  }
  return out;
}
