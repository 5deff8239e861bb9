/**
 * Reading ZIP containers (DOCX, XLSX, OFD, ODT) under a real byte budget. The central directory is read here; each
 * entry is inflated as a stream, a slice of compressed input at a time, and stopped as soon as its output passes its
 * declared size, the per-entry limit or what is left of the total: a bomb or a lying header costs at most one slice's
 * output, never the whole, and is refused with the reason (ZipGuardError), never read as partial content.
 */
import { Inflate } from 'fflate';

/** Largest total uncompressed size of the entries we inflate, and of one entry. */
export const ZIP_LIMITS = { totalBytes: 200 * 1024 * 1024, entryBytes: 100 * 1024 * 1024, maxEntries: 20_000 };
export type ZipLimits = typeof ZIP_LIMITS;

/** Compressed bytes fed to the inflater at once: bounds the output made before the budget is looked at again. */
const SLICE = 16 * 1024;

export class ZipGuardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipGuardError';
  }
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  /** As declared by the central directory. */
  size: number;
  localOffset: number;
}

const SIG = { eocd: 0x06054b50, eocd64Locator: 0x07064b50, eocd64: 0x06064b50, central: 0x02014b50, local: 0x04034b50 };
const names = new TextDecoder('utf-8');

/** The entries listed by the central directory. Throws ZipGuardError on a corrupt or oversized directory. */
function readDirectory(b: Uint8Array, limits: ZipLimits): Entry[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u32 = (at: number) => {
    if (at < 0 || at + 4 > b.length) throw new ZipGuardError('corrupt zip: a header points outside the file');
    return dv.getUint32(at, true);
  };
  const u16 = (at: number) => {
    if (at < 0 || at + 2 > b.length) throw new ZipGuardError('corrupt zip: a header points outside the file');
    return dv.getUint16(at, true);
  };
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === SIG.eocd) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipGuardError('corrupt zip: no end of central directory');
  let count = u16(eocd + 10);
  let at = u32(eocd + 16);
  if ((count === 0xffff || at === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === SIG.eocd64Locator) {
    const z = u64(eocd - 12);
    if (u32(z) !== SIG.eocd64) throw new ZipGuardError('corrupt zip: bad ZIP64 end of central directory');
    count = u64(z + 32);
    at = u64(z + 48);
  }
  if (count > limits.maxEntries) throw new ZipGuardError(`zip has more than ${limits.maxEntries} entries`);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(at) !== SIG.central) throw new ZipGuardError('corrupt zip: bad central directory entry');
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const entry: Entry = {
      flags: u16(at + 8),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localOffset: u32(at + 42),
      name: names.decode(b.subarray(at + 46, at + 46 + nameLen)),
    };
    readZip64Extra(entry, b.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen));
    entries.push(entry);
    at += 46 + nameLen + extraLen + u16(at + 32);
  }
  return entries;
}

/** Sizes and offset past 4 GiB live in the ZIP64 extra field (id 1), in this order, when their 32-bit field is full. */
function readZip64Extra(e: Entry, extra: Uint8Array): void {
  const dv = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = dv.getUint16(p, true);
    const len = dv.getUint16(p + 2, true);
    if (id === 1) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + len || q + 8 > extra.length) throw new ZipGuardError('corrupt zip: short ZIP64 extra field');
        const v = dv.getUint32(q, true) + dv.getUint32(q + 4, true) * 2 ** 32;
        q += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.localOffset === 0xffffffff) e.localOffset = next();
      return;
    }
    p += 4 + len;
  }
}

/** Names of the entries, without inflating anything. Throws on a corrupt archive. */
export function zipEntryNames(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): string[] {
  return readDirectory(bytes, limits).map((e) => e.name);
}

