/** Counters of one crawl run: what the run summary, the runs table and the progress line show. */
export class CrawlStats {
  requests = 0;
  pages = 0;
  listPages = 0;
  reportPages = 0;
  newReports = 0;
  newSources = 0;
  files = 0;
  newFiles = 0;
  bytesStored = 0;
  notModified = 0;
  changed = 0;
  gone = 0;
  failed = 0;
  skipped = 0;
  /** List pages the HTTP path could not see, handed to the browser. */
  browserHandoffs = 0;
  readonly perHost = new Map<string, { requests: number; failed: number; gone: number }>();
  readonly failures = new Map<string, number>();

  host(host: string) {
    let h = this.perHost.get(host);
    if (!h) {
      h = { requests: 0, failed: 0, gone: 0 };
      this.perHost.set(host, h);
    }
    return h;
  }

  fail(host: string, kind: string): void {
    this.failed += 1;
    this.host(host).failed += 1;
    this.failures.set(kind, (this.failures.get(kind) ?? 0) + 1);
  }

  toJSON(): Record<string, unknown> {
    return {
      requests: this.requests,
      pages: this.pages,
      listPages: this.listPages,
      reportPages: this.reportPages,
      newReports: this.newReports,
      newSources: this.newSources,
      files: this.files,
      newFiles: this.newFiles,
      bytesStored: this.bytesStored,
      notModified: this.notModified,
      changed: this.changed,
      gone: this.gone,
      failed: this.failed,
      skipped: this.skipped,
      browserHandoffs: this.browserHandoffs,
      failures: Object.fromEntries(this.failures),
      hosts: Object.fromEntries(this.perHost),
    };
  }
}
