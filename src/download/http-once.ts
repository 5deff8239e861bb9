/**
 * One HTTP exchange on node:http(s): no redirects followed, bodies decompressed, truncation detected (fewer bytes
 * than Content-Length, or a connection cut mid-body) and reported as an error on the body stream.
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { decodersFor } from './content-codings.ts';
import { mendingConnection } from './mended-headers.ts';
import { endsDocument, endsFile, keepTail, mayEndWhole, uncoded } from './whole-document.ts';
import { FetchError } from '../errors.ts';

export interface OnceRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  timeoutMs: number;
  /** Accept broken or self-signed certificates (common on government hosts). */
  insecureTls: boolean;
}

export interface OnceResponse {
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  /** Declared length of the (encoded) body, when given. */
  contentLength: number | null;
  body: Readable;
  /** Lets the whole exchange last `totalMs` from its start instead of the request's limit (a page request answered
   * by a document, read under the download timeout: document-spool.ts). */
  allowUpTo?: (totalMs: number) => void;
}

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64, rejectUnauthorized: false }),
  httpsStrict: new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * Hosts that answered with both `Transfer-Encoding: chunked` and a `Content-Length` (an old FastCGI behind IIS, a
 * proxy adding the length): node's strict parser refuses the pair, browsers read the chunks (RFC 9112 §6.3: the
 * transfer coding wins and the length is ignored); or whose header lines end in a bare LF (an old load balancer's
 * own lines among the server's CRLF ones, round 58d), which browsers read and RFC 9112 §2.2 lets a recipient accept.
 * Once a host answered so, its answers are parsed leniently.
 */
const lenientHosts = new Set<string>();
/** llhttp's codes for an answer framed both ways (node 20 says one or the other, by which header came first), and
 * for a header line ended by LF alone. */
const LENIENT_ONLY = new Set(['HPE_UNEXPECTED_CONTENT_LENGTH', 'HPE_INVALID_TRANSFER_ENCODING', 'HPE_CR_EXPECTED', 'HPE_LF_EXPECTED']);
/**
 * llhttp's code for a chunk size it will not read strictly: padded with spaces (`1000  `, a load balancer re-chunking
 * pages, round 69d; Chromium strips the padding, undici#2678 met it on a Fortinet portal). Met in the body, after the
 * answer's head was taken: the request fails (truncated) and its retry is read leniently.
 */
const LENIENT_BODY = 'HPE_INVALID_CHUNK_SIZE';
/**
 * node 20's words for a length beside `Transfer-Encoding: identity` (an old Java server's HTTP/1.0 answers, round 64d:
 * nodejs/node#37580), the same framing question by another code; a length that is no number is mended away (below).
 */
function framedBothWays(e: Error): boolean {
  return (e as NodeJS.ErrnoException).code === 'HPE_INVALID_CONTENT_LENGTH' && /Transfer-Encoding/i.test(e.message);
}

/** A `Content-Length` that is no count (`-1`): node refuses it in its lenient mode too; a mended connection drops it. */
function lengthNoCount(e: Error): boolean {
  return (e as NodeJS.ErrnoException).code === 'HPE_INVALID_CONTENT_LENGTH' && !framedBothWays(e);
}

/** Hosts whose answers repeated a header line word for word (two `Content-Length: 5`), or held a line no parser
 * reads (a space before a colon, a line without one): asked over a connection whose answer is mended before node
 * parses it (mended-headers.ts), one answer a connection. */
const mendedHosts = new Set<string>();
const DUPLICATE_LENGTH = /Duplicate Content-Length/i;
const INVALID_HEADER = 'HPE_INVALID_HEADER_TOKEN';

/** The largest header block read (Chromium's limit); node's default, 16 KiB, refuses what browsers read. */
const MAX_HEADER_BYTES = 256 * 1024;

export function httpOnce(req: OnceRequest): Promise<OnceResponse> {
  const u = new URL(req.url);
  const lenient = lenientHosts.has(u.host);
  const mended = mendedHosts.has(u.host);
  const isHttps = u.protocol === 'https:';
  const lib = isHttps ? https : http;
  const agent = isHttps ? (req.insecureTls ? agents.https : agents.httpsStrict) : agents.http;
  return new Promise<OnceResponse>((resolve, reject) => {
    let settled = false;
    let bodyStream: Readable | null = null;
    const started = Date.now();
    let limitMs = req.timeoutMs;
    let done = false;
    // One limit for the whole exchange, body included: a server that drips a byte a second, or a chunked body that
    // never ends, is cut here with a `timeout` (not a truncation).
    const expire = () => {
      const err = new FetchError(
        bodyStream ? `response body not complete after ${limitMs} ms` : `timed out after ${limitMs} ms`,
        req.url,
        'timeout',
      );
      bodyStream?.destroy(err);
      r.destroy(err);
      if (!settled) {
        settled = true;
        reject(err);
      }
    };
    let timer = setTimeout(expire, limitMs);
    const allowUpTo = (totalMs: number) => {
      if (done || totalMs <= limitMs) return;
      limitMs = totalMs;
      clearTimeout(timer);
      timer = setTimeout(expire, Math.max(0, started + totalMs - Date.now()));
    };
    const stop = () => {
      done = true;
      clearTimeout(timer);
    };
    const r = lib.request(
      u,
      {
        method: req.method,
        ...(mended ? { headers: { ...req.headers, connection: 'close' }, createConnection: mendingConnection(u, req.insecureTls) } : { headers: req.headers, agent }),
        ...(lenient ? { insecureHTTPParser: true } : {}),
        // A header block over node's 16 KiB (a platform's shared Content-Security-Policy naming hundreds of its sites,
        // round 50d) is read as a browser reads it: Chromium allows 256 KiB.
        maxHeaderSize: MAX_HEADER_BYTES,
      },
      (res) => {
        settled = true;
        // A chunked body's Content-Length means nothing (RFC 9112 §6.3): it is no count to check the body against.
        const chunked = /chunked/i.test(String(res.headers['transfer-encoding'] ?? ''));
        const declared = chunked ? undefined : res.headers['content-length'];
        const contentLength = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : null;
        let received = 0;
        // A page shorter than its Content-Length that ends its document is whole (whole-document.ts): the length
        // was counted wrong, and the connection's close ends the body.
        const wholeIfShort = contentLength !== null && mayEndWhole(res.headers['content-type'], res.headers['content-encoding']);
        // A chunked answer closed without its last chunk whose bytes end the file is whole (whole-document.ts endsFile).
        const wholeIfUnended = chunked && req.method !== 'HEAD' && uncoded(res.headers['content-encoding']);
        let tail: Buffer = Buffer.alloc(0);
        let endedWhole = false;
        // A chunked answer cut off, its bytes all passed on: the counter's flush tells a file that ended from one cut.
        let unended: FetchError | null = null;
        // The last bytes are kept as the counter passes them on: a second 'data' listener on the response would make
        // it flow past the consumer's back-pressure and past a consumer that stopped reading (a page over the size cap
        // then ran into the exchange's timeout instead of failing as too large: faults/hostile).
        const counter = new Transform({
          transform(chunk: Buffer, _e, done) {
            received += chunk.length;
            if (wholeIfShort || wholeIfUnended) tail = keepTail(tail, chunk);
            done(null, chunk);
          },
          flush(done) {
            if (unended && !endsFile(tail)) return done(unended);
            if (contentLength !== null && received < contentLength && req.method !== 'HEAD' && !endedWhole) {
              done(new FetchError(`truncated: ${received} of ${contentLength} bytes`, req.url, 'truncated'));
            } else done();
          },
        });
        // The body may be cut before its consumer has attached (it awaits other things first): without a listener
        // that error would be thrown as an unhandled 'error' event and kill the process. The stream keeps the
        // error (readable.errored), so the consumer's pipeline or for-await still sees it.
        counter.on('error', () => undefined);
        bodyStream = counter;
        const cut = (err: FetchError) => {
          if (endedWhole || unended) return;
          // The bytes still in the response's buffer have not reached the counter: its length is counted with them.
          if (wholeIfShort && received + res.readableLength < contentLength! && res.readableLength === 0 && endsDocument(tail)) {
            endedWhole = true;
            counter.end();
            return;
          }
          if (wholeIfUnended) {
            // The bytes still buffered in the response (a slow consumer holds them back) are dropped when it is
            // destroyed: read out now, each passes to the counter through the pipe, then the counter ends.
            while (res.read() !== null);
            unended = err;
            counter.end();
            return;
          }
          counter.destroy(err);
        };
        res.on('aborted', () => cut(new FetchError('connection cut mid-body', req.url, 'truncated')));
        res.on('error', (e) => cut(new FetchError(`body: ${e.message}`, req.url, 'truncated', undefined, { cause: e })));
        res.pipe(counter);
        const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
        // Every coding the header lists, undone last first (content-codings.ts): `gzip, gzip` from a CDN over an origin.
        const decoders = decodersFor(res.headers['content-encoding']) ?? [];
        let body: Readable = counter;
        if (decoders.length) {
          const out = new PassThrough();
          out.on('error', () => undefined); // as for counter above
          counter.on('error', (e) => out.destroy(e));
          let piped: Readable = counter;
          for (const decoder of decoders) {
            decoder.on('error', (e) => out.destroy(new FetchError(`bad ${encoding} body: ${e.message}`, req.url, 'truncated')));
            piped = piped.pipe(decoder);
          }
          piped.pipe(out);
          body = out;
        }
        body.on('close', stop);
        body.on('end', stop);
        resolve({ url: req.url, status: res.statusCode ?? 0, headers: withLastContentType(res), contentLength, body, allowUpTo });
      },
    );
    r.on('error', (e) => {
      stop();
      // A parse error met in the body (after the head was taken) reaches the request, not the answer.
      if (!lenient && (e as NodeJS.ErrnoException).code === LENIENT_BODY) lenientHosts.add(u.host);
      if (settled) return;
      settled = true;
      // A header line repeated word for word (two identical lengths), or one no parser reads: asked once more over a
      // mended connection, and so from now on for this host.
      if (!mended && (DUPLICATE_LENGTH.test(e.message) || (e as NodeJS.ErrnoException).code === INVALID_HEADER || lengthNoCount(e))) {
        mendedHosts.add(u.host);
        resolve(httpOnce(req));
        return;
      }
      // Framed both ways, or lines ended by LF alone: asked once more, read as a browser reads it (the chunks; the
      // lines), and so from now on for this host.
      if (!lenient && (LENIENT_ONLY.has((e as NodeJS.ErrnoException).code ?? '') || framedBothWays(e))) {
        lenientHosts.add(u.host);
        resolve(httpOnce(req));
        return;
      }
      reject(e instanceof FetchError ? e : new FetchError(`network: ${e.message}`, req.url, 'network', undefined, { cause: e }));
    });
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/**
 * The answer's headers with its Content-Type as a browser takes it when the line comes twice (a platform's stale
 * `text/html;charset=GBK`, then the `text/html; charset=utf-8` nginx's add_header appends, round 69d): the last one
 * (the Fetch standard's "extract a MIME type" lets the last valid type win). node keeps the first.
 */
function withLastContentType(res: http.IncomingMessage): http.IncomingHttpHeaders {
  let last: string | undefined;
  let count = 0;
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    if (res.rawHeaders[i]!.toLowerCase() !== 'content-type') continue;
    count += 1;
    if (/^\s*[\w.+-]+\/[\w.+-]+/.test(res.rawHeaders[i + 1]!)) last = res.rawHeaders[i + 1];
  }
  return count > 1 && last !== undefined ? { ...res.headers, 'content-type': last } : res.headers;
}
