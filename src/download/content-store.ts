/**
 * Where downloaded files live: one interface, two stores. The local content-addressed directory
 * (`<storage>/files`, the default; store.ts) and any S3-compatible bucket (`s3://bucket/prefix`; s3-store.ts).
 * Both name a file by its bytes alone (`<aa>/<sha256>.<ext>`, recorded in the catalog as `files/<aa>/…` whatever
 * the store, so a catalog moves between stores unchanged), write it once and never partially.
 */
import type { Readable } from 'node:stream';
import { ConfigError } from '../errors.ts';
import type { PutOptions, StoredFile } from './store.ts';

export interface ContentStore {
  /** Where the files are, for messages: a directory, or s3://bucket/prefix. */
  readonly location: string;
  /** Streams bytes into the store (see FileStore.put for the errors). */
  put(body: Readable, opts: PutOptions): Promise<StoredFile>;
  /** Throws a SinkError when the local staging filesystem is below the free-space floor. */
  assertSpace(): Promise<void>;
  /** Removes temp files left by a killed run. */
  sweepTemp(): Promise<void>;
  /** Runs fn with a local path holding the stored file's bytes (a remote store's temp copy is removed after). */
  withLocalFile<T>(storedPath: string, fn: (file: string) => Promise<T>): Promise<T>;
  /** The stored file's bytes, or null when the store does not hold it. */
  read(storedPath: string): Promise<Readable | null>;
  /**
   * A store that fsyncs a directory after each rename (the local one) may batch those fsyncs with the catalog's group
   * commit (FileStore.deferDirSyncs); a store without them (S3: an upload is durable when it returns) has none.
   */
  deferDirSyncs?(batching: () => boolean): { async: () => Promise<void>; sync: () => void };
  close(): Promise<void>;
}

export interface ContentStoreSettings {
  storageDir: string;
  /** Null: `<storageDir>/files`. Otherwise `s3://bucket[/prefix]`. */
  files: string | null;
  minFreeBytes?: number;
}

/** The bucket and key prefix of an `s3://bucket/prefix` location; a ConfigError for anything else. */
export function parseS3Location(location: string): { bucket: string; prefix: string } {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(location);
  if (!m) {
    throw new ConfigError(
      `files location "${location}": expected s3://bucket/prefix (bucket: 3–63 lowercase letters, digits, dots, hyphens), or nothing for <storage>/files`,
    );
  }
  return { bucket: m[1]!, prefix: (m[2] ?? '').replace(/^\/+|\/+$/g, '') };
}

/** Opens the store a run's settings name. The S3 client is loaded only when an s3:// location is asked for. */
export async function openContentStore(s: ContentStoreSettings): Promise<ContentStore> {
  const { FileStore } = await import('./store.ts');
  const local = new FileStore(s.storageDir, { minFreeBytes: s.minFreeBytes });
  if (!s.files) return local;
  const where = parseS3Location(s.files);
  const { S3Store } = await import('./s3-store.ts');
  return S3Store.fromEnvironment(where, local);
}
