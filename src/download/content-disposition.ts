/**
 * The file name in a Content-Disposition header. Hand-written because the common library (content-disposition)
 * rejects what these servers send: besides RFC 6266/5987 `filename*=UTF-8''…`, Hanweb and old Java servers put
 * raw GBK (or UTF-8) bytes or %-escapes inside `filename="…"`. Node hands header bytes over as latin1, so the
 * bytes are recovered and decoded as UTF-8 when valid, GB18030 otherwise.
 */
export function fileNameFromContentDisposition(header: string | string[] | undefined): string | null {
  const h = Array.isArray(header) ? header[0] : header;
  if (!h) return null;
  const star = /filename\*\s*=\s*([\w!#$&+.^`|~-]+)'[\w-]*'([^;]+)/i.exec(h);
  if (star?.[1] && star[2]) {
    const name = decodePercent(star[2].trim().replace(/^"|"$/g, ''), star[1]);
    if (name) return clean(name);
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(h);
  const raw = plain?.[1] ?? plain?.[2]?.trim();
  if (!raw) return null;
  const bytes = Buffer.from(raw.replace(/\\(.)/g, '$1'), 'latin1');
  let name: string;
  try {
    name = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    name = new TextDecoder('gb18030').decode(bytes);
  }
  // Java mail's MimeUtility (and old mail-minded servlets) write RFC 2047 encoded words inside the quotes.
  if (name.includes('=?')) name = decodeEncodedWords(name);
  // A name escaped as a form value (java.net.URLEncoder: a space as +, a real + as %2B).
  else if (/%[0-9a-f]{2}/i.test(name)) {
    const form = name.replace(/\+/g, ' ');
    name = decodePercent(form, 'utf-8') ?? decodePercent(form, 'gb18030') ?? name;
  }
  return clean(name);
}

const ENCODED_WORD = /=\?([\w.:-]+)(?:\*[\w-]+)?\?([bq])\?([^?\s]*)\?=/gi;

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?GBK?Q?…?=`) decoded; the blanks between two words dropped, as the RFC
 * says. A word whose charset is unknown is left as it came. */
function decodeEncodedWords(text: string): string {
  const joined = text.replace(/(\?=)\s+(?==\?)/g, '$1');
  return joined.replace(ENCODED_WORD, (word, charset: string, coding: string, data: string) => {
    const bytes =
      coding.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    try {
      return new TextDecoder(/^gb/i.test(charset) ? 'gb18030' : charset.toLowerCase(), { fatal: true }).decode(bytes);
    } catch {
      return word;
    }
  });
}

function decodePercent(value: string, charset: string): string | null {
  try {
    const bytes: number[] = [];
    for (let i = 0; i < value.length; i++) {
      const c = value[i]!;
      if (c === '%' && /^[0-9a-f]{2}$/i.test(value.slice(i + 1, i + 3))) {
        bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(...Buffer.from(c, 'utf8'));
    }
    const label = charset.toLowerCase() === 'utf-8' || charset.toLowerCase() === 'utf8' ? 'utf-8' : 'gb18030';
    return new TextDecoder(label, { fatal: label === 'utf-8' }).decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

function clean(name: string): string | null {
  const base = name.replace(/^.*[\\/]/, '').trim();
  return base || null;
}
