/**
 * Dedup: bytes stored ÷ bytes downloaded by the first full crawl, on a portal where a known share of attachments
 * repeat a few shared documents. The store keeps each content once (files/<aa>/<sha256>.<ext>); the expected ratio
 * follows from the generator, so the figure checks the store as well as measuring it.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { LoggedRequest } from '../test/fixtures/portal/server.ts';
import type { Expected } from './portal.ts';
import { ratio, sizesByExt, traffic } from './tools.ts';

export interface DedupResult {
  duplicateShare: number;
  /** Attachments: downloaded bytes (portal log) and stored bytes (store files not .html). */
  attachments: { downloaded: number; stored: number; ratio: number | null; expectedRatio: number | null };
  /** Pages and attachments together (report pages are stored too; list pages are not). */
  all: { downloaded: number; stored: number; ratio: number | null };
  /** The catalog's size after the crawl (SQLite file and its WAL), for the scale model. */
  catalogBytes: number;
}

export function dedupBench(o: { storage: string; firstLog: LoggedRequest[]; expected: Expected }): DedupResult {
  const t = traffic(o.firstLog);
  const sizes = sizesByExt(path.join(o.storage, 'files'));
  const storedAll = Object.values(sizes).reduce((a, s) => a + s.bytes, 0);
  const storedPages = sizes.html?.bytes ?? 0;
  const storedAttachments = storedAll - storedPages;
  const downloadedAll = t.byKind.detail.bytes + t.byKind.file.bytes;
  return {
    duplicateShare: o.expected.attachments ? Math.round((o.expected.duplicateAttachments / o.expected.attachments) * 1000) / 1000 : 0,
    attachments: {
      downloaded: t.byKind.file.bytes,
      stored: storedAttachments,
      ratio: ratio(storedAttachments, t.byKind.file.bytes, 4),
      expectedRatio: ratio(o.expected.distinctAttachmentBytes, o.expected.attachmentBytes, 4),
    },
    all: { downloaded: downloadedAll, stored: storedAll, ratio: ratio(storedAll, downloadedAll, 4) },
    catalogBytes: ['catalog.sqlite', 'catalog.sqlite-wal'].reduce((a, f) => a + fileSize(path.join(o.storage, f)), 0),
  };
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
