/**
 * Answers whose header block node's parser (llhttp) refuses, in its lenient mode too, while browsers read them; for a
 * host that answered so, the request goes over a socket wrapped here: the answer's header block is read first and
 * mended as Chromium reads it, then everything passes through untouched.
 * - A line repeating an earlier one word for word (`Content-Length: 5` twice: an IIS 6 behind a Squid adding its own
 *   copy, round 47d; "Duplicate Content-Length"): dropped (RFC 9110 §8.6 lets a recipient take identical copies as
 *   one). Copies that differ (two lengths) are left as sent, and refused by the parser as before.
 * - A name followed by spaces before its colon (`X-Frame-Options : SAMEORIGIN`, typed into a Java filter, round 62d;
 *   "Invalid header token"): the name is read without them.
 * - A line with no colon (a file name RFC 2047-encoded by `sun.misc.BASE64Encoder`, which breaks its output with CRLF
 *   every 76 characters, round 62d): a line opening with a space or tab continues the one above (obs-fold, RFC 9112
 *   §5.2), any other is dropped, as Chromium drops it.
 * - A `Content-Length` that is no count (`-1`, round 68d; "Invalid character in Content-Length"): dropped, the body
 *   read to the connection's close (the mended connection carries one answer).
 * Written by hand: no HTTP client on npm reads such answers (undici and node:http share llhttp), and the fix is to
 * the bytes, before any parser sees them.
 */
import net from 'node:net';
import tls from 'node:tls';
import { Duplex } from 'node:stream';

/** A header block longer than this is passed on as it is (the parser then says what is wrong with it). */
const MAX_HEAD = 64 * 1024;
const END = Buffer.from('\r\n\r\n');

/** The header block as Chromium reads it: repeated lines dropped, names trimmed, lines without a colon folded or dropped. */
export function mendedHead(head: string): string {
  const [status = '', ...lines] = head.split('\r\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      if (/^[ \t]/.test(line) && kept.length) kept[kept.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const name = line.slice(0, colon).trim();
    // A length that is no count (`Content-Length: -1`, a Java proxy copying URLConnection.getContentLength(), round
    // 68d): dropped, the body read to the connection's close, as Chromium reads an answer with no usable length.
    if (name.toLowerCase() === 'content-length' && !/^\s*\d+\s*$/.test(line.slice(colon + 1))) continue;
    kept.push(`${name}:${line.slice(colon + 1)}`);
  }
  const seen = new Set<string>();
  const unique = kept.filter((line) => {
    const colon = line.indexOf(':');
    const key = `${line.slice(0, colon).toLowerCase()}:${line.slice(colon + 1).trim()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [status, ...unique].join('\r\n');
}

/** The socket node:http writes to and reads from: the real one's bytes, the first header block mended. */
class MendingSocket extends Duplex {
  private head: Buffer | null = Buffer.alloc(0);

  constructor(private readonly inner: net.Socket) {
    super();
    inner.on('connect', () => this.emit('connect'));
    inner.on('secureConnect', () => this.emit('secureConnect'));
    inner.on('data', (chunk: Buffer) => this.received(chunk));
    inner.on('end', () => {
      this.flushHead();
      this.push(null);
    });
    inner.on('error', (err) => this.destroy(err));
    inner.on('close', () => this.destroy());
    inner.on('timeout', () => this.emit('timeout'));
  }

  private received(chunk: Buffer): void {
    if (this.head === null) {
      this.push(chunk);
      return;
    }
    this.head = Buffer.concat([this.head, chunk]);
    const end = this.head.indexOf(END);
    if (end < 0 && this.head.length < MAX_HEAD) return;
    if (end < 0) return this.flushHead();
    const block = mendedHead(this.head.subarray(0, end).toString('latin1'));
    const rest = this.head.subarray(end);
    this.head = null;
    this.push(Buffer.concat([Buffer.from(block, 'latin1'), rest]));
  }

  private flushHead(): void {
    if (this.head?.length) this.push(this.head);
    this.head = null;
  }

  override _read(): void {
    // Bytes are pushed as the real socket gives them.
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    this.inner.write(chunk, encoding, done);
  }

  override _final(done: (err?: Error | null) => void): void {
    this.inner.end();
    done();
  }

  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    this.inner.destroy();
    done(err);
  }

  // What node:http asks of its socket besides reading and writing.
  setTimeout(ms: number, cb?: () => void): this {
    this.inner.setTimeout(ms, cb);
    return this;
  }
  setNoDelay(noDelay?: boolean): this {
    this.inner.setNoDelay(noDelay);
    return this;
  }
  setKeepAlive(enable?: boolean, delay?: number): this {
    this.inner.setKeepAlive(enable, delay);
    return this;
  }
  ref(): this {
    this.inner.ref();
    return this;
  }
  unref(): this {
    this.inner.unref();
    return this;
  }
}

/** A connection for node:http's `createConnection` (no agent given, so no pool: one answer a connection) whose answer is mended. */
export function mendingConnection(url: URL, insecureTls: boolean): () => Duplex {
  const https = url.protocol === 'https:';
  const port = Number(url.port) || (https ? 443 : 80);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return () =>
    new MendingSocket(
      https ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host, rejectUnauthorized: !insecureTls }) : net.connect({ host, port }),
    );
}
