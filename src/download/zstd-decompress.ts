/**
 * `Content-Encoding: zstd` (RFC 8878), which some servers send whatever the request asked (nginx's zstd module set to
 * `zstd_static always`, round 70d): Chromium decodes it, so such a site works in a browser, while node 20's zlib has no
 * zstd. node's own decoder is used where there is one (node 22.15 and later); else fzstd, a pure-JS decoder (no native
 * code, no dependency), pushed chunk by chunk. Without it the compressed frames were read as the page, and stored as
 * the report's PDF.
 */
import { Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { Decompress } from 'fzstd';

class FzstdDecompress extends Transform {
  private readonly inner = new Decompress((data) => {
    if (data.length) this.push(Buffer.from(data.buffer, data.byteOffset, data.length));
  });

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.inner.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.inner.push(new Uint8Array(0), true);
      done();
    } catch (e) {
      done(e as Error);
    }
  }
}

type NativeZstd = { createZstdDecompress?: () => Transform };

export function createZstdDecompress(): Transform {
  const native = (zlib as unknown as NativeZstd).createZstdDecompress;
  return native ? native() : new FzstdDecompress();
}
