/**
 * The first bytes of a response body, read before deciding how to read the rest (a rate limit's page, a document
 * answered to a page request), and the body given back whole to whoever reads it next.
 */
import { Readable } from 'node:stream';

/**
 * Reads a body until more than `upTo` bytes or its end. `head` is what was read; `whole` the body when it ended
 * within them; `body` a stream giving back the bytes read and the rest, errors included, so the caller reads it as
 * if untouched.
 */
export async function peekBody(body: Readable, upTo: number): Promise<{ head: Buffer; whole: Buffer | null; body: Readable }> {
  const it = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const r = await it.next();
    if (r.done) {
      const whole = Buffer.concat(chunks);
      return { head: whole, whole, body: Readable.from([whole], { objectMode: false }) };
    }
    chunks.push(r.value);
    size += r.value.length;
    if (size > upTo) break;
  }
  async function* rest(): AsyncGenerator<Buffer> {
    let done = false;
    try {
      for (const c of chunks) yield c;
      for (;;) {
        const r = await it.next();
        if (r.done) {
          done = true;
          return;
        }
        yield r.value;
      }
    } finally {
      // The reader stopped early (a size cap, an error of its own): the source is let go, as it would have been.
      if (!done) body.destroy();
    }
  }
  return { head: Buffer.concat(chunks), whole: null, body: Readable.from(rest(), { objectMode: false }) };
}
