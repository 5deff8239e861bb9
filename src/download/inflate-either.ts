/**
 * `Content-Encoding: deflate` as servers send it: RFC 9110 means a zlib stream (RFC 1950), but IIS and other old
 * servers send raw deflate (RFC 1951) under the same name, and browsers accept both (they look at the first two
 * bytes, as curl and Firefox do). Inflated as zlib only, every page of such a host failed ("incorrect header
 * check") and the host was given up. The first two bytes decide: a valid zlib header (compression method 8, a
 * window of at most 32 KiB, the header checksum a multiple of 31) is zlib, anything else raw deflate.
 */
import { Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';

export function isZlibHeader(b0: number, b1: number): boolean {
  return (b0 & 0x0f) === 8 && b0 >> 4 <= 7 && ((b0 << 8) | b1) % 31 === 0;
}

class EitherInflate extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;
  private head = Buffer.alloc(0);
  private ended = false;

  private start(): zlib.Inflate | zlib.InflateRaw {
    const inner = isZlibHeader(this.head[0] ?? 0, this.head[1] ?? 0) ? zlib.createInflate() : zlib.createInflateRaw();
    inner.on('data', (d: Buffer) => this.push(d));
    inner.on('error', (e) => this.destroy(e));
    this.inner = inner;
    return inner;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (!this.inner) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 2) return done();
      this.start();
      chunk = this.head;
      this.head = Buffer.alloc(0);
    }
    this.inner!.write(chunk, () => done());
  }

  override _flush(done: TransformCallback): void {
    if (this.ended) return done();
    this.ended = true;
    // An empty body stays empty; a body of one byte is handed to the raw inflater, which says what is wrong with it.
    if (!this.inner && !this.head.length) return done();
    const inner = this.inner ?? this.start();
    if (this.head.length) inner.write(this.head);
    this.head = Buffer.alloc(0);
    inner.once('end', () => done());
    inner.end();
  }
}

/** A decoder for `Content-Encoding: deflate`, zlib-wrapped or raw. */
export function createEitherInflate(): Transform {
  return new EitherInflate();
}
