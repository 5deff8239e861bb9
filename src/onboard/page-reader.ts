/**
 * How probe and discover read pages: through the crawl's polite Fetcher (robots.txt, one request at a time per
 * host with the configured spacing, retries), with no registry behind it. The scope is only the hosts the user
 * named on the command line, so nothing is fetched anywhere else. Nothing is stored and the catalog is never opened.
 */
import type { PolitenessConfig } from '../config.ts';
import type { PageVisit } from '../crawl/page-visit.ts';
import { readBody, Fetcher } from '../download/fetcher.ts';
import { Robots } from '../download/robots.ts';
import { Scope } from '../download/scope.ts';
import { decodeHtml } from '../encoding/decode-html.ts';

/** Pages larger than this are not read (a portal page is a few hundred KB at most). */
const MAX_PAGE_BYTES = 20 * 1024 * 1024;

export interface ReadRequest {
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

export interface ReadPage extends PageVisit {
  contentType: string | null;
  /** The body is a document (PDF, Word …), not markup or JSON: its text is not decoded. */
  binary: boolean;
  bytes: number;
  /** The body as received, for a document (binary) answer; null for pages. */
  raw: Buffer | null;
}

export class PageReader {
  readonly scope: Scope;
  readonly fetcher: Fetcher;

  constructor(politeness: PolitenessConfig, hosts: Iterable<string>);
  /** A reader over a crawl's own fetcher and scope: its host spacing, robots.txt and challenge cookies. */
  constructor(fetcher: Fetcher, scope: Scope);
  constructor(a: PolitenessConfig | Fetcher, b: Iterable<string> | Scope) {
    if (a instanceof Fetcher && b instanceof Scope) {
      this.scope = b;
      this.fetcher = a;
      return;
    }
    this.scope = new Scope(b as Iterable<string>);
    this.fetcher = new Fetcher(a as PolitenessConfig, this.scope);
    this.fetcher.robots = new Robots(this.fetcher, (a as PolitenessConfig).userAgent);
  }

  /** Reads one page; 4xx answers come back as pages (their status says so), refusals and final failures throw FetchError. */
  async read(req: ReadRequest): Promise<ReadPage> {
    return this.fetcher.request({ url: req.url, method: req.method, body: req.body, headers: req.headers, purpose: 'page' }, async (res) => {
      const bytes = await readBody(res.body, MAX_PAGE_BYTES, res.url, res.contentLength);
      const header = res.headers['content-type'];
      const contentType = (Array.isArray(header) ? header[0] : header) ?? null;
      const binary = isBinary(contentType, bytes);
      return {
        url: req.url,
        loadedUrl: res.url,
        status: res.status,
        body: binary ? '' : decodeHtml(bytes, contentType).text,
        contentType,
        binary,
        bytes: bytes.length,
        raw: binary ? bytes : null,
      };
    });
  }
}

function isBinary(contentType: string | null, bytes: Buffer): boolean {
  if (contentType && /(html|xml|json|javascript|text\/)/i.test(contentType)) return false;
  const head = bytes.subarray(0, 8).toString('latin1');
  return head.startsWith('%PDF') || head.startsWith('PK\x03\x04') || head.startsWith('\xd0\xcf\x11\xe0') || bytes.includes(0);
}
