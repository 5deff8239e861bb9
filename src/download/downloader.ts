/**
 * Downloads one attachment politely into the content-addressed store: streamed, hashed, capped, revalidated
 * with the validators of the last good fetch. Truncated transfers are retried by the fetcher and never stored.
 */
import { FetchError } from '../errors.ts';
import { fileNameFromContentDisposition } from './content-disposition.ts';
import { ledToSignIn } from './sign-in-page.ts';
import type { DocumentSpool, SpoolAnswer } from './document-spool.ts';
import type { Fetcher } from './fetcher.ts';
import type { ContentStore } from './content-store.ts';
import type { StoredFile } from './store.ts';

export type DownloadResult =
  | {
      kind: 'stored';
      url: string;
      status: number;
      file: StoredFile;
      etag: string | null;
      lastModified: string | null;
      /** The name the server gave (Content-Disposition), if any. */
      serverFileName: string | null;
    }
  | { kind: 'not_modified'; url: string; status: 304 }
  | { kind: 'gone'; url: string; status: number }
  | { kind: 'failed'; url: string; status: number | null; error: FetchError };

export interface DownloadRequest {
  url: string;
  referer?: string;
  /** Name from the link text, used to tell OLE formats apart. */
  fileName?: string | null;
  /** The link names a document (see namesDocument): a web page answered for it is refused, never stored. */
  document?: boolean;
  conditional?: { etag?: string | null; lastModified?: string | null };
  /** Urlencoded form fields: the file is asked by POST, as a download page's form asks it. */
  form?: string;
}

export class Downloader {
  constructor(
    private readonly fetcher: Fetcher,
    private readonly store: ContentStore,
    private readonly maxFileBytes: number,
    /** Documents already answered to a page request of the crawl (document-spool.ts): taken, not asked again. */
    private readonly spool?: DocumentSpool,
  ) {}

  /** Downloads one file. A storage fault (disk full, below the free-space floor) rejects with a SinkError. */
  async download(req: DownloadRequest): Promise<DownloadResult> {
    // Checked before the request: no host is asked for bytes we have no room for.
    await this.store.assertSpace();
    const spooled = this.spool?.take(req.url);
    try {
      if (spooled) return await this.keep(req, { url: spooled.url, status: spooled.status, headers: spooled.headers, contentLength: spooled.size, body: spooled.body() });
      return await this.fetcher.request(
        {
          url: req.url,
          purpose: 'file',
          referer: req.referer,
          conditional: req.conditional,
          ...(req.form !== undefined ? { method: 'POST' as const, body: req.form, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
        },
        async (res): Promise<DownloadResult> => {
          if (res.status === 304) {
            res.body.resume();
            return { kind: 'not_modified', url: res.url, status: 304 };
          }
          if (res.status === 404 || res.status === 410) {
            res.body.resume();
            return { kind: 'gone', url: res.url, status: res.status };
          }
          if (res.status >= 400 || res.status < 200) {
            res.body.resume();
            throw new FetchError(`HTTP ${res.status}`, res.url, 'client', res.status);
          }
          return await this.keep(req, res);
        },
      );
    } catch (err) {
      if (err instanceof FetchError) return { kind: 'failed', url: req.url, status: err.status ?? null, error: err };
      throw err;
    } finally {
      await spooled?.release();
    }
  }

  /** A 2xx answer's bytes into the store (capped, never a sign-in page, named as the server names it). */
  private async keep(req: DownloadRequest, res: SpoolAnswer): Promise<DownloadResult> {
    if (res.contentLength !== null && res.contentLength > this.maxFileBytes) {
      res.body.destroy();
      throw new FetchError(`announced ${res.contentLength} bytes, over the ${this.maxFileBytes}-byte cap`, res.url, 'too_large', res.status);
    }
    // A web page the link's redirects led to a sign-in address (sign-in-page.ts) refuses the file: never stored,
    // whatever the link named.
    if (/html/i.test(header(res.headers['content-type']) ?? 'text/html') && ledToSignIn(req.url, res.url)) {
      res.body.resume();
      throw new FetchError('redirected to a sign-in page (the file needs a login)', res.url, 'sign_in', res.status);
    }
    const serverFileName = fileNameFromContentDisposition(res.headers['content-disposition']);
    const file = await this.store
      .put(res.body, {
        maxBytes: this.maxFileBytes,
        expectedBytes: res.headers['content-encoding'] ? null : res.contentLength,
        fileName: serverFileName ?? req.fileName ?? new URL(res.url).pathname,
        url: res.url,
        refuseWebPage: req.document,
        refuseEmpty: true,
      })
      .catch((err: unknown) => {
        // The status the page was answered with (200) is what the user needs to see beside "a web page".
        if (err instanceof FetchError && err.kind === 'not_document') {
          const page = err.page && { bytes: err.page.bytes, contentType: header(res.headers['content-type']) };
          throw new FetchError(err.detail, res.url, err.kind, res.status, page ? { page } : {});
        }
        throw err;
      });
    return {
      kind: 'stored',
      url: res.url,
      status: res.status,
      file,
      etag: header(res.headers.etag),
      lastModified: header(res.headers['last-modified']),
      serverFileName,
    };
  }
}

function header(v: string | string[] | undefined): string | null {
  return (Array.isArray(v) ? v[0] : v) ?? null;
}
