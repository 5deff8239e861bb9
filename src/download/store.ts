/**
 * The content-addressed file store: <storage>/files/<aa>/<sha256>.<ext>. Bytes are streamed to a temp file while
 * hashed, fsynced, then renamed into place atomically (and the directory fsynced), so the store never holds a partial
 * or empty file under a hash name, even after a power cut, and identical bytes from any number of URLs are stored
 * once. A write the filesystem refuses (disk full, read-only, …) is a SinkError, never blamed on the source.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isOfficeHtml, sniffMediaType, type MediaType } from '../extract/sniff.ts';
import { FetchError, sinkErrorOf } from '../errors.ts';
import type { ContentStore } from './content-store.ts';
import { assertFreeSpace, freeBytes, syncDir, syncDirSync, syncFile } from './durable.ts';

export interface StoredFile {
  sha256: string;
  size: number;
  mediaType: MediaType;
  /** Path relative to the storage directory. */
  storedPath: string;
  /** False when the same bytes were already in the store. */
  created: boolean;
}

/** Bytes streamed to a temp file, hashed and sniffed, not yet in the store (see FileStore.stage). */
export interface StagedFile extends Omit<StoredFile, 'created'> {
  /** The temp file holding the bytes. */
  tmp: string;
}

export interface PutOptions {
  /** Abort (and keep nothing) past this many bytes. */
  maxBytes: number;
  /** The Content-Length announced, if any: fewer bytes received means a truncated transfer. */
  expectedBytes?: number | null;
  /** The original file name, to tell OLE formats apart when their bytes alone do not. */
  fileName?: string | null;
  /** For error messages. */
  url: string;
  /**
   * The link names a document: bytes that sniff as a web page (a download page's "文件不存在", HTTP 200) are not
   * it, and are refused (FetchError not_document) before they reach the store, so no file lies there unnamed.
   */
  refuseWebPage?: boolean;
  /**
   * No bytes are no file: an edge cache answering 200 with `Content-Length: 0` while it refreshes its copy (round
   * 59d) is refused as a short transfer (FetchError truncated), which the fetcher asks again, as a person clicks again.
   */
  refuseEmpty?: boolean;
}

const SNIFF_BYTES = 256 * 1024;
/** Free-space checks answered from the last statfs before asking the filesystem again (see checkSpace). */
const SPACE_CHECK_EVERY = 64;
/** ZIP and OLE containers up to this size are sniffed from the bytes kept while streaming, not read back from disk. */
const KEEP_CONTAINER_BYTES = 1 << 20;

/** The file extension the store gives a media type. */
export function extensionFor(type: MediaType): string {
  if (type === 'jpeg') return 'jpg';
  if (type === 'unknown') return 'bin';
  return type;
}

function isContainer(head: Uint8Array): boolean {
  return (head[0] === 0x50 && head[1] === 0x4b) || (head[0] === 0xd0 && head[1] === 0xcf);
}

/** The filesystem calls the store makes; replaceable to inject faults in tests. */
export interface StoreIo {
  openWrite(file: string): Writable;
  syncFile(file: string): Promise<void>;
  syncDir(dir: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  freeBytes(dir: string): Promise<number>;
}

/**
 * Temp files written by NODE_IO's own write stream, which fsyncs a file before closing it (`flush`): syncFile then
 * has nothing left to do, and a file is not opened a second time just to be fsynced. A file written through an
 * injected openWrite is not in it, and syncFile fsyncs it as before.
 */
const flushedOnClose = new Set<string>();

const NODE_IO: StoreIo = {
  openWrite: (file) => {
    flushedOnClose.add(file);
    return createWriteStream(file, { flags: 'wx', flush: true });
  },
  syncFile: async (file) => {
    if (!flushedOnClose.delete(file)) await syncFile(file);
  },
  syncDir,
  rename,
  freeBytes,
};

export interface FileStoreOptions {
  /** Free bytes to keep on the filesystem: put() refuses to start below it (SinkError). Default 0: no check. */
  minFreeBytes?: number;
  io?: Partial<StoreIo>;
}

export class FileStore implements ContentStore {
  readonly location: string;
  readonly filesDir: string;
  readonly tmpDir: string;
  private readonly io: StoreIo;
  private readonly minFreeBytes: number;
  /** The temp directory exists (made once, not per file: a mkdir per stored file was 2 % of a crawl's CPU). */
  private tmpReady = false;
  /** Shard directories (files/<aa>) known to exist; 256 at most. */
  private readonly shards = new Set<string>();
  /** Bytes above the floor at the last free-space check, and what was checked and written since (see checkSpace). */
  private headroom = 0;
  private checksSkipped = Infinity;
  private writtenSince = 0;
  /** Whether directory fsyncs wait for the catalog's group commit now (deferDirSyncs). */
  private deferring: () => boolean = () => false;
  /** Directories holding a rename not yet fsynced, waiting for syncPendingDirs. */
  private readonly pendingDirs = new Set<string>();

