/**
 * Reading ZIP containers (DOCX, XLSX, OFD, ODT) with a zip-bomb guard. Only the entries a reader asks for are
 * inflated, and the declared sizes are summed before anything is inflated.
 */
import { unzipSync } from 'fflate';

/** Largest total uncompressed size of the entries we inflate, and of one entry. */
export const ZIP_LIMITS = { totalBytes: 200 * 1024 * 1024, entryBytes: 100 * 1024 * 1024, maxEntries: 20_000 };

export class ZipGuardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipGuardError';
  }
}

/** Names of the entries, without inflating anything. Throws on a corrupt archive. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (f) => {
      names.push(f.name);
      return false;
    },
  });
  return names;
}

/**
 * Inflates the entries selected by `want`. Refuses archives whose selected entries declare more than the limits, and
 * rejects an entry whose real size differs from its declaration (a lying header is how bombs dodge the first check).
 */
export function unzipSelected(bytes: Uint8Array, want: (name: string) => boolean, limits = ZIP_LIMITS): Map<string, Uint8Array> {
  let total = 0;
  let count = 0;
  const declared = new Map<string, number>();
  const files = unzipSync(bytes, {
    filter: (f) => {
      if (++count > limits.maxEntries) throw new ZipGuardError(`zip has more than ${limits.maxEntries} entries`);
      if (!want(f.name)) return false;
      if (f.originalSize > limits.entryBytes) throw new ZipGuardError(`zip entry ${f.name} declares ${f.originalSize} bytes`);
      total += f.originalSize;
      if (total > limits.totalBytes) throw new ZipGuardError(`zip declares more than ${limits.totalBytes} bytes uncompressed`);
      declared.set(f.name, f.originalSize);
      return true;
    },
  });
  const out = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    if (data.length !== declared.get(name)) throw new ZipGuardError(`zip entry ${name} inflates to a size other than declared`);
    out.set(name, data);
  }
  return out;
}

export function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
