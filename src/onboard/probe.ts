/**
 * `nianbao probe`: what nianbao sees on one page (fetched politely, host-scoped, nothing stored) or in one local
 * document (read by the extraction stage's readers). Returns data; probe-view.ts turns it into text.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NianbaoConfig } from '../config.ts';
import { extractDocument, figureKeys, sniffMediaType, TEMPLATES, type CheckResult, type MediaType } from '../extract/index.ts';
import { Scope } from '../download/scope.ts';
import { explainPage, type PageExplanation } from './explain-page.ts';
import { PageReader } from './page-reader.ts';
import { startHosts } from './portal-hosts.ts';
import { BrowserSession, type CapturedExchange } from './render.ts';

/** Captured answers are shown cut to this many characters (the size says how long they were). */
const BODY_PREVIEW = 2000;

export interface ProbedExchange extends Omit<CapturedExchange, 'body'> {
  size: number;
  bodyPreview: string;
}

export interface UrlProbe {
  kind: 'url';
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  bytes: number;
  /** The URL answered a document (PDF, Word …) rather than a page: what the extraction reads in it. */
  document: FileProbe | null;
  page: PageExplanation | null;
  rendered?: {
    finalUrl: string;
    status: number;
    exchanges: ProbedExchange[];
    page: PageExplanation;
  };
}

export async function probeUrl(url: string, config: NianbaoConfig, opts: { render?: boolean } = {}): Promise<UrlProbe> {
  const reader = new PageReader(config.politeness, startHosts(Scope.hostOf(url)));
  const page = await reader.read({ url });
  const result: UrlProbe = {
    kind: 'url',
    url,
    finalUrl: page.loadedUrl,
    status: page.status,
    contentType: page.contentType,
    bytes: page.bytes,
    document: page.raw ? await probeBytes(page.raw, new URL(page.loadedUrl).pathname.split('/').pop() || 'document') : null,
    page: page.binary ? null : explainPage(page),
  };
  if (!opts.render) return result;
  const session = new BrowserSession(reader, config.chromiumPath);
  try {
    const r = await session.render(url);
    result.rendered = {
      finalUrl: r.finalUrl,
      status: r.status,
      exchanges: r.exchanges.map(({ body, ...e }) => ({ ...e, size: Buffer.byteLength(body), bodyPreview: body.slice(0, BODY_PREVIEW) })),
      page: explainPage({ url, loadedUrl: r.finalUrl, status: r.status, body: r.html, rendered: true }),
    };
  } finally {
    await session.close();
  }
  return result;
}

export interface FileProbe {
  kind: 'file';
  path: string;
  mediaType: MediaType;
  status: string;
  reason: string | null;
  extractor: string;
  template: string | null;
  /** Figures by table (s2, s3, s4), keyed as in `export --figures`, in the template's order. */
  tables: Record<'s2' | 's3' | 's4', Record<string, number | null>>;
  unreadable: string[];
  blank: string[];
  checks: CheckResult[];
  lowConfidence: boolean;
}

/** A document fetched from a URL, read from a temporary copy that is removed afterwards. */
async function probeBytes(bytes: Buffer, fileName: string): Promise<FileProbe> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nianbao-probe-'));
  try {
    const file = path.join(dir, fileName.replace(/[^\w.\-]/g, '_'));
    await writeFile(file, bytes);
    return { ...(await probeFile(file)), path: fileName };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function probeFile(file: string): Promise<FileProbe> {
  const bytes = await readFile(file);
  const mediaType = sniffMediaType(bytes, { fileName: file });
  const r = await extractDocument({ path: file, mediaType });
  const tables: FileProbe['tables'] = { s2: {}, s3: {}, s4: {} };
  const keys = r.template ? figureKeys(TEMPLATES[r.template]) : Object.keys(r.figures);
  for (const key of keys) {
    const section = key.slice(0, 2) as keyof FileProbe['tables'];
    if (section in tables && key in r.figures) tables[section][key] = r.figures[key] ?? null;
  }
  return {
    kind: 'file',
    path: file,
    mediaType,
    status: r.status,
    reason: r.reason ?? null,
    extractor: r.extractor,
    template: r.template ?? null,
    tables,
    unreadable: r.unreadable,
    blank: r.blank ?? [],
    checks: r.checks,
    lowConfidence: r.lowConfidence ?? false,
  };
}
