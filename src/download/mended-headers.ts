/**
 * A connection whose answer's header block repeats a line word for word (`Content-Length: 5` twice: an IIS 6 behind a
 * Squid adding its own copy, round 47d). node's parser (llhttp) refuses any second Content-Length, in its lenient
 * mode too ("Duplicate Content-Length"); browsers take identical copies as one (RFC 9110 §8.6 allows a recipient to
 * do so). For a host that answered so, the request goes over a socket wrapped here: the answer's header block is
 * read first and each line that repeats an earlier one exactly is dropped, then everything passes through untouched.
 * Copies that differ (two lengths) are left as sent, and refused by the parser as before.
 * Written by hand: no HTTP client on npm reads such answers (undici and node:http share llhttp), and the fix is to
 * the bytes, before any parser sees them.
 */
import net from 'node:net';
import tls from 'node:tls';
import { Duplex } from 'node:stream';

/** A header block longer than this is passed on as it is (the parser then says what is wrong with it). */
const MAX_HEAD = 64 * 1024;
const END = Buffer.from('\r\n\r\n');

/** The header block with lines repeating an earlier line word for word dropped (names compared without case). */
export function withoutRepeatedLines(head: string): string {
  const seen = new Set<string>();
  const lines = head.split('\r\n');
  const kept = lines.filter((line, i) => {
    if (i === 0 || !line) return true; // the status line, the blank line ending the block
    const colon = line.indexOf(':');
    const key = colon > 0 ? `${line.slice(0, colon).trim().toLowerCase()}:${line.slice(colon + 1).trim()}` : line;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return kept.join('\r\n');
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
    const block = withoutRepeatedLines(this.head.subarray(0, end).toString('latin1'));
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
