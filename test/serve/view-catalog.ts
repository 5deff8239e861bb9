/**
 * A small catalog for the web view's tests, written through the catalog API: every cell state of the coverage grid
 * (on time, late by the page's date, late by the file's own date, missing, failing checks, needs OCR, changed after
 * publication), two report formats, a hostile title, stored bytes, runs and seed entries.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Catalog } from '../../src/catalog/catalog.ts';
import { setClock } from '../../src/catalog/time.ts';
import { storagePaths } from '../../src/config.ts';
import { runChecks } from '../../src/extract/checks.ts';
import { figureKeys, TEMPLATES } from '../../src/extract/template/index.ts';

export const HOSTILE_TITLE = '<script>window.__pwned = 1</script>"><img src=x onerror="window.__pwned = 2">洛阳市发展和改革委员会2024年政府信息公开工作年度报告';

export interface ViewCatalog {
  storage: string;
  ids: {
    luoyang: number;
    yiyangGov: number;
    yiyangHealth: number;
    yiyangEdu: number;
    ndrc: number;
    jiangxi: number;
  };
  reports: Record<'onTime' | 'latePage' | 'lateFile' | 'failing' | 'ocr' | 'changed' | 'hostile' | 'old2019', number>;
  /** The stored file of the failing report (a PDF). */
  failingSha: string;
}

function storeBytes(storage: string, bytes: Buffer, ext: string): { sha256: string; storedPath: string; size: number } {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const storedPath = path.join('files', sha256.slice(0, 2), `${sha256}.${ext}`);
  mkdirSync(path.join(storage, path.dirname(storedPath)), { recursive: true });
  writeFileSync(path.join(storage, storedPath), bytes);
  return { sha256, storedPath, size: bytes.length };
}

/** A complete, consistent figure set of a template, scaled by `n`; `tweak` then breaks or changes cells. */
function figuresOf(template: '2019' | '2021', n: number, tweak: Record<string, number> = {}): Record<string, number | null> {
  const figures: Record<string, number | null> = Object.fromEntries(figureKeys(TEMPLATES[template]).map((k) => [k, 0]));
  const set = (row: string, natural: number, company: number) => {
    figures[`s3.${row}.natural_person`] = natural;
    figures[`s3.${row}.commercial_enterprise`] = company;
    figures[`s3.${row}.total`] = natural + company;
  };
  set('new_received', 10 * n, 2 * n);
  set('carried_over', n, 0);
  set('granted', 6 * n, 2 * n);
  set('unable_not_held', 3 * n, 0);
  set('total', 9 * n, 2 * n);
  set('carried_to_next_year', 2 * n, 0);
  figures['s4.review_upheld'] = n;
  figures['s4.review_total'] = n;
  figures['s4.litigation_direct_corrected'] = 1;
  figures['s4.litigation_direct_total'] = 1;
  if (template === '2021') {
    figures['s2.rules.in_force'] = 3;
    figures['s2.normative_docs.issued'] = 4;
    figures['s2.normative_docs.in_force'] = 20 + n;
    figures['s2.licensing.decisions'] = 100 * n;
    figures['s2.fees.amount'] = 1.5;
  } else {
    figures['s2.normative_docs.new_made'] = 4;
    figures['s2.licensing.prev_year'] = 90;
    figures['s2.licensing.change'] = -3;
  }
  return { ...figures, ...tweak };
}

