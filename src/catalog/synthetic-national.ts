/**
 * A synthetic catalog of national size for benchmarks: provinces → cities → counties with their agencies, reports
 * over several years (on time, late, undated, failing checks, needing OCR, changed), their source pages, files,
 * URL states, key figures, and years of nightly run history. Written with prepared statements in a few large
 * transactions, so 600k reports take a minute, not hours. Deterministic for a given seed.
 */
import type { Db } from './db.ts';
import { Extractions } from './extractions.ts';
import { seededRandom } from '../seeded-random.ts';

export interface NationalSize {
  provinces: number;
  citiesPerProvince: number;
  countiesPerCity: number;
  agenciesPerProvince: number;
  agenciesPerCity: number;
  agenciesPerCounty: number;
  /** Report years, inclusive. */
  fromYear: number;
  toYear: number;
  /** Share of agency-years with a report. */
  reportShare: number;
  /** Share of reports with an attachment besides their page (files = reports × (1 + share)). */
  attachmentShare: number;
  /** Nightly runs of history. */
  runs: number;
  eventsPerRun: number;
}

/** About 100k agencies, 600k reports, 1M files and three years of nightly runs (issue 12's national catalog). */
export const NATIONAL: NationalSize = {
  provinces: 31,
  citiesPerProvince: 10,
  countiesPerCity: 10,
  agenciesPerProvince: 30,
  agenciesPerCity: 40,
  agenciesPerCounty: 28,
  fromYear: 2018,
  toYear: 2025,
  reportShare: 0.75,
  attachmentShare: 0.67,
  runs: 3 * 365,
  eventsPerRun: 40,
};

/** A hundredth of NATIONAL, for smoke runs. */
export const SMALL: NationalSize = { ...NATIONAL, provinces: 4, citiesPerProvince: 3, countiesPerCity: 4, runs: 30 };

const PROVINCES: [string, string][] = [
  ['11', '北京市'], ['12', '天津市'], ['13', '河北省'], ['14', '山西省'], ['15', '内蒙古自治区'], ['21', '辽宁省'], ['22', '吉林省'],
  ['23', '黑龙江省'], ['31', '上海市'], ['32', '江苏省'], ['33', '浙江省'], ['34', '安徽省'], ['35', '福建省'], ['36', '江西省'],
  ['37', '山东省'], ['41', '河南省'], ['42', '湖北省'], ['43', '湖南省'], ['44', '广东省'], ['45', '广西壮族自治区'], ['46', '海南省'],
  ['50', '重庆市'], ['51', '四川省'], ['52', '贵州省'], ['53', '云南省'], ['54', '西藏自治区'], ['61', '陕西省'], ['62', '甘肃省'],
  ['63', '青海省'], ['64', '宁夏回族自治区'], ['65', '新疆维吾尔自治区'],
];
const PLACE = '东西南北中新安平宁和兴丰永顺德义昌泰华康';
const DEPARTMENTS = [
  '人民政府', '发展和改革委员会', '教育局', '科学技术局', '工业和信息化局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局',
  '自然资源局', '生态环境局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '文化和旅游局', '卫生健康委员会',
  '退役军人事务局', '应急管理局', '审计局', '市场监督管理局', '统计局', '医疗保障局', '林业局', '体育局', '信访局', '国防动员办公室',
  '城市管理局', '数据局', '乡村振兴局', '粮食和物资储备局', '人民政府办公室', '机关事务管理局', '地方金融管理局', '行政审批局',
  '民族宗教事务局', '外事办公室', '档案局', '税务局', '气象局',
];


const pad = (n: number, w: number) => String(n).padStart(w, '0');
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const HTTP_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const HTTP_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const httpDate = (d: Date) =>
  `${HTTP_DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate(), 2)} ${HTTP_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} 08:00:00 GMT`;
const fakeSha = (kind: string, n: number) => {
  // Unique 64-hex names without hashing a million times: the kind and number, spread over the hex space.
  const head = ((n * 2654435761) >>> 0).toString(16).padStart(8, '0');
  return `${head}${kind === 'page' ? 'a' : 'b'}${pad(n, 55)}`.slice(0, 64);
};

export interface NationalCounts {
  agencies: number;
  reports: number;
  files: number;
  runs: number;
}

