/**
 * A page whose transfer ends short of its `Content-Length` but whose bytes end the document is the whole page: the
 * length was counted on other bytes than those sent (a servlet counting the page's UTF-8 bytes and writing it in GBK,
 * a filter shrinking the body after the length was set), and the server then closed the connection. Browsers render
 * such a page as it came; read as a truncation, every page of such a host was asked four times and failed.
 *
 * Only an uncompressed HTML answer (typed HTML or untyped) whose last bytes, whitespace aside, are `</html>` is
 * taken so: a document cut anywhere before its end still fails as truncated, and files (a cut PDF) always do.
 */

/** How many of the last bytes received are kept to look for the end tag. */
export const TAIL_BYTES = 64;

const END_TAG = /<\/html\s*>\s*$/i;

export function mayEndWhole(contentType: string | string[] | undefined, contentEncoding: string | string[] | undefined): boolean {
  const encoding = String((Array.isArray(contentEncoding) ? contentEncoding[0] : contentEncoding) ?? '').trim().toLowerCase();
  if (encoding && encoding !== 'identity') return false;
  return typedAsPage(contentType);
}

/** An answer typed as an HTML page, or not typed at all (what a browser renders as a page). */
export function typedAsPage(contentType: string | string[] | undefined): boolean {
  const type = String((Array.isArray(contentType) ? contentType[0] : contentType) ?? '').toLowerCase();
  return type === '' || /^(text\/html|application\/xhtml\+xml)\b/.test(type);
}

/** Whether the last bytes received end an HTML document (its `</html>`, then whitespace only). */
export function endsDocument(tail: Buffer): boolean {
  return END_TAG.test(tail.toString('latin1'));
}

/** The last TAIL_BYTES of what was received, with a new chunk. */
export function keepTail(tail: Buffer, chunk: Buffer): Buffer {
  const joined = Buffer.concat([tail, chunk.subarray(-TAIL_BYTES)]);
  return joined.length <= TAIL_BYTES ? joined : Buffer.from(joined.subarray(-TAIL_BYTES));
}

/**
 * A chunked answer has no length to fall short of: its end is the last (zero-length) chunk. A server that closes the
 * connection after the last byte of data without writing that chunk (an old servlet container, a proxy closing on
 * the origin's close) sent everything; browsers keep what came (Firefox's framing check is soft by default). So a
 * chunked, uncoded answer cut off is whole when its last bytes end what it holds: an HTML document's `</html>`, a
 * PDF's `%%EOF`, or a ZIP container's end record (DOCX, XLSX, OFD) with no comment after it. Anything else cut off is
 * still a truncation, asked again.
 */
export function endsFile(tail: Buffer): boolean {
  if (endsDocument(tail)) return true;
  if (/%%EOF\s*$/.test(tail.toString('latin1'))) return true;
  // The ZIP end of central directory record: its signature 22 bytes from the end, a comment length of 0.
  return tail.length >= 22 && tail.readUInt32LE(tail.length - 22) === 0x06054b50 && tail.readUInt16LE(tail.length - 2) === 0;
}

/** Whether an answer's coding leaves its bytes as sent (none, or `identity`). */
export function uncoded(contentEncoding: string | string[] | undefined): boolean {
  const encoding = String((Array.isArray(contentEncoding) ? contentEncoding[0] : contentEncoding) ?? '').trim().toLowerCase();
  return !encoding || encoding === 'identity';
}
