/** Content-addressed files: one row per distinct sha256, whatever the number of URLs it came from. */
import type { Db } from './db.ts';
import { StatementCache } from './statement-cache.ts';
import { nowIso } from './time.ts';

export type ExtractionStatus = 'pending' | 'extracted' | 'partial' | 'failed' | 'unsupported' | 'needs_ocr' | 'encrypted';

export interface FileRow {
  /** The integer key links join by (migration 010); sha256 is the content address everything else names. */
  id: number;
  sha256: string;
  size: number;
  media_type: string;
  stored_path: string;
  first_seen_at: string;
  extraction_status: ExtractionStatus;
  extraction_reason: string | null;
  extracted_at: string | null;
}

export class Files {
  // Prepared once per connection: the crawl runs these for every request, and preparing was 3 % of its CPU.
  private readonly statements: StatementCache;

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
  }

  private stmt(sql: string) {
    return this.statements.get(sql);
  }

  get(sha256: string): FileRow | undefined {
    return this.stmt('SELECT * FROM files WHERE sha256 = ?').get(sha256) as FileRow | undefined;
  }

  /** Records a stored file; returns true when these bytes were not in the catalog before. */
  add(f: { sha256: string; size: number; mediaType: string; storedPath: string }): boolean {
    const info = this.stmt(
        `INSERT INTO files (sha256, size, media_type, stored_path, first_seen_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(sha256) DO NOTHING`,
      )
      .run(f.sha256, f.size, f.mediaType, f.storedPath, nowIso());
    return info.changes > 0;
  }

  setExtraction(sha256: string, status: ExtractionStatus, reason: string | null): void {
    this.stmt('UPDATE files SET extraction_status = ?, extraction_reason = ?, extracted_at = ? WHERE sha256 = ?')
      .run(status, reason, nowIso(), sha256);
  }

  count(): number {
    return (this.stmt('SELECT count(*) n FROM files').get() as { n: number }).n;
  }

  totalBytes(): number {
    return (this.stmt('SELECT coalesce(sum(size), 0) n FROM files').get() as { n: number }).n;
  }
}