/** Fills an empty, migrated catalog. `progress` hears about each stage. */
export function fillNationalCatalog(db: Db, size: NationalSize, opts: { seed?: number; progress?: (line: string) => void } = {}): NationalCounts {
  const rnd = seededRandom(opts.seed ?? 12);
  const say = opts.progress ?? (() => {});
  const now = '2026-01-15T00:00:00.000Z';
  const insAgency = db.prepare(
    `INSERT INTO agencies (name, name_key, division, level, province, city, county, discovered, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insSeed = db.prepare(`INSERT INTO seed_entries (agency_id, url, host, family, render, seeds_file, last_crawled_at) VALUES (?, ?, ?, 'auto', 'auto', 'seeds/national.yaml', ?)`);
  const insReport = db.prepare(
    `INSERT INTO reports (agency_id, year, title, page_url, published_at, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insSource = db.prepare(
    `INSERT INTO report_sources (report_id, page_url, list_url, title, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insFile = db.prepare(
    `INSERT INTO files (sha256, size, media_type, stored_path, first_seen_at, extraction_status, extraction_reason, extracted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insLink = db.prepare(
    `INSERT INTO report_files (report_id, sha256, url, file_name, role, source_url, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insUrl = db.prepare(
    `INSERT INTO url_state (url, host, status, outcome, last_modified, sha256, fetched_at, last_ok_at) VALUES (?, ?, 200, 'ok', ?, ?, ?, ?)`,
  );
  const insExtraction = db.prepare(
    `INSERT INTO extractions (sha256, status, reason, extractor, template, text, extracted_at) VALUES (?, ?, ?, ?, ?, '', ?)`,
  );
  const insFigure = db.prepare(`INSERT INTO figures (sha256, key, section, row_key, col_key, value) VALUES (?, ?, ?, ?, ?, ?)`);
  const insCheck = db.prepare(`INSERT INTO checks (sha256, rule, scope, expected, actual, ok) VALUES (?, ?, ?, ?, ?, ?)`);
  const insReportX = db.prepare(
    `INSERT INTO report_extractions (report_id, status, reason, best_sha256, template, checks_failed, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const extractions = new Extractions(db);
  const insRun = db.prepare(`INSERT INTO runs (kind, args, started_at, ended_at, status, counts) VALUES ('crawl', '{"job":"crawl"}', ?, ?, ?, '{}')`);
  const insEvent = db.prepare(`INSERT INTO run_events (run_id, at, kind, host, url, report_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)`);

  // Agencies, region by region.
  const agencies: { id: number; name: string; host: string; gov: boolean }[] = [];
  const addAgency = (name: string, division: string, level: string, p: string, c: string | null, x: string | null, host: string) => {
    const info = insAgency.run(name, name, division, level, p, c, x, rnd() < 0.03 ? 1 : 0, now, now);
    agencies.push({ id: Number(info.lastInsertRowid), name, host, gov: name.endsWith('人民政府') });
  };
  db.transaction(() => {
    for (const [code, province] of PROVINCES.slice(0, size.provinces)) {
      const short = province.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/, '');
      for (let d = 0; d < size.agenciesPerProvince; d++) addAgency(`${province}${DEPARTMENTS[d % DEPARTMENTS.length]}`, `${code}0000`, 'province', province, null, null, `www.p${code}.gov.cn`);
      for (let ci = 1; ci <= size.citiesPerProvince; ci++) {
        const city = `${short}${PLACE[ci - 1]}市`;
        const cityCode = `${code}${pad(ci, 2)}`;
        for (let d = 0; d < size.agenciesPerCity; d++) addAgency(`${city}${DEPARTMENTS[d % DEPARTMENTS.length]}`, `${cityCode}00`, 'city', province, city, null, `www.c${cityCode}.gov.cn`);
        for (let xi = 1; xi <= size.countiesPerCity; xi++) {
          const county = `${city.slice(0, -1)}${PLACE[xi - 1]}县`;
          for (let d = 0; d < size.agenciesPerCounty; d++) {
            addAgency(`${county}${DEPARTMENTS[d % DEPARTMENTS.length]}`, `${cityCode}${pad(xi, 2)}`, 'county', province, city, county, `www.x${cityCode}${pad(xi, 2)}.gov.cn`);
          }
        }
      }
    }
    // One annual-report column per government and every third department.
    agencies.forEach((a, i) => {
      if (a.gov || i % 3 === 0) insSeed.run(a.id, `http://${a.host}/a${a.id}/zfxxgknb/index.html`, a.host, now);
    });
  })();
  say(`${agencies.length} agencies`);

  // Reports, their pages, files, URL states and extraction results, in slices of agencies.
  let reports = 0;
  let files = 0;
  const slice = 2000;
  for (let start = 0; start < agencies.length; start += slice) {
    db.transaction(() => {
      for (const a of agencies.slice(start, start + slice)) {
        for (let year = size.fromYear; year <= size.toYear; year++) {
          if (rnd() >= size.reportShare) continue;
          const deadline = Date.UTC(year + 1, year <= 2018 || a.gov ? 2 : 0, 31); // 31 March or 31 January
          const r = rnd();
          // 80 % on time, 12 % late, 8 % without a page date (half of those with a file date).
          const published = new Date(deadline - Math.floor(rnd() * 40) * 86_400_000 + (r >= 0.8 && r < 0.92 ? 45 * 86_400_000 : 0));
          const pageDate = r < 0.92 ? isoDay(published) : null;
          const seen = new Date(published.getTime() + Math.floor(rnd() * 400) * 86_400_000).toISOString();
          const pageUrl = `http://${a.host}/a${a.id}/zfxxgknb/${year + 1}/t${year}.html`;
          const title = `${a.name}${year}年政府信息公开工作年度报告`;
          const reportId = Number(insReport.run(a.id, year, title, pageUrl, pageDate, seen, now).lastInsertRowid);
          insSource.run(reportId, pageUrl, `http://${a.host}/a${a.id}/zfxxgknb/index.html`, title, seen, now);
          reports++;
          const lastModified = pageDate || rnd() < 0.5 ? httpDate(published) : null;
          const addFile = (kind: 'page' | 'attachment', url: string, media: string, status: string, reason: string | null) => {
            const sha = fakeSha(kind, ++files);
            insFile.run(sha, 20_000 + Math.floor(rnd() * 800_000), media, `files/${sha.slice(0, 2)}/${sha}.${media}`, seen, status, reason, now);
            // The URL's state before the link, as a crawl records them (fetch, then link): the link's trigger then
            // finds the file date at once (report_key_figures, migration 007).
            insUrl.run(url, a.host, lastModified, sha, now, now);
            insLink.run(reportId, sha, url, kind === 'page' ? null : `${year}年报.${media}`, kind, pageUrl, seen, now);
            return sha;
          };
          const scanned = rnd() < 0.04;
          const withAttachment = rnd() < size.attachmentShare;
          const pageSha = addFile('page', pageUrl, 'html', withAttachment ? 'partial' : 'extracted', withAttachment ? 'no report tables found (template not detected)' : null);
          const best = withAttachment ? addFile('attachment', `http://${a.host}/a${a.id}/P${year}.pdf`, 'pdf', scanned ? 'needs_ocr' : 'extracted', scanned ? 'scanned PDF: no text layer' : null) : pageSha;
          if (scanned && withAttachment) {
            insExtraction.run(best, 'needs_ocr', 'scanned PDF: no text layer', 'scan', null, now);
            insReportX.run(reportId, 'needs_ocr', 'needs OCR', null, null, 0, now);
            extractions.refreshKeyFigures(reportId);
            continue;
          }
          const template = year >= 2021 ? '2021' : '2019';
          insExtraction.run(best, 'extracted', null, withAttachment ? 'pdf' : 'html', template, now);
          const received = Math.floor(rnd() * 200);
          const granted = Math.floor(received * (0.3 + rnd() * 0.5));
          const failing = rnd() < 0.03;
          const fig = (key: string, value: number) => {
            const [s, row, col] = key.split('.');
            insFigure.run(best, key, s!.slice(1), row!, col ?? null, value);
          };
          fig('s3.new_received.total', received + (failing ? 1 : 0));
          fig('s3.new_received.natural_person', received);
          fig('s3.granted.total', granted);
          fig('s4.review_total', Math.floor(rnd() * 5));
          fig('s4.litigation_direct_total', Math.floor(rnd() * 3));
          fig('s4.litigation_after_review_total', Math.floor(rnd() * 2));
          if (failing) insCheck.run(best, 's3.row_total', 's3.new_received', received, received + 1, 0);
          insReportX.run(reportId, 'extracted', null, best, template, failing ? 1 : 0, now);
          // As extraction does when it settles a report: its key figures and state bits from what was just written.
          extractions.refreshKeyFigures(reportId);
        }
      }
    })();
    if ((start / slice) % 10 === 0) say(`${Math.min(start + slice, agencies.length)} agencies' reports (${reports} reports, ${files} files)`);
  }

  // Years of nightly runs and their events (new reports, changes, failures).
  db.transaction(() => {
    const first = Date.UTC(2023, 0, 1);
    for (let i = 0; i < size.runs; i++) {
      const started = new Date(first + i * 86_400_000 + 3 * 3_600_000).toISOString();
      const ended = new Date(first + i * 86_400_000 + 5 * 3_600_000).toISOString();
      const runId = Number(insRun.run(started, ended, rnd() < 0.9 ? 'ok' : 'partial').lastInsertRowid);
      for (let e = 0; e < size.eventsPerRun; e++) {
        const a = agencies[Math.floor(rnd() * agencies.length)]!;
        const kind = ['new_report', 'new_file', 'changed', 'failed', 'gone'][Math.floor(rnd() * 5)]!;
        insEvent.run(runId, started, kind, a.host, `http://${a.host}/a${a.id}/zfxxgknb/index.html`, null, kind === 'failed' ? 'HTTP 503' : null);
      }
    }
  })();
  say(`${size.runs} runs`);
  return { agencies: agencies.length, reports, files, runs: size.runs };
}
