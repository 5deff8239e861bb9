/**
 * The S3 file store against an S3-compatible server on 127.0.0.1. The server is a TEST DOUBLE (s3rver, an npm
 * package imitating S3's REST API on the local filesystem); the client code is the real AWS SDK. A crawl with
 * `--files s3://…` puts every file in the bucket once (nothing under <storage>/files, nothing left in tmp),
 * extraction reads them back, the export equals a local run's, and the store's own guarantees hold: same bytes
 * written once, multipart uploads whole, a corrupted object refused on read, a missing bucket a SinkError (exit 5).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { openContentStore } from '../../src/download/content-store.ts';
import { FileStore } from '../../src/download/store.ts';
import { ExitCode, SinkError } from '../../src/errors.ts';
import { startView } from '../../src/serve/server.ts';
import { portalWithSeeds } from '../helpers/harvest.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const BUCKET = 'nianbao-test';
let server: S3rver;
let env: Record<string, string>;
let client: S3Client;

// Made at load time: a tempDir() made inside before() would be removed as that hook ends.
const bucketDir = tempDir('nianbao-s3-');

before(async () => {
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: bucketDir });
  const { port } = await server.run();
  env = {
    AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
    AWS_REGION: 'us-east-1',
    // s3rver's fixed test credentials.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  };
  // The stores this file opens read the AWS environment, as a run does.
  Object.assign(process.env, env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  client = new S3Client({ endpoint: env.AWS_ENDPOINT_URL, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
after(async () => {
  client?.destroy();
  await server?.close();
});

async function keys(prefix: string): Promise<string[]> {
  const out = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}

async function objectBytes(key: string): Promise<Buffer> {
  const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await got.Body!.transformToByteArray());
}

/** A store opened as a run opens it, from the AWS environment of the test double. */
const s3Store = (location: string, storageDir = tempDir()) => openContentStore({ storageDir, files: location });

const put = (store: { put: FileStore['put'] }, bytes: Buffer, name = 'a.pdf') =>
  store.put(Readable.from([bytes]), { maxBytes: Number.MAX_SAFE_INTEGER, url: `http://127.0.0.1/${name}`, fileName: name });

test('a crawl with --files s3://… keeps every file in the bucket once, extracts from it, and exports as a local run does', { timeout: 300_000 }, async () => {
  const { seedsFile, dir } = await portalWithSeeds(['trs-jianxi', 'gbk-yiyang']);
  const common = ['--seeds', seedsFile, '--host-delay', '50', '--progress', 'none'];
  const local = path.join(dir, 'local');
  const remote = path.join(dir, 'remote');
  const a = await runNianbao(['crawl', ...common, '--storage', local]);
  const b = await runNianbao(['crawl', ...common, '--storage', remote, '--files', `s3://${BUCKET}/crawl`], env);
  assert.equal(b.code, a.code, b.out + b.err);
  assert.doesNotMatch(b.err, /NodeVersionSupportWarning|Error/);

  const catalog = Catalog.openReadOnly(storagePaths(remote).catalog);
  try {
    const files = catalog.db.prepare('SELECT sha256, size, stored_path FROM files ORDER BY sha256').all() as { sha256: string; size: number; stored_path: string }[];
    assert.ok(files.length >= 3, `files: ${files.length}`);
    // Every file under its content address, whole; no other object.
    const want = files.map((f) => `crawl/${f.stored_path.replace(/^files\//, '')}`).sort();
    assert.deepEqual(await keys('crawl/'), want);
    for (const f of files) {
      const bytes = await objectBytes(`crawl/${f.stored_path.replace(/^files\//, '')}`);
      assert.equal(bytes.length, f.size);
      assert.equal(createHash('sha256').update(bytes).digest('hex'), f.sha256);
    }
    // Nothing kept locally: no files directory, no staged leftovers.
    assert.ok(!existsSync(path.join(remote, 'files')), 'files were written locally');
    assert.deepEqual(existsSync(path.join(remote, 'tmp')) ? readdirSync(path.join(remote, 'tmp')) : [], []);
    // Extraction read them from the bucket, with the local run's outcome for every file.
    const outcomes = (c: Catalog) => c.db.prepare('SELECT sha256, status, reason FROM extractions ORDER BY sha256').all();
    const localCatalog = Catalog.openReadOnly(storagePaths(local).catalog);
    try {
      assert.deepEqual(outcomes(catalog), outcomes(localCatalog));
    } finally {
      localCatalog.close();
    }
    const extracted = catalog.db.prepare("SELECT count(*) AS n FROM extractions WHERE status IN ('extracted', 'partial')").get() as { n: number };
    assert.ok(extracted.n >= 1, 'nothing was extracted from the bucket');
  } finally {
    catalog.close();
  }
  // The web view serves a stored file from the bucket.
  const view = await startView({ storageDir: remote, files: `s3://${BUCKET}/crawl`, port: 0 });
  try {
    const c = Catalog.openReadOnly(storagePaths(remote).catalog);
    const f = c.db.prepare("SELECT sha256, size FROM files WHERE stored_path LIKE '%.pdf' LIMIT 1").get() as { sha256: string; size: number } | undefined;
    c.close();
    assert.ok(f, 'the crawl stored no PDF');
    const res = await fetch(`${view.url}files/${f.sha256}`);
    assert.equal(res.status, 200);
    const served = Buffer.from(await res.arrayBuffer());
    assert.equal(createHash('sha256').update(served).digest('hex'), f.sha256);
    assert.equal((await fetch(`${view.url}files/${'0'.repeat(64)}`)).status, 404);
  } finally {
    await view.close();
  }
  // The same reports, files and figures as the local run (the run times aside).
  const exported = async (storage: string, extra: string[] = []) => {
    const out = path.join(dir, `${path.basename(storage)}${extra.join('')}.csv`);
    const r = await runNianbao(['export', '--storage', storage, '--out', out, ...extra]);
    assert.equal(r.code, ExitCode.ok, r.err);
    return readFileSync(out, 'utf8').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T');
  };
  assert.equal(await exported(remote), await exported(local));
  assert.equal(await exported(remote, ['--figures']), await exported(local, ['--figures']));

  // A second crawl finds the same bytes already in the bucket and uploads nothing new.
  const again = await runNianbao(['crawl', ...common, '--storage', remote, '--files', `s3://${BUCKET}/crawl`], env);
  assert.match(again.out, / 0 new files /);
});

