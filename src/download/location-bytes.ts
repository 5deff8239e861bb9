/**
 * A `Location` header as its bytes say it. Servers write a redirect's address with raw non-ASCII bytes now and then
 * (nginx's `rewrite` to a Chinese file or folder name from its UTF-8 config, an ASP page redirecting in its code
 * page); node hands header values over as latin1, one character per byte, so such an address resolved as latin1
 * text led to a path of mojibake (a 404). Browsers read the bytes as UTF-8 when they are UTF-8, and otherwise send
 * them percent-encoded as they are (what a GBK server expects back); so does this.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function locationFromBytes(raw: string): string {
  if (!/[^\x00-\x7f]/.test(raw)) return raw;
  // Characters past U+00FF cannot be latin1 bytes: a client that decoded them already.
  if (/[^\x00-\xff]/.test(raw)) return raw;
  const bytes = Buffer.from(raw, 'latin1');
  try {
    return UTF8.decode(bytes);
  } catch {
    let out = '';
    for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    return out;
  }
}
