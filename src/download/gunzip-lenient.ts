/**
 * `Content-Encoding: gzip` as browsers read it: bytes after the gzip stream's end (a PHP site's `\r\n` printed after
 * its gzipped output, round 43d) are ignored, where Node's gunzip takes them for a second member and fails ("incorrect
 * header check"), losing the page, and every list of such a host with it. Written by hand because zlib has no option
 * to stop at the first member's end, and the failing write also drops that write's output.
 *
 * The body goes through Node's gunzip as before (concatenated members included). On a data error, the input kept so
 * far is read once more as one gzip member (its header skipped, its deflate stream inflated raw, which stops at its
 * end): what that gives beyond the bytes already passed on ends the body. A body past KEEP_BYTES is not kept and fails
 * as before.
 */
import { Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';

/** Compressed bytes kept for a second reading: pages and most files are far smaller. */
const KEEP_BYTES = 16 * 1024 * 1024;

/** The length of a gzip member's header (RFC 1952 §2.3), or null when the bytes are no gzip header. */
export function gzipHeaderLength(b: Buffer): number | null {
  if (b.length < 10 || b[0] !== 0x1f || b[1] !== 0x8b || b[2] !== 8) return null;
  const flags = b[3]!;
  let at = 10;
  if (flags & 4) {
    if (b.length < at + 2) return null;
    at += 2 + b.readUInt16LE(at);
  }
  for (const flag of [8, 16]) {
    if (!(flags & flag)) continue;
    const end = b.indexOf(0, at);
    if (end < 0) return null;
    at = end + 1;
  }
  if (flags & 2) at += 2;
  return at <= b.length ? at : null;
}

/** One gzip member's content, whatever follows it; null when the bytes are not one. */
export function firstMember(b: Buffer): Buffer | null {
  const header = gzipHeaderLength(b);
  if (header === null) return null;
  try {
    return zlib.inflateRawSync(b.subarray(header), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  } catch {
    return null;
  }
}

class LenientGunzip extends Transform {
  // A stream that stops without its last block and trailer (a servlet filter never finishing its gzip output, round
  // 52d) ends where its bytes end, as browsers read it; Node's default refuses it ("unexpected end of file"). A body cut
  // in transit is told by its framing (http-once.ts), not here.
  private readonly inner = zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
  private kept: Buffer[] | null = [];
  private keptBytes = 0;
  private pushed = 0;
  private failed = false;
  private pending: TransformCallback | null = null;
  private readonly innerEnded: Promise<void>;

  constructor() {
    super();
    this.inner.on('data', (d: Buffer) => {
      if (this.failed) return;
      this.pushed += d.length;
      this.push(d);
    });
    this.innerEnded = new Promise((resolve) => {
      this.inner.once('end', () => resolve());
      this.inner.once('error', (e: NodeJS.ErrnoException) => resolve(this.recover(e)));
    });
  }

  /** The gunzip failed: the rest of the first member is passed on when the failure is bytes after it. */
  private recover(e: NodeJS.ErrnoException): void {
    if (this.failed) return;
    this.failed = true;
    const rest = e.code === 'Z_DATA_ERROR' && this.kept ? firstMember(Buffer.concat(this.kept)) : null;
    if (!rest || rest.length < this.pushed) {
      this.destroy(e);
      return;
    }
    if (rest.length > this.pushed) this.push(rest.subarray(this.pushed));
    this.kept = null;
    const done = this.pending;
    this.pending = null;
    done?.();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.failed) return done();
    if (this.kept) {
      this.keptBytes += chunk.length;
      if (this.keptBytes <= KEEP_BYTES) this.kept.push(chunk);
      else this.kept = null;
    }
    this.pending = done;
    this.inner.write(chunk, () => {
      if (this.pending !== done) return;
      this.pending = null;
      done();
    });
  }

  override _flush(done: TransformCallback): void {
    if (!this.failed) this.inner.end();
    void this.innerEnded.then(() => {
      if (!this.destroyed) done();
    });
  }
}

/** A decoder for `Content-Encoding: gzip` that ignores bytes after the gzip stream, as browsers do. */
export function createLenientGunzip(): Transform {
  return new LenientGunzip();
}
