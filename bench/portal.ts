/**
 * The benchmark's generated portal: many county sites rendered by the fixture portal's TRS WCM renderer, each with
 * an annual-report column of its departments' reports. Sizes and shares are parameters so every figure can be
 * checked against what the portal is known to hold:
 * - `paged` sites split their column into pages reachable only through the JavaScript pager (as TRS does);
 *   the others list every item on one page of plain links, which wget can follow too;
 * - a share of items has an attachment; every attachment's bytes are unique (a corpus document plus a trailer
 *   naming it), except a known share that repeats one of a few shared documents (a provincial document republished
 *   by every county), so the dedup ratio to expect is known exactly.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { doc } from '../test/fixtures/portal/docs.ts';
import { startPortal, type Portal } from '../test/fixtures/portal/server.ts';
import type { SiteHandler } from '../test/fixtures/portal/sites/index.ts';
import { attachmentPath, detailPath, TrsSite } from '../test/fixtures/portal/sites/trs.ts';
import type { TrsItem, TrsSiteDef } from '../test/fixtures/portal/sites/trs-content.ts';
import { regionOf, type DivisionRow } from '../src/registry/divisions.ts';

export interface PortalSpec {
  sites: number;
  itemsPerSite: number;
  /** Items per list page on paged sites. */
  perPage: number;
  /** Every n-th site (1-based: sites 1, 1+n, …) is paged; 0 = none. Default 2: half the sites. */
  pagedEvery: number;
  /** Share of items with an attachment, 0…1. */
  attachmentShare: number;
  /** Share of attachments whose bytes repeat one of `sharedDocs` documents, 0…1. */
  duplicateShare: number;
  sharedDocs: number;
  /** Items of each site, by index, where sites differ in size (bench/slots.ts); the rest have itemsPerSite. */
  itemCounts?: number[];
  /** Added to every document id: the same sites with a new set of reports (new URLs, new attachment bytes). */
  docIdOffset?: number;
}

/** 40 departments × 5 years = 200 reports per county, the size of a real county column. */
const DEPARTMENTS = [
  '发展和改革局', '教育体育局', '科学技术局', '工业和信息化局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局',
  '自然资源局', '生态环境分局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '文化广电和旅游局',
  '卫生健康委员会', '退役军人事务局', '应急管理局', '审计局', '市场监督管理局', '统计局', '医疗保障局', '林业局', '城市管理局',
  '行政审批服务局', '信访局', '乡村振兴局', '机关事务服务中心', '数据资源局', '粮食和物资储备局', '气象局', '档案馆', '融媒体中心',
  '供销合作社联合社', '人民防空办公室', '投资促进局', '金融工作办公室', '地方志编纂中心',
];
const YEARS = [2023, 2022, 2021, 2020, 2019];
/** Attachment bodies, rotated: real report documents of the corpus in the formats portals publish. */
const ATTACHMENT_DOCS = ['r000.pdf', 'r001.pdf', 'r002.pdf', 'r003.pdf', 'r004.pdf', 'r000.docx', 'r004.doc', 'r002.pdf'];
const BODIES = ['r000', 'r001', 'r002', 'r003', 'r004'];

export interface GeneratedSite {
  def: TrsSiteDef;
  paged: boolean;
  agency: { name: string; division: string; province: string; city?: string; county: string };
  /** Attachment bytes by URL path (below the column), produced on request. */
  files: Map<string, () => Buffer>;
  /** Each attachment's size and content label (equal labels, equal bytes). */
  attachments: { size: number; content: string }[];
}

export interface GeneratedPortal {
  spec: PortalSpec;
  sites: GeneratedSite[];
}

/** What (some of) the portal holds, for checking the figures against. */
export interface Expected {
  sites: number;
  items: number;
  listPages: number;
  attachments: number;
  duplicateAttachments: number;
  attachmentBytes: number;
  /** Bytes of the distinct attachments: what a store that keeps each content once holds. */
  distinctAttachmentBytes: number;
}

export function expectedOf(g: GeneratedPortal, only: (s: GeneratedSite) => boolean = () => true): Expected {
  const e: Expected = { sites: 0, items: 0, listPages: 0, attachments: 0, duplicateAttachments: 0, attachmentBytes: 0, distinctAttachmentBytes: 0 };
  const seen = new Set<string>();
  for (const s of g.sites.filter(only)) {
    e.sites += 1;
    e.items += s.def.items.length;
    e.listPages += Math.max(1, Math.ceil(s.def.items.length / s.def.perPage));
    for (const a of s.attachments) {
      e.attachments += 1;
      e.attachmentBytes += a.size;
      if (a.content.startsWith('shared')) e.duplicateAttachments += 1;
      if (!seen.has(a.content)) e.distinctAttachmentBytes += a.size;
      seen.add(a.content);
    }
  }
  return e;
}

const require = createRequire(import.meta.url);

/** County-level divisions (no zones or placeholders), spread over the provinces: one every `step`. */
function counties(n: number): string[] {
  const rows = (require('../src/registry/data/divisions.json') as { rows: DivisionRow[] }).rows;
  // Names repeat across provinces (长安区, 桥西区 …); one of each keeps the generated agencies' names unique.
  const names = new Map<string, string>();
  for (const r of rows) if (r[2] === 'county' && r[4] === undefined && !/^(11|12|31|50)/.test(r[0]) && !names.has(r[1])) names.set(r[1], r[0]);
  const all = [...names.values()];
  const step = Math.max(1, Math.floor(all.length / n));
  return Array.from({ length: n }, (_, i) => all[(i * step) % all.length]!);
}

