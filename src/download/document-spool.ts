/**
 * A page request answered by a document (a report link whose address names no file, `/content/8812` or
 * `show.jsp?id=…`, answering the PDF itself; a seed that is the PDF): its bytes are streamed to a temp file as they
 * arrive, capped at the file size limit rather than the page's, and the crawl is handed their first bytes to tell what
 * it is. The downloader then takes the file from here instead of asking the server again (downloader.ts), so a
 * document is fetched once, and one larger than a page may be (a scanned report over 8 MiB) is not lost as too large.
 *
 * Only answers whose Content-Type does not say markup are looked at (one chunk peeked for a document's signature),
 * so an ordinary page costs nothing more.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FetchError, sinkErrorOf } from '../errors.ts';
import type { FetchResponse } from './fetcher.ts';
import { peekBody } from './peek-body.ts';

/** A document answered to a page request, waiting in a temp file for the downloader. */
export interface SpooledDocument {
  /** The address asked, and the one that answered (after redirects). */
  requestUrl: string;
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  size: number;
  /** Its first bytes, handed to the crawl in place of the page. */
  head: Buffer;
  tmp: string;
}

/** Content-Types a page is written in: never peeked. */
const MARKUP_TYPE = /html|xml|json|javascript|ecmascript|^text\//i;
/** Bytes of the head handed to the crawl (enough to sniff any signature the crawl looks for). */
const HEAD_BYTES = 64 * 1024;
/** Spooled documents not taken yet, by count and bytes: the oldest is dropped past either (a document asked as a page
 * and never as a file; the crawl asks for the file next, so few wait at once). */
const KEPT = 64;
const KEPT_BYTES = 512 * 1024 * 1024;

/** True for the first bytes of a PDF, an Office or OFD container (ZIP, OLE) or a scanned page (JPEG, PNG, TIFF). */
export function startsLikeDocument(b: Buffer): boolean {
  if (b.subarray(0, 1024).includes('%PDF-')) return true;
  const at = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  return (
    at(0x50, 0x4b, 0x03, 0x04) ||
    at(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1) ||
    at(0xff, 0xd8, 0xff) ||
    at(0x89, 0x50, 0x4e, 0x47) ||
    at(0x49, 0x49, 0x2a, 0x00) ||
    at(0x4d, 0x4d, 0x00, 0x2a)
  );
}

/** What the spool (and the downloader) read of an answer: the fetcher's, or a spooled document's. */
export type SpoolAnswer = Pick<FetchResponse, 'url' | 'status' | 'headers' | 'contentLength' | 'body' | 'allowUpTo'>;

export class DocumentSpool {
  private readonly kept = new Map<string, SpooledDocument>();

  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
    /** A document's exchange may last as long as a file download's (a page's limit would cut a large scan). */
    private readonly timeoutMs: number,
  ) {}

  /**
   * The answer spooled when it is a document (2xx, a document's first bytes); otherwise its body to read as a page
   * (the peeked bytes given back in front of the rest).
   */
  async divert(requestUrl: string, res: SpoolAnswer): Promise<{ spooled: SpooledDocument } | { body: Readable }> {
    const type = first(res.headers['content-type']) ?? '';
    if (res.status < 200 || res.status >= 300 || MARKUP_TYPE.test(type)) return { body: res.body };
    // A signature needs a few bytes; a PDF's may sit after a short preamble (sniff.ts looks within 1024).
    const peeked = await peekBody(res.body, 1024);
    if (!startsLikeDocument(peeked.head)) return { body: peeked.body };
    res.allowUpTo?.(this.timeoutMs);
    return { spooled: await this.spool(requestUrl, res, peeked.body) };
  }

  private async spool(requestUrl: string, res: Omit<SpoolAnswer, 'body'>, body: Readable): Promise<SpooledDocument> {
    if (res.contentLength !== null && res.contentLength > this.maxBytes) {
      body.destroy();
      throw new FetchError(`announced ${res.contentLength} bytes, over the ${this.maxBytes}-byte cap`, res.url, 'too_large', res.status);
    }
    // Made each time: a run's start sweeps the storage's temp folder (documents answered to pages are few).
    await mkdir(this.dir, { recursive: true }).catch((err: unknown) => {
      throw sinkErrorOf(err, this.dir) ?? err;
    });
    const tmp = path.join(this.dir, `${randomUUID()}.spool`);
    const heads: Buffer[] = [];
    let size = 0;
    const max = this.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        if (size < HEAD_BYTES) heads.push(chunk.subarray(0, HEAD_BYTES - size));
        size += chunk.length;
        done(size > max ? new FetchError(`larger than the ${max}-byte cap`, res.url, 'too_large', res.status) : null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(tmp));
      if (!res.headers['content-encoding'] && res.contentLength !== null && size < res.contentLength) {
        throw new FetchError(`truncated: ${size} of ${res.contentLength} bytes`, res.url, 'truncated', res.status);
      }
    } catch (err) {
      await rm(tmp, { force: true });
      if (err instanceof FetchError) throw err;
      const sink = sinkErrorOf(err, tmp);
      if (sink) throw sink;
      throw new FetchError(`transfer failed: ${(err as Error).message}`, res.url, 'truncated', res.status, { cause: err });
    }
    const doc: SpooledDocument = { requestUrl, url: res.url, status: res.status, headers: res.headers, size, head: Buffer.concat(heads), tmp };
    this.keep(doc);
    return doc;
  }

  /** A document read whole as a page (its Content-Type said markup): kept as if spooled. */
  async keepBytes(requestUrl: string, res: Omit<SpoolAnswer, 'body'>, bytes: Buffer): Promise<SpooledDocument> {
    return this.spool(requestUrl, res, Readable.from([bytes], { objectMode: false }));
  }

  private keep(doc: SpooledDocument): void {
    for (const key of new Set([doc.requestUrl, doc.url])) {
      const old = this.kept.get(key);
      if (old && old !== doc) this.drop(old);
      this.kept.set(key, doc);
    }
    for (;;) {
      const docs = new Set(this.kept.values());
      let bytes = 0;
      for (const d of docs) bytes += d.size;
      if (docs.size <= KEPT && bytes <= KEPT_BYTES) return;
      this.drop(this.kept.values().next().value!);
    }
  }

  private drop(doc: SpooledDocument): void {
    for (const [k, d] of this.kept) if (d === doc) this.kept.delete(k);
    void rm(doc.tmp, { force: true });
  }

  /** The document a page request to `url` (asked or answering) was answered with, taken once: its bytes and headers. */
  take(url: string): (SpooledDocument & { body: () => Readable; release: () => Promise<void> }) | undefined {
    const doc = this.kept.get(url);
    if (!doc) return undefined;
    for (const [k, d] of this.kept) if (d === doc) this.kept.delete(k);
    return { ...doc, body: () => createReadStream(doc.tmp), release: () => rm(doc.tmp, { force: true }) };
  }

  /** The bytes of the document a page request to `url` was answered with, not taking it; undefined past `maxBytes`. */
  async read(url: string, maxBytes: number): Promise<Buffer | undefined> {
    const doc = this.kept.get(url);
    if (!doc || doc.size > maxBytes) return undefined;
    return readFile(doc.tmp).catch(() => undefined);
  }

  /** Removes the documents nobody took and the spool's folder (the run's end). */
  async close(): Promise<void> {
    this.kept.clear();
    await rm(this.dir, { recursive: true, force: true });
  }
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