/** The compressed bytes of an entry, found through its local header. */
function compressedData(b: Uint8Array, e: Entry): Uint8Array {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const at = e.localOffset;
  if (at + 30 > b.length || dv.getUint32(at, true) !== SIG.local) throw new ZipGuardError(`corrupt zip: no local header for ${e.name}`);
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  if (start + e.compressedSize > b.length) throw new ZipGuardError(`corrupt zip: ${e.name} runs past the end of the file`);
  return b.subarray(start, start + e.compressedSize);
}

/**
 * Inflates one entry, stopping as soon as the output passes `budget` or the entry's declared size. `keep` false
 * counts the bytes without holding them (a budget check of a whole archive).
 */
function inflateEntry(b: Uint8Array, e: Entry, budget: number, keep: boolean): Uint8Array {
  if (e.flags & 1) throw new ZipGuardError(`zip entry ${e.name} is encrypted`);
  const data = compressedData(b, e);
  const lying = (n: string) => new ZipGuardError(`zip entry ${e.name} declares ${e.size} bytes but inflates to ${n}`);
  if (e.method === 0) {
    if (data.length !== e.size) throw lying(String(data.length));
    if (data.length > budget) throw new ZipGuardError(`zip entry ${e.name} is over the ${budget}-byte budget`);
    return keep ? data : new Uint8Array(0);
  }
  if (e.method !== 8) throw new ZipGuardError(`zip entry ${e.name} uses compression method ${e.method}, which is not supported`);
  const chunks: Uint8Array[] = [];
  let out = 0;
  let stopped = false;
  const inflater = new Inflate((chunk) => {
    if (stopped) return;
    out += chunk.length;
    if (out > e.size || out > budget) {
      stopped = true;
      return;
    }
    if (keep) chunks.push(chunk);
  });
  for (let i = 0; i < data.length && !stopped; i += SLICE) {
    inflater.push(data.subarray(i, Math.min(i + SLICE, data.length)), i + SLICE >= data.length);
  }
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  if (stopped && out > e.size) throw lying(`more (stopped at ${out})`);
  if (stopped) throw new ZipGuardError(`zip entry ${e.name} is over the ${budget}-byte budget`);
  if (out !== e.size) throw lying(String(out));
  if (!keep) return new Uint8Array(0);
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(out);
  let p = 0;
  for (const c of chunks) {
    whole.set(c, p);
    p += c.length;
  }
  return whole;
}

/** Checks the declarations of the selected entries against the limits before inflating anything. */
function selectWithinLimits(entries: Entry[], want: (name: string) => boolean, limits: ZipLimits): Entry[] {
  let total = 0;
  const chosen = entries.filter((e) => want(e.name) && !e.name.endsWith('/'));
  for (const e of chosen) {
    if (e.size > limits.entryBytes) throw new ZipGuardError(`zip entry ${e.name} declares ${e.size} bytes`);
    total += e.size;
    if (total > limits.totalBytes) throw new ZipGuardError(`zip declares more than ${limits.totalBytes} bytes uncompressed`);
  }
  return chosen;
}

/**
 * Inflates the entries selected by `want`, within the limits: declared sizes are checked first, then every entry is
 * held to its declaration, the per-entry limit and what remains of the total while it inflates.
 */
export function unzipSelected(bytes: Uint8Array, want: (name: string) => boolean, limits: ZipLimits = ZIP_LIMITS): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let used = 0;
  for (const e of selectWithinLimits(readDirectory(bytes, limits), want, limits)) {
    const data = inflateEntry(bytes, e, Math.min(limits.entryBytes, limits.totalBytes - used), true);
    used += data.length;
    out.set(e.name, data);
  }
  return out;
}

/**
 * Inflates every entry without keeping it, under the same budget: for readers that unzip by themselves (SheetJS,
 * LibreOffice), so a bomb is refused before they see it.
 */
export function assertZipWithinBudget(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): void {
  let used = 0;
  for (const e of selectWithinLimits(readDirectory(bytes, limits), () => true, limits)) {
    inflateEntry(bytes, e, Math.min(limits.entryBytes, limits.totalBytes - used), false);
    used += e.size;
  }
}

export function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
