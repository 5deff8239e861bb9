/**
 * Crawlee's HTTP client, replaced: every page Crawlee fetches goes through nianbao's polite Fetcher (scope,
 * robots.txt, per-host spacing, retries), and HTML/XML is decoded from its bytes (BOM, header, <meta>, detection)
 * and handed to Crawlee as UTF-8 — Crawlee 3.18 would trust the header charset alone. The raw bytes of the
 * last pages are kept for the crawl to store them as fetched.
 */
import { Readable } from 'node:stream';
import type {
  BaseHttpClient,
  HttpRequest,
  HttpResponse,
  RedirectHandler,
  ResponseTypes,
  StreamingHttpResponse,
} from '@crawlee/core';
import { decodeHtml } from '../encoding/decode-html.ts';
import { FetchError } from '../errors.ts';
import { isBlankAnswer } from './blank-answer.ts';
import { startsLikeDocument, type DocumentSpool, type SpooledDocument } from './document-spool.ts';
import { readBody, type Fetcher, type FetchResponse } from './fetcher.ts';
import { withRefreshHeader } from './refresh-header.ts';

export interface RawPage {
  url: string;
  status: number;
  bytes: Buffer;
  contentType: string | null;
  encoding: string | null;
  etag: string | null;
  lastModified: string | null;
}

/** Headers that describe the transfer, not the content: the fetcher has already undone them. */
const HOP_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive']);

export interface BrowserResponse {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}
const RAW_PAGES_KEPT = 256;

function isMarkup(contentType: string | null, bytes: Buffer): boolean {
  if (contentType && /(html|xml)/i.test(contentType)) return true;
  if (contentType && !/^text\/plain|octet-stream/i.test(contentType)) return false;
  const head = bytes.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<');
}

export class PoliteHttpClient implements BaseHttpClient {
  private readonly rawPages = new Map<string, RawPage>();

  /** `spool`: where a document answered to a page request is streamed (document-spool.ts); without it, read as a page. */
  constructor(
    private readonly fetcher: Fetcher,
    private readonly spool?: DocumentSpool,
  ) {}

  /** The bytes of a page fetched through this client, as the server sent them (taken once). */
  takeRawPage(url: string): RawPage | undefined {
    const page = this.rawPages.get(url);
    this.rawPages.delete(url);
    return page;
  }

  /**
   * The bytes of a document a page request to `url` was answered with (document-spool.ts), read and left for the
   * downloader; undefined when none waits, or when it is over `maxBytes`.
   */
  spooledBytes(url: string, maxBytes: number): Promise<Buffer | undefined> {
    return this.spool?.read(url, maxBytes) ?? Promise.resolve(undefined);
  }

  /** Drops the document a page request to `url` was answered with, when no file request will take it. */
  async dropSpooled(url: string): Promise<void> {
    await this.spool?.take(url)?.release();
  }

  /** The encoding a page fetched through this client was decoded from (not taking it). */
  encodingOf(url: string): string | null {
    return this.rawPages.get(url)?.encoding ?? null;
  }

  private keep(page: RawPage): void {
    this.rawPages.set(page.url, page);
    if (this.rawPages.size > RAW_PAGES_KEPT) this.rawPages.delete(this.rawPages.keys().next().value!);
  }