function trailer(label: string): Buffer {
  // After %%EOF a PDF reader ignores it; the type sniffers read the magic bytes at the start.
  return Buffer.from(`\n%nianbao-bench ${label}\n`, 'latin1');
}

export function generatePortal(spec: PortalSpec): GeneratedPortal {
  const sites: GeneratedSite[] = [];
  let attachmentNo = 0;
  const codes = counties(spec.sites);
  for (let s = 0; s < spec.sites; s++) {
    const region = regionOf(codes[s]!)!;
    const county = region.county!;
    const paged = spec.pagedEvery > 0 && s % spec.pagedEvery === 0;
    const files = new Map<string, () => Buffer>();
    const attachments: GeneratedSite['attachments'] = [];
    const items: TrsItem[] = [];
    const itemCount = spec.itemCounts?.[s] ?? spec.itemsPerSite;
    for (let j = 0; j < itemCount; j++) {
      const dept = DEPARTMENTS[j % DEPARTMENTS.length]!;
      const year = YEARS[Math.floor(j / DEPARTMENTS.length) % YEARS.length]!;
      const publisher = `${county}${dept}`;
      const title = `${publisher}${year}年政府信息公开工作年度报告`;
      const day = String(1 + (j % 28)).padStart(2, '0');
      const date = `${year + 1}-01-${day}`;
      const docId = 100_000 + (spec.docIdOffset ?? 0) + s * 10_000 + j;
      const item: TrsItem = { docId, date, title, publisher, report: { agency: publisher, year } };
      // Spread attachments evenly: item j has one when floor((j+1)·share) steps up.
      const hasAttachment = Math.floor((j + 1) * spec.attachmentShare) > Math.floor(j * spec.attachmentShare);
      if (hasAttachment) {
        const n = attachmentNo++;
        const isDup = Math.floor((n + 1) * spec.duplicateShare) > Math.floor(n * spec.duplicateShare);
        const shared = n % Math.max(1, spec.sharedDocs);
        const file = ATTACHMENT_DOCS[(isDup ? shared : n) % ATTACHMENT_DOCS.length]!;
        const ext = file.split('.').pop()!;
        const p0 = `${date.replace(/-/g, '')}${String(docId).padStart(12, '0')}`;
        item.attachments = [{ file, name: `${title}.${ext}`, p0 }];
        item.paragraphs = [`现将${title}予以公开，详见附件。`];
        const content = isDup ? `shared-${shared}` : `${s}-${docId}`;
        files.set(`${detailPath(item).slice(2, 8)}/${attachmentPath(item, p0, file).slice(2)}`, () => Buffer.concat([doc(file), trailer(content)]));
        attachments.push({ size: doc(file).length + trailer(content).length, content });
      } else {
        item.bodyFrom = BODIES[j % BODIES.length]!;
      }
      items.push(item);
    }
    // Newest first, as columns list them.
    items.sort((a, b) => b.date.localeCompare(a.date) || b.docId - a.docId);
    const perPage = paged ? spec.perPage : Math.max(1, items.length);
    sites.push({
      def: { id: `bench-${String(s).padStart(3, '0')}`, siteName: `${county}人民政府`, columnPath: '/zwgk/zfxxgknb/', columnName: '政府信息公开年报', perPage, items },
      paged,
      agency: { name: `${county}人民政府`, division: region.division, province: region.province, city: region.city, county },
      files,
      attachments,
    });
  }
  return { spec, sites };
}

/**
 * A generated site: attachments come from the generator (unique bytes), everything else from the TRS renderer.
 * Detail pages are found through an index instead of the renderer's scan, so the server stays cheap at 200 items.
 */
class BenchSite implements SiteHandler {
  readonly id: string;
  private readonly trs: TrsSite;
  constructor(private readonly site: GeneratedSite) {
    this.id = site.def.id;
    this.trs = new TrsSite(site.def);
  }

  handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    const col = this.site.def.columnPath;
    const file = p.startsWith(col) ? this.site.files.get(p.slice(col.length)) : undefined;
    if (!file) return this.trs.handle(req, res);
    const bytes = file();
    res.writeHead(200, { 'content-type': p.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream', 'content-length': String(bytes.length) });
    res.end(bytes);
    void body;
  }
}

/** `ports`: each site's port (by site id), to serve another generation of the same sites at the same URLs. */
export async function startGeneratedPortal(g: GeneratedPortal, ports?: Record<string, number>): Promise<Portal> {
  return startPortal({ sites: g.sites.map((s) => new BenchSite(s)), ports, keepAliveMs: 5000 });
}

/** Seeds YAML with one agency per site, its annual-report column as the entry. */
export function benchSeedsYaml(g: GeneratedPortal, urls: Record<string, string>, only?: (s: GeneratedSite) => boolean): string {
  const lines = ['# Generated by bench/portal.ts for one benchmark run.', 'agencies:'];
  for (const s of g.sites.filter(only ?? (() => true))) {
    const a = s.agency;
    lines.push(`  - name: ${a.name}`, `    division: "${a.division}"`, '    level: county', `    province: ${a.province}`);
    if (a.city) lines.push(`    city: ${a.city}`);
    lines.push(`    county: ${a.county}`, '    entries:', `      - url: ${urls[s.def.id]}${s.def.columnPath}index.html`, '        family: trs', '        render: http');
  }
  return `${lines.join('\n')}\n`;
}

/** The column URL of each site (what wget starts from). */
export function columnUrls(g: GeneratedPortal, urls: Record<string, string>, only?: (s: GeneratedSite) => boolean): string[] {
  return g.sites.filter(only ?? (() => true)).map((s) => `${urls[s.def.id]}${s.def.columnPath}index.html`);
}
