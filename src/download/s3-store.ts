/**
 * The file store in an S3-compatible bucket, through the AWS SDK: `s3://bucket/prefix/<aa>/<sha256>.<ext>`.
 * Bytes are first staged in the local storage directory (hashed and sniffed while streaming, as the local store
 * does: the key depends on the hash), then uploaded once: a key already holding as many bytes is not written again,
 * a new one goes up as a multipart upload with a SHA-256 checksum per part (the store verifies each part; nothing is
 * visible under the key until the upload completes, and a failed upload is aborted), and is checked after by size
 * and the `sha256` metadata it carries. Reads for extraction are verified against the hash the key names.
 *
 * Endpoint, region and credentials come from the usual AWS environment (AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL,
 * AWS_REGION, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a profile); with an endpoint set (a non-AWS store: MinIO,
 * Ceph, OSS, COS…) requests are path-style.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, HeadObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { SinkError } from '../errors.ts';
import type { ContentStore } from './content-store.ts';
import type { FileStore, PutOptions, StoredFile } from './store.ts';

/** Multipart part size: S3's minimum is 5 MiB; most reports fit in one part (a plain PUT is then made). */
const PART_BYTES = 8 * 1024 * 1024;

function errorName(err: unknown): string {
  const e = err as { name?: unknown; code?: unknown; Code?: unknown } | null;
  return String(e?.Code ?? e?.code ?? e?.name ?? 'Error');
}

function notFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

export class S3Store implements ContentStore {
  readonly location: string;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
    /** The local store whose temp directory stages uploads and downloads. */
    private readonly staging: FileStore,
  ) {
    this.location = `s3://${bucket}${prefix ? `/${prefix}` : ''}`;
  }

  static fromEnvironment(where: { bucket: string; prefix: string }, staging: FileStore, env: NodeJS.ProcessEnv = process.env): S3Store {
    // The SDK warns on every start under Node 20 that versions published after January 2027 will need Node 22:
    // package.json pins versions that run on Node 20, which nianbao supports, so the warning says nothing to act on.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined;
    const config: S3ClientConfig = {
      endpoint,
      forcePathStyle: !!endpoint,
      // Region is meaningless to most non-AWS stores but the SDK requires one.
      region: env.AWS_REGION || env.AWS_DEFAULT_REGION || (endpoint ? 'us-east-1' : undefined),
      // Checksums only where asked for (each upload asks for SHA-256 below): the SDK's default CRC32 on every
      // request is refused by several S3-compatible stores.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    return new S3Store(new S3Client(config), where.bucket, where.prefix, staging);
  }

  /** The object key of a stored path as the catalog records it (`files/<aa>/<sha256>.<ext>`). */
  key(storedPath: string): string {
    const rel = storedPath.split(path.sep).join('/').replace(/^files\//, '');
    return this.prefix ? `${this.prefix}/${rel}` : rel;
  }

  assertSpace(): Promise<void> {
    return this.staging.assertSpace();
  }

  sweepTemp(): Promise<void> {
    return this.staging.sweepTemp();
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private sinkError(key: string, err: unknown): SinkError {
    if (err instanceof SinkError) return err;
    const detail = String((err as Error)?.message ?? err).split('\n')[0]!;
    return new SinkError(`s3://${this.bucket}/${key}`, `S3_${errorName(err)}`, detail, { cause: err });
  }

  /** The object's size and sha256 metadata, or null when the key holds nothing. */
  private async head(key: string): Promise<{ size: number; sha256: string | null } | null> {
    try {
      const h = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: h.ContentLength ?? -1, sha256: h.Metadata?.sha256 ?? null };
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  }

  async put(body: Readable, opts: PutOptions): Promise<StoredFile> {
    const { tmp, ...file } = await this.staging.stage(body, opts);
    const key = this.key(file.storedPath);
    try {
      const before = await this.head(key);
      if (before && before.size === file.size) return { ...file, created: false };
      const upload = new Upload({
        client: this.client,
        partSize: PART_BYTES,
        queueSize: 2,
        leavePartsOnError: false,
        params: {
          Bucket: this.bucket,
          Key: key,
          Body: createReadStream(tmp),
          ContentType: contentTypeOf(file.storedPath),
          ChecksumAlgorithm: 'SHA256',
          Metadata: { sha256: file.sha256 },
        },
      });
      await upload.done();
      const after = await this.head(key);
      if (!after || after.size !== file.size || (after.sha256 !== null && after.sha256 !== file.sha256)) {
        throw new Error(`the object holds ${after ? `${after.size} bytes (sha256 ${after.sha256})` : 'nothing'} after the upload of ${file.size} bytes`);
      }
      return { ...file, created: true };
    } catch (err) {
      // The bucket refusing or unreachable is the storage's fault, never the source's: the run stops (exit 5).
      throw this.sinkError(key, err);
    } finally {
      await rm(tmp, { force: true });
    }
  }

  async read(storedPath: string): Promise<Readable | null> {
    try {
      const got = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key(storedPath) }));
      return got.Body instanceof Readable ? got.Body : null;
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  }

  /** Downloads the object to a temp file, checking its bytes against the sha256 its name carries, for fn to read. */
  async withLocalFile<T>(storedPath: string, fn: (file: string) => Promise<T>): Promise<T> {
    const body = await this.read(storedPath);
    if (!body) throw new Error(`${this.location}: ${this.key(storedPath)} is not in the bucket`);
    await this.staging.assertSpace();
    await mkdir(this.staging.tmpDir, { recursive: true });
    const tmp = path.join(this.staging.tmpDir, `${randomUUID()}${path.extname(storedPath)}`);
    try {
      const hash = createHash('sha256');
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      });
      await pipeline(body, meter, createWriteStream(tmp));
      const want = path.basename(storedPath).split('.')[0]!;
      const got = hash.digest('hex');
      if (got !== want) throw new Error(`${this.location}: ${this.key(storedPath)} holds bytes of sha256 ${got}, not the ${want} its name says`);
      return await fn(tmp);
    } finally {
      await rm(tmp, { force: true });
    }
  }
}

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  html: 'text/html',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
};

function contentTypeOf(storedPath: string): string {
  return CONTENT_TYPES[path.extname(storedPath).slice(1)] ?? 'application/octet-stream';
}