export function buildViewCatalog(storage: string): ViewCatalog {
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const at = (iso: string) => setClock(() => new Date(iso));
  try {
    return catalog.tx(() => {
      at('2025-03-01T02:00:00Z');
      const agency = (name: string, division: string, level: 'province' | 'city' | 'county', province: string, city: string | null, county: string | null, discovered = false) =>
        catalog.agencies.upsert({ name, nameKey: name, division, level, province, city, county, discovered }).id;
      const luoyang = agency('洛阳市人民政府', '410300', 'city', '河南省', '洛阳市', null);
      const ndrc = agency('洛阳市发展和改革委员会', '410300', 'city', '河南省', '洛阳市', null);
      const yiyangGov = agency('宜阳县人民政府', '410327', 'county', '河南省', '洛阳市', '宜阳县');
      const yiyangHealth = agency('宜阳县卫生健康委员会', '410327', 'county', '河南省', '洛阳市', '宜阳县');
      const yiyangEdu = agency('宜阳县教育局', '410327', 'county', '河南省', '洛阳市', '宜阳县', true);
      const jiangxi = agency('江西省国防动员办公室', '360000', 'province', '江西省', null, null);
      catalog.agencies.addAlias(jiangxi, { alias: '江西省人民防空办公室', nameKey: '江西省人民防空办公室', validToYear: 2023 });

      const run = catalog.runs.start('crawl', { job: 'crawl', seeds: ['seeds/test.yaml'] });
      for (const [agencyId, url] of [[luoyang, 'http://gov.test/ly/list.html'], [yiyangGov, 'http://gov.test/yy/list.html']] as const) {
        const seed = catalog.seeds.upsert({ agencyId, url, host: 'gov.test', family: 'auto', render: 'auto', seedsFile: 'seeds/test.yaml' });
        catalog.seeds.markCrawled(seed.id, 'trs');
      }
      catalog.urls.record({ url: 'http://gov.test/yy/list.html', host: 'gov.test', status: 503, outcome: 'failed', reason: 'HTTP 503' });

      const report = (agencyId: number, year: number, title: string, pageUrl: string, publishedAt: string | null) => {
        const r = catalog.reports.sight({ agencyId, year, title, pageUrl, listUrl: 'http://gov.test/list.html', publishedAt }).report;
        catalog.runs.event(run, { kind: 'new_report', url: pageUrl, reportId: r.id, detail: `${year}` });
        return r.id;
      };
      const file = (reportId: number, url: string, bytes: Buffer, ext: string, mediaType: string, lastModified?: string) => {
        const f = storeBytes(storage, bytes, ext);
        catalog.files.add({ sha256: f.sha256, size: f.size, mediaType, storedPath: f.storedPath });
        catalog.reports.linkFile({ reportId, sha256: f.sha256, url, fileName: path.basename(url), role: ext === 'html' ? 'page' : 'attachment', sourceUrl: 'http://gov.test/page.html' });
        catalog.urls.record({ url, host: 'gov.test', status: 200, outcome: 'ok', sha256: f.sha256, lastModified: lastModified ?? null });
        return f.sha256;
      };
      const extracted = (reportId: number, sha: string, template: '2019' | '2021', figures: Record<string, number | null>, status: 'extracted' | 'needs_ocr' = 'extracted') => {
        const checks = status === 'extracted' ? runChecks(figures, template) : [];
        catalog.extractions.save(sha, {
          status,
          reason: status === 'needs_ocr' ? 'scanned PDF: no text layer (tesseract not installed)' : null,
          extractor: status === 'extracted' ? 'pdf' : 'scan',
          template: status === 'extracted' ? template : null,
          text: '',
          figures: status === 'extracted' ? figures : {},
          unreadable: [],
          checks,
        });
        catalog.extractions.saveReport(reportId, {
          status,
          reason: status === 'needs_ocr' ? 'needs OCR' : null,
          bestSha256: status === 'extracted' ? sha : null,
          template: status === 'extracted' ? template : null,
          checksFailed: checks.filter((c) => c.ok === false).length,
          checksUncertain: checks.filter((c) => c.ok === null).length,
          disagreements: [],
        });
      };

      // 洛阳市人民政府: 2022 on time (government: 31 March), 2023 late by its page date, 2024 on time.
      at('2023-03-10T02:00:00Z');
      const onTime = report(luoyang, 2022, '洛阳市人民政府2022年政府信息公开工作年度报告', 'http://gov.test/ly/2022.html', '2023-03-10');
      extracted(onTime, file(onTime, 'http://gov.test/ly/2022.pdf', Buffer.from('%PDF-1.4 luoyang 2022'), 'pdf', 'pdf'), '2021', figuresOf('2021', 3));
      at('2024-04-20T02:00:00Z');
      const latePage = report(luoyang, 2023, '洛阳市人民政府2023年政府信息公开工作年度报告', 'http://gov.test/ly/2023.html', '2024-04-15');
      extracted(latePage, file(latePage, 'http://gov.test/ly/2023.pdf', Buffer.from('%PDF-1.4 luoyang 2023'), 'pdf', 'pdf'), '2021', figuresOf('2021', 4));
      at('2025-03-20T02:00:00Z');
      const ly2024 = report(luoyang, 2024, '洛阳市人民政府2024年政府信息公开工作年度报告', 'http://gov.test/ly/2024.html', '2025-03-20');
      extracted(ly2024, file(ly2024, 'http://gov.test/ly/2024.pdf', Buffer.from('%PDF-1.4 luoyang 2024'), 'pdf', 'pdf'), '2021', figuresOf('2021', 5));

      // 宜阳县卫生健康委员会 2023: the page gives no date; its PDF says Last-Modified 3 Feb 2024: late, decided by the file.
      // First seen long after (a backfill): that alone must not make anything late.
      at('2025-02-01T02:00:00Z');
      const lateFile = report(yiyangHealth, 2023, '宜阳县卫生健康委员会2023年政府信息公开工作年度报告', 'http://gov.test/yy/wjw/2023.html', null);
      extracted(lateFile, file(lateFile, 'http://gov.test/yy/wjw/2023.pdf', Buffer.from('%PDF-1.4 wjw 2023'), 'pdf', 'pdf', 'Sat, 03 Feb 2024 01:00:00 GMT'), '2021', figuresOf('2021', 1));

      // 宜阳县人民政府 2023: tables that do not add up (new applications: printed total 13, parts sum to 12).
      const failing = report(yiyangGov, 2023, '宜阳县人民政府2023年政府信息公开工作年度报告', 'http://gov.test/yy/2023.html', '2024-01-19');
      const failingSha = file(failing, 'http://gov.test/yy/2023.pdf', Buffer.from('%PDF-1.4 yiyang 2023 failing'), 'pdf', 'pdf');
      extracted(failing, failingSha, '2021', figuresOf('2021', 1, { 's3.new_received.total': 13 }));

      // 宜阳县人民政府 2022: a scan nobody could read yet.
      const ocr = report(yiyangGov, 2022, '宜阳县人民政府2022年政府信息公开工作年度报告', 'http://gov.test/yy/2022.html', '2023-03-20');
      extracted(ocr, file(ocr, 'http://gov.test/yy/2022.pdf', Buffer.from('%PDF-1.4 scanned'), 'pdf', 'pdf'), '2021', {}, 'needs_ocr');

      // 宜阳县教育局 (discovered) 2023: the attachment at one URL changed after publication.
      at('2024-01-18T02:00:00Z');
      const changed = report(yiyangEdu, 2023, '宜阳县教育局2023年政府信息公开工作年度报告', 'http://gov.test/yy/jyj/2023.html', '2024-01-18');
      extracted(changed, file(changed, 'http://gov.test/yy/jyj/2023.docx', Buffer.from('PK first version'), 'docx', 'docx'), '2021', figuresOf('2021', 2));
      at('2024-06-01T02:00:00Z');
      const second = file(changed, 'http://gov.test/yy/jyj/2023.docx', Buffer.from('PK second version'), 'docx', 'docx');
      catalog.runs.event(run, { kind: 'changed', host: 'gov.test', url: 'http://gov.test/yy/jyj/2023.docx', reportId: changed, sha256: second, detail: 'docx' });

      // 洛阳市发展和改革委员会 2024: a title written to attack the page.
      at('2025-01-24T02:00:00Z');
      const hostile = report(ndrc, 2024, HOSTILE_TITLE, 'http://gov.test/ndrc/2024.html?a=1&b="2"', '2025-01-24');
      extracted(hostile, file(hostile, 'http://gov.test/ndrc/2024.html?a=1&b="2"', Buffer.from('<html><script>alert(1)</script></html>'), 'html', 'html'), '2021', figuresOf('2021', 2));

      // 江西省国防动员办公室 2020 in the 2019 format, under its former name.
      at('2021-01-25T02:00:00Z');
      const old2019 = report(jiangxi, 2020, '江西省人民防空办公室2020年政府信息公开工作年度报告', 'http://gov.test/jx/2020.html', '2021-01-25');
      extracted(old2019, file(old2019, 'http://gov.test/jx/2020.pdf', Buffer.from('%PDF-1.4 jiangxi 2020'), 'pdf', 'pdf'), '2019', figuresOf('2019', 2));

      catalog.urls.record({ url: 'http://gov.test/gone.pdf', host: 'gov.test', status: 404, outcome: 'gone', reason: 'HTTP 404' });
      catalog.runs.finish(run, 'ok', { requests: 20, newReports: 9 });
      return {
        storage,
        ids: { luoyang, yiyangGov, yiyangHealth, yiyangEdu, ndrc, jiangxi },
        reports: { onTime, latePage, lateFile, failing, ocr, changed, hostile, old2019 },
        failingSha,
      };
    });
  } finally {
    setClock(() => new Date());
    catalog.close();
  }
}
