/**
 * The decoders a `Content-Encoding` names, in the order they undo it. The header is a list (RFC 9110 §8.4: "the
 * codings applied, in the order they were applied"): an origin that gzips its pages behind a CDN that gzips them again
 * says `gzip, gzip`, and browsers undo both, the last first. Read as one word, such a list matched no coding and the
 * compressed bytes were handed on as the page.
 */
import zlib from 'node:zlib';
import type { Transform } from 'node:stream';
import { createLenientGunzip } from './gunzip-lenient.ts';
import { createEitherInflate } from './inflate-either.ts';
import { createZstdDecompress } from './zstd-decompress.ts';

/** The codings of the header, as applied (first to last); `identity` and empty items dropped. */
export function codingsOf(header: string | string[] | undefined): string[] {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
}

function decoderOf(coding: string): Transform | null {
  // Bytes after the gzip stream ignored, as browsers do (gunzip-lenient.ts).
  if (coding === 'gzip' || coding === 'x-gzip') return createLenientGunzip();
  // zlib-wrapped or raw, as IIS sends it (inflate-either.ts)
  if (coding === 'deflate') return createEitherInflate();
  if (coding === 'br') return zlib.createBrotliDecompress();
  // Sent unasked by some servers (zstd-decompress.ts).
  if (coding === 'zstd') return createZstdDecompress();
  return null;
}

/**
 * The decoders to pipe the body through, first to last (the header's codings reversed); [] for an uncoded body, null
 * when a coding is unknown (the body is then handed on as it came, as before).
 */
export function decodersFor(header: string | string[] | undefined): Transform[] | null {
  const decoders: Transform[] = [];
  for (const coding of codingsOf(header).reverse()) {
    const d = decoderOf(coding);
    if (!d) return null;
    decoders.push(d);
  }
  return decoders;
}
