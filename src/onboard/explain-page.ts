/**
 * What the crawl would make of one fetched page, explained: whether it is a challenge or an empty shell (and so
 * the browser lane's), the family and the signals behind it, every list item with the title rule that decided it
 * and where its year and agency come from, the next list requests, and, on a report page, the report's fields and
 * attachments. Pure: it reads the page with the crawl's own parsers and classifiers and fetches nothing.
 */
import { agencyFromTitle } from '../crawl/classify/agency.ts';
import { classifyTitle } from '../crawl/classify/title.ts';
import { parseReportYear, yearFromBody } from '../crawl/classify/year.ts';
import { parseDetailPage, type Attachment, type DetailPage } from '../crawl/detail-page.ts';
import { isChallenge, isShell, PARSERS } from '../crawl/families/detect.ts';
import type { PageVisit } from '../crawl/page-visit.ts';
import { explainFamily, type FamilyExplanation } from './family-signals.ts';
import { siteAgency, type Sourced } from './site-agency.ts';

export interface ExplainedItem {
  title: string;
  url: string;
  date: string | null;
  isFile: boolean;
  report: boolean;
  /** The title rule that decided (src/crawl/classify/title.ts). */
  rule: string;
  year: Sourced<number> | null;
  agency: Sourced<string> | null;
}

export interface NextRequest {
  url: string;
  method: 'GET' | 'POST';
  body: string | null;
}

export interface ExplainedReportPage {
  title: string | null;
  /** The title rule applied to the page's own title. */
  rule: string;
  year: Sourced<number> | null;
  agency: Sourced<string> | null;
  publisher: string | null;
  publishedAt: string | null;
  attachments: Attachment[];
}

export type PageKind = 'challenge' | 'shell' | 'list' | 'report' | 'error';

export interface PageExplanation {
  kind: PageKind;
  status: number;
  site: Sourced<string> | null;
  family: FamilyExplanation;
  items: ExplainedItem[];
  /** Which parser read the items. */
  itemsFrom: string;
  next: NextRequest[];
  report: ExplainedReportPage | null;
  /** Whether the crawl would hand this page to the browser lane, and why. */
  browser: { takes: boolean; why: string };
}

function itemYear(title: string): Sourced<number> | null {
  const year = parseReportYear(title);
  return year === null ? null : { value: year, from: 'title' };
}

function explainReportPage(page: DetailPage, site: Sourced<string> | null): ExplainedReportPage {
  const titled = page.title ? classifyTitle(page.title) : { isReport: false, reason: 'no title on the page' };
  const titleYear = page.title ? parseReportYear(page.title) : null;
  const bodyYear = titleYear === null ? yearFromBody(page.bodyText) : null;
  const fromTitle = page.title ? agencyFromTitle(page.title) : null;
  // The order of src/crawl/attribution.ts: the title, then the page's 发布机构, then the seed (here: the site).
  const agency: Sourced<string> | null = fromTitle
    ? { value: fromTitle, from: 'title' }
    : page.publisher
      ? { value: page.publisher, from: 'publisher (发布机构)' }
      : site
        ? { value: site.value, from: `site (${site.from})` }
        : null;
  return {
    title: page.title,
    rule: titled.reason,
    year: titleYear !== null ? { value: titleYear, from: 'title' } : bodyYear !== null ? { value: bodyYear, from: 'body (统计期限)' } : null,
    agency,
    publisher: page.publisher,
    publishedAt: page.publishedAt,
    attachments: page.attachments,
  };
}

/** A report page: its own title is a report's, and it links at most one report besides its attachments. */
function looksLikeReportPage(page: DetailPage, visit: PageVisit, items: ExplainedItem[]): boolean {
  if (!page.title || !classifyTitle(page.title).isReport) return false;
  const reportPages = items.filter((i) => i.report && !i.isFile && i.url !== visit.loadedUrl);
  return reportPages.length <= 1;
}

export function explainPage(visit: PageVisit): PageExplanation {
  const site = siteAgency(visit.body);
  const family = explainFamily(visit.body, visit.loadedUrl);
  const base = { status: visit.status, site, family, items: [], itemsFrom: 'none', next: [], report: null };
  if (!visit.rendered && isChallenge(visit)) {
    return { ...base, kind: 'challenge', browser: { takes: true, why: `an anti-bot challenge (HTTP ${visit.status}, a script that sets a cookie and reloads)` } };
  }
  if (visit.status >= 400) return { ...base, kind: 'error', browser: { takes: false, why: `HTTP ${visit.status}: nothing to read` } };
  const parsed = PARSERS[family.family].parse(visit, undefined);
  let itemsFrom = `the ${family.family} parser`;
  let listed = parsed.items;
  // A rendered application shell still names its API, but its list now sits in the DOM: read the DOM's links.
  if (visit.rendered && !listed.length) {
    listed = PARSERS.generic.parse(visit, undefined).items;
    itemsFrom = 'the rendered DOM (generic parser)';
  }
  const items: ExplainedItem[] = listed.map((i) => {
    const verdict = classifyTitle(i.title);
    const agency = agencyFromTitle(i.title);
    return {
      title: i.title,
      url: i.url,
      date: i.date,
      isFile: i.isFile,
      report: verdict.isReport,
      rule: verdict.reason,
      year: verdict.isReport ? itemYear(i.title) : null,
      agency: verdict.isReport ? (agency ? { value: agency, from: 'title' } : site ? { value: site.value, from: `site (${site.from})` } : null) : null,
    };
  });
  const next = parsed.next.map((n) => ({ url: n.url, method: n.method ?? 'GET', body: n.payload ?? null }));
  if (!visit.rendered && !items.length && !next.length && isShell(visit.body)) {
    return { ...base, kind: 'shell', items, itemsFrom, next, browser: { takes: true, why: 'an empty shell: no items, no API it names, the list is drawn by script' } };
  }
  const detail = parseDetailPage(visit.body, visit.loadedUrl);
  const isReport = looksLikeReportPage(detail, visit, items);
  return {
    ...base,
    kind: isReport ? 'report' : 'list',
    items,
    itemsFrom,
    next,
    report: isReport ? explainReportPage(detail, site) : null,
    browser: { takes: false, why: visit.rendered ? 'rendered by the browser already' : 'the HTTP path sees the page' },
  };
}