  constructor(
    readonly storageDir: string,
    opts: FileStoreOptions = {},
  ) {
    this.filesDir = path.join(storageDir, 'files');
    this.location = this.filesDir;
    this.tmpDir = path.join(storageDir, 'tmp');
    this.io = { ...NODE_IO, ...opts.io };
    this.minFreeBytes = opts.minFreeBytes ?? 0;
  }

  /** Throws a SinkError when the storage's filesystem is below the free-space floor (called before each download). */
  async assertSpace(): Promise<void> {
    try {
      await this.checkSpace();
    } catch (err) {
      throw sinkErrorOf(err, this.storageDir) ?? err;
    }
  }

  /**
   * The free-space floor, asked of the filesystem (statfs) only when it could have been reached: at least every
   * SPACE_CHECK_EVERY checks, and whenever this store has written half the headroom the last answer left. A
   * statfs before every page and every download was 2 % of a crawl's CPU; other writers to the same disk are the
   * reason it is still asked regularly.
   */
  private async checkSpace(): Promise<void> {
    if (this.minFreeBytes <= 0) return;
    if (this.checksSkipped < SPACE_CHECK_EVERY && this.writtenSince * 2 < this.headroom) {
      this.checksSkipped += 1;
      return;
    }
    this.checksSkipped = 0;
    this.writtenSince = 0;
    this.headroom = 0;
    const free = await this.io.freeBytes(this.storageDir);
    await assertFreeSpace(this.storageDir, this.minFreeBytes, async () => free);
    this.headroom = free - this.minFreeBytes;
  }

  absolute(storedPath: string): string {
    return path.join(this.storageDir, storedPath);
  }

  /** Runs fn on the stored file's own path (nothing is copied: the store is local). */
  async withLocalFile<T>(storedPath: string, fn: (file: string) => Promise<T>): Promise<T> {
    return fn(this.absolute(storedPath));
  }

  /** The stored file's bytes, or null when the store does not hold it. */
  async read(storedPath: string): Promise<Readable | null> {
    const file = this.absolute(storedPath);
    if (!path.resolve(file).startsWith(path.resolve(this.filesDir) + path.sep)) return null;
    const found = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    return found ? createReadStream(file) : null;
  }

  /**
   * Streams bytes into the store. Throws FetchError too_large / truncated (the source's fault) or SinkError (the
   * storage's: full, read-only, below the free-space floor), keeping nothing either way.
   */
  async put(body: Readable, opts: PutOptions): Promise<StoredFile> {
    const staged = await this.stage(body, opts);
    const { tmp, ...file } = staged;
    const final = this.absolute(file.storedPath);
    const exists = await stat(final).then(
      (s) => s.size === file.size,
      () => false,
    );
    if (exists) {
      await rm(tmp, { force: true });
      return { ...file, created: false };
    }
    try {
      const shard = path.dirname(final);
      const madeDir = this.shards.has(shard) ? undefined : await mkdir(shard, { recursive: true });
      this.shards.add(shard);
      await this.io.rename(tmp, final);
      if (this.deferring()) {
        // Fsynced with the other renames of the catalog's batch before it commits (syncPendingDirs).
        this.pendingDirs.add(shard);
        if (madeDir) this.pendingDirs.add(this.filesDir);
      } else {
        await this.io.syncDir(shard);
        if (madeDir) await this.io.syncDir(this.filesDir);
      }
    } catch (err) {
      await rm(tmp, { force: true });
      throw sinkErrorOf(err, final) ?? err;
    }
    return { ...file, created: true };
  }