  private async fetchPage(request: HttpRequest<keyof ResponseTypes>): Promise<{ res: FetchResponse; bytes: Buffer; headers: Record<string, string | string[] | undefined> }> {
    const method = (request.method ?? 'GET').toUpperCase() as 'GET' | 'POST' | 'HEAD';
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(request.headers ?? {})) if (typeof v === 'string') headers[k.toLowerCase()] = v;
    const url = String(request.url);
    if (request.cookieJar) {
      const cookie = await cookieString(request.cookieJar, url);
      if (cookie) headers.cookie = cookie;
    }
    const body = typeof request.body === 'string' || Buffer.isBuffer(request.body) ? request.body : undefined;
    // A server error's page reaches the handlers once its retries are spent (errorPage): a list or report drawn whole
    // before the server failed is read, any other is their failure to record.
    return this.fetcher.request({ url, method, headers, body, purpose: 'page', errorPage: true }, async (res) => {
      const out: Record<string, string | string[] | undefined> = { ...res.headers };
      delete out['content-length'];
      delete out['content-encoding'];
      // A document answered for a page: spooled for the downloader, its first bytes handed on (document-spool.ts).
      // One sent as a web page (a servlet's text/html) is known by its bytes once read.
      const handOn = async (doc: SpooledDocument) => {
        if (request.cookieJar) await storeCookies(request.cookieJar, res);
        return { res, bytes: doc.head, headers: out };
      };
      const diverted = this.spool ? await this.spool.divert(url, res) : { body: res.body };
      if ('spooled' in diverted) return handOn(diverted.spooled);
      const bytes = await readBody(diverted.body, this.fetcher.cfg.maxPageBytes, res.url, res.contentLength);
      if (this.spool && startsLikeDocument(bytes)) return handOn(await this.spool.keepBytes(url, res, bytes));
      // A page answered 200 and empty is a server's failure (blank-answer.ts): asked again, never read as a page.
      if (isBlankAnswer(res.status, method, bytes, headers)) throw new FetchError('HTTP 200 with an empty body (a server error answered as a blank page)', res.url, 'server', 200);
      if (request.cookieJar) await storeCookies(request.cookieJar, res);
      const contentType = first(res.headers['content-type']);
      let payload = bytes;
      if (isMarkup(contentType, bytes)) {
        const decoded = decodeHtml(bytes, contentType);
        // A `Refresh` header is a meta refresh sent apart from the page: read with it (refresh-header.ts).
        payload = Buffer.from(withRefreshHeader(decoded.text, res.headers.refresh), 'utf8');
        const type = contentType?.split(';')[0]?.trim() || 'text/html';
        out['content-type'] = `${type}; charset=utf-8`;
        this.keep({
          url: res.url,
          status: res.status,
          bytes,
          contentType,
          encoding: decoded.encoding,
          etag: first(res.headers.etag),
          lastModified: first(res.headers['last-modified']),
        });
      }
      return { res, bytes: payload, headers: out };
    });
  }

  /**
   * One request made by a browser page, fetched politely on its behalf (scope, robots.txt, the host's gate,
   * retries): the bytes as sent (decompressed), for the page to decode itself. Markup is kept like any page.
   */
  async fetchForBrowser(req: { url: string; method: string; headers: Record<string, string>; body?: Buffer }): Promise<BrowserResponse> {
    const method = req.method.toUpperCase() as 'GET' | 'POST' | 'HEAD';
    return this.fetcher.request({ url: req.url, method, headers: req.headers, body: req.body, purpose: 'page', browser: true }, async (res) => {
      const bytes = await readBody(res.body, this.fetcher.cfg.maxPageBytes, res.url, res.contentLength);
      const contentType = first(res.headers['content-type']);
      if (isMarkup(contentType, bytes)) {
        this.keep({
          url: res.url,
          status: res.status,
          bytes,
          contentType,
          encoding: null,
          etag: first(res.headers.etag),
          lastModified: first(res.headers['last-modified']),
        });
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) {
        if (v === undefined || HOP_HEADERS.has(k)) continue;
        headers[k] = Array.isArray(v) ? v.join('\n') : v;
      }
      return { url: res.url, status: res.status, headers, body: bytes };
    });
  }

  /** A fetched page as the response data Crawlee expects, body aside. */
  private async fetchForCrawlee(request: HttpRequest<keyof ResponseTypes>) {
    const { res, bytes, headers } = await this.fetchPage(request);
    const data = {
      url: res.url,
      statusCode: res.status,
      headers,
      trailers: {},
      complete: true,
      redirectUrls: res.redirects.map((u) => new URL(u)),
    };
    return { data, bytes };
  }

  async stream(request: HttpRequest, _onRedirect?: RedirectHandler): Promise<StreamingHttpResponse> {
    const { data, bytes } = await this.fetchForCrawlee(request);
    return {
      request,
      ...data,
      stream: Readable.from([bytes]),
      downloadProgress: { percent: 1, transferred: bytes.length, total: bytes.length },
      uploadProgress: { percent: 1, transferred: 0, total: 0 },
    };
  }

  async sendRequest<T extends keyof ResponseTypes = 'text'>(request: HttpRequest<T>): Promise<HttpResponse<T>> {
    const { data, bytes } = await this.fetchForCrawlee(request);
    const type = request.responseType ?? 'text';
    const body = (type === 'buffer' ? bytes : type === 'json' ? JSON.parse(bytes.toString('utf8')) : bytes.toString('utf8')) as ResponseTypes[T];
    return { request, ...data, body };
  }
}

function first(v: string | string[] | undefined): string | null {
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

type Jar = NonNullable<HttpRequest['cookieJar']>;
// Crawlee hands over tough-cookie jars, which return promises when called without a callback.
type PromiseJar = { getCookieString(url: string): Promise<string>; setCookie(raw: string, url: string): Promise<unknown> };

async function cookieString(jar: Jar, url: string): Promise<string> {
  try {
    return (await (jar as PromiseJar).getCookieString(url)) ?? '';
  } catch {
    return '';
  }
}

async function storeCookies(jar: Jar, res: FetchResponse): Promise<void> {
  // The cookies a redirect on the way set first (a cookie check by redirects), each under the address that set it.
  const set = [...(res.hopCookies ?? []), ...(res.headers['set-cookie'] ?? []).map((c) => ({ url: res.url, setCookie: c }))];
  for (const { url, setCookie: c } of set) {
    try {
      await (jar as PromiseJar).setCookie(c, url);
    } catch {
      // A malformed cookie is not worth failing a page for.
    }
  }
}