test('the S3 store writes the same bytes once, uploads big files whole in parts, and reads back verified', { timeout: 120_000 }, async () => {
  const store = await s3Store(`s3://${BUCKET}/unit`);
  try {
    const small = Buffer.from('%PDF-1.4\n% a small report\n%%EOF\n');
    const first = await put(store, small);
    const second = await put(store, small, 'b.pdf');
    assert.equal(first.created, true);
    assert.equal(second.created, false);
    assert.equal(second.storedPath, first.storedPath);
    assert.match(first.storedPath, /^files[/\\][0-9a-f]{2}[/\\][0-9a-f]{64}\.pdf$/);
    // 20 MiB: three parts of a multipart upload.
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024, 0x41)]);
    const stored = await put(store, big, 'big.pdf');
    const key = `unit/${stored.sha256.slice(0, 2)}/${stored.sha256}.pdf`;
    assert.deepEqual(await keys(`unit/${stored.sha256.slice(0, 2)}/`), [key]);
    assert.ok((await objectBytes(key)).equals(big));
    // Read for extraction: a local copy, removed after; its bytes checked against the name.
    let copy = '';
    const size = await store.withLocalFile(stored.storedPath, async (file) => ((copy = file), readFileSync(file).length));
    assert.equal(size, big.length);
    assert.ok(!existsSync(copy), 'the local copy was not removed');
    // An object whose bytes no longer match its name is refused, not extracted.
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `unit/${first.sha256.slice(0, 2)}/${first.sha256}.pdf`, Body: Buffer.from('tampered') }));
    await assert.rejects(store.withLocalFile(first.storedPath, async () => 1), /holds bytes of sha256 [0-9a-f]{64}, not the/);
    assert.equal(await store.read('files/00/0000000000000000000000000000000000000000000000000000000000000000.pdf'), null);
  } finally {
    await store.close();
  }
});

test('a bucket that does not exist stops the run as a storage fault (SinkError, exit 5), keeping nothing', { timeout: 120_000 }, async () => {
  const storage = tempDir();
  const store = await s3Store('s3://no-such-bucket/x', storage);
  try {
    await assert.rejects(put(store, Buffer.from('%PDF-1.4\n')), (e: unknown) => e instanceof SinkError && /S3_NoSuchBucket/.test(e.message));
    mkdirSync(path.join(storage, 'tmp'), { recursive: true });
    assert.deepEqual(readdirSync(path.join(storage, 'tmp')), []);
  } finally {
    await store.close();
  }
  const r = await runNianbao(['extract', '--storage', storage, '--files', 'ftp://somewhere/x']);
  assert.equal(r.code, ExitCode.config, r.err);
  assert.match(r.err, /expected s3:\/\/bucket\/prefix/);
});