  /**
   * Streams bytes to a temp file of this store's storage directory, hashing, sizing and sniffing them on the way:
   * what a store needs before it can name the file. The caller moves or uploads `tmp` and removes it. Throws as put.
   */
  async stage(body: Readable, opts: PutOptions): Promise<StagedFile> {
    const tmp = path.join(this.tmpDir, `${randomUUID()}.part`);
    try {
      if (!this.tmpReady) {
        await mkdir(this.tmpDir, { recursive: true });
        this.tmpReady = true;
      }
      await this.checkSpace();
    } catch (err) {
      body.destroy();
      throw sinkErrorOf(err, this.tmpDir) ?? err;
    }
    const hash = createHash('sha256');
    let size = 0;
    // The first bytes, for sniffing; every byte while it may still be a container small enough to keep (see below).
    const head: Buffer[] = [];
    let headSize = 0;
    let keepAll = true;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > opts.maxBytes) {
          done(new FetchError(`larger than the ${opts.maxBytes}-byte cap`, opts.url, 'too_large'));
          return;
        }
        hash.update(chunk);
        if (headSize < SNIFF_BYTES || (keepAll && headSize < KEEP_CONTAINER_BYTES)) {
          if (head.length === 0) keepAll = isContainer(chunk);
          head.push(chunk);
          headSize += chunk.length;
        }
        done(null, chunk);
      },
    });
    const out = this.io.openWrite(tmp);
    try {
      await pipeline(body, meter, out);
      if (opts.expectedBytes != null && size < opts.expectedBytes) {
        throw new FetchError(`truncated: ${size} of ${opts.expectedBytes} bytes`, opts.url, 'truncated');
      }
      if (opts.refuseEmpty && size === 0) throw new FetchError('answered no bytes (an empty file)', opts.url, 'truncated');
      await this.io.syncFile(tmp);
      flushedOnClose.delete(tmp); // when an injected syncFile did not take it
    } catch (err) {
      flushedOnClose.delete(tmp);
      // A transfer failing at once (the cap passed by the first chunk) rejects while the file may still be opening:
      // its removal waits for the stream to close, or the file would be created after it (a temp file left behind).
      if (!out.closed) await new Promise((done) => out.once('close', done));
      await rm(tmp, { force: true });
      if (err instanceof FetchError) throw err;
      // Told apart by code: a full disk is not a truncated transfer, and retrying the host would not help.
      const sink = sinkErrorOf(err, tmp);
      if (sink) throw sink;
      throw new FetchError(`transfer failed: ${(err as Error).message}`, opts.url, 'truncated', undefined, { cause: err });
    }
    this.writtenSince += size;
    const sha256 = hash.digest('hex');
    // ZIP and OLE containers are told apart by their directories (at the end of a ZIP), so they are sniffed whole.
    const headBytes = Buffer.concat(head);
    const sniffed = isContainer(headBytes) && headSize < size ? await readFile(tmp) : headBytes;
    const mediaType = sniffMediaType(sniffed, { fileName: opts.fileName ?? undefined });
    // Word's "web page" saved under a document's name is the document (sniff.ts isOfficeHtml), not an error page.
    if (opts.refuseWebPage && mediaType === 'html' && !isOfficeHtml(headBytes)) {
      await rm(tmp, { force: true });
      throw new FetchError('answered a web page, not the document its link names', opts.url, 'not_document', undefined, { page: { bytes: headBytes, contentType: null } });
    }
    // The path depends on the bytes alone, so the same bytes under two names land in one place.
    const storedPath = path.join('files', sha256.slice(0, 2), `${sha256}.${extensionFor(sniffMediaType(sniffed))}`);
    return { tmp, sha256, size, mediaType, storedPath };
  }

  /**
   * Directory fsyncs batched with the catalog's group commit (catalog/group-commit.ts): while `batching()` says a
   * batch is open, a stored file's rename is fsynced by syncPendingDirs, which the batch runs before its COMMIT,
   * instead of one fsync per file; a file stored while no batch is open is fsynced by put() as before. Its bytes are
   * fsynced by put() either way, so a file's row never commits before the file is on disk.
   */
  deferDirSyncs(batching: () => boolean): { async: () => Promise<void>; sync: () => void } {
    this.deferring = batching;
    return { async: () => this.syncPendingDirs(), sync: () => this.syncPendingDirsNow() };
  }

  /** Fsyncs the directories of renames deferred so far, including those made meanwhile; the last few blocking. */
  async syncPendingDirs(): Promise<void> {
    // Renames made during one round wait for the next; a round is one fsync per directory, so this ends fast.
    for (let round = 0; round < 8 && this.pendingDirs.size; round++) {
      const dirs = [...this.pendingDirs];
      this.pendingDirs.clear();
      try {
        await Promise.all(dirs.map((d) => this.io.syncDir(d)));
      } catch (err) {
        for (const d of dirs) this.pendingDirs.add(d);
        throw sinkErrorOf(err, dirs[0]!) ?? err;
      }
    }
  }

  /** What syncPendingDirs left (renames made during its last await): fsynced at once, right before the COMMIT. */
  syncPendingDirsNow(): void {
    for (const d of this.pendingDirs) {
      try {
        syncDirSync(d);
      } catch (err) {
        throw sinkErrorOf(err, d) ?? err;
      }
      this.pendingDirs.delete(d);
    }
  }

  async close(): Promise<void> {}

  /** Removes temp files left by a killed run. */
  async sweepTemp(): Promise<void> {
    this.tmpReady = false;
    // Retried: a download still ending in it (a stopped run's, in the same process) can refill it while it is removed.
    await rm(this.tmpDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}
