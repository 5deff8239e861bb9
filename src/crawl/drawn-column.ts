/**
 * A column of the 年报 tree whose list its page loads by script: the HTTP read of a year's or a unit's column (a
 * link of the seed's 更多 or menu) lists nothing, while a script of the page loads the list (round 72b: a Hanweb site's
 * older year columns, no data island, the list POSTed to its dataproxy on load; round 73b: a loader named for lists).
 * Such a page is drawn in the browser; the seed's own escalation renders only the seed, which had its reports.
 */
import { classifyTitle } from './classify/title.ts';
import { crumbBox } from './crumb-agency.ts';
import { loadsSiteScript, scriptLoadsData, siteScripts } from './families/detect.ts';
import { loadHtml, squash } from './html.ts';

const NAMES_REPORTS = /年报|年度报告/;
/** A heading or title that is a year alone ("2021年度", "2021年_某县人民政府"): a year's column. */
const YEAR_ALONE = /^(?:19|20)\d{2}\s*年度?(?:$|[\s_\-|｜—])/;

/**
 * Whether the page's own words make it a column of the annual reports: its title or heading, or its breadcrumb (the
 * box crumb-agency.ts finds in one walk: by class or id, else the short block opening with 当前位置).
 */
function namesReportColumn(html: string): boolean {
  const $ = loadHtml(html);
  const heads = ['title', 'h1', 'h2'].map((sel) => squash($(sel).first().text()));
  if (heads.some((t) => YEAR_ALONE.test(t) || (NAMES_REPORTS.test(t) && !classifyTitle(t).excluded))) return true;
  const crumb = crumbBox($);
  return crumb !== null && NAMES_REPORTS.test(squash($(crumb).text()));
}

/**
 * Whether a later list page read over HTTP with no report item is a 年报 column whose list its script loads: an inline
 * script loads data from an address it names, or a site script named for lists is loaded (detect.ts scriptLoadsData),
 * and its own words name it a column of the reports, or the link leading to it did (its heading and title filled by
 * that script: round 76b). `seedNoDrawnColumn`: the seed's own page runs no script, or is no 年报 column by its words.
 */
export function columnDrawnByScript(html: string, pageUrl: string, linkNamedIt = false, seedNoDrawnColumn = false, seedShellScripts: readonly string[] = []): boolean {
  // A column the link named that loads a script of its own site the seed's shell loads too (the seed listed nothing
  // over HTTP and was drawn): the same script draws it (a JPaaS 年报 column's 部门年报 and 镇年报 sub-columns, each a
  // shell of `unitbuild.js` reading its own `querydata`, round 108b).
  if (linkNamedIt && drawnLikeSeed(html, pageUrl, seedShellScripts)) return true;
  // A column the link named that loads a script of its own site (广东 gkmlpt's `/gkmlpt/js/app.js` from a home page
  // running no script, round 85c; 柘城's tabs script from its 政府信息公开 page, round 87b), when the seed's own page is
  // no 年报 column its escalation would draw. A seed that is one, drawn by script, is drawn itself (a SiteServer 年报
  // channel whose sub-channels are drawn alike, round 78b: one sub-channel drawn first made the seed look read, and
  // its other units' reports were missed).
  if (linkNamedIt && seedNoDrawnColumn && loadsSiteScript(html, pageUrl)) return true;
  return scriptLoadsData(html) && (linkNamedIt || namesReportColumn(html));
}

/** Whether two addresses name one document (the same path on the same origin), whatever their queries. */
export function sameDocument(a: string, b: string): boolean {
  if (!URL.canParse(a) || !URL.canParse(b)) return false;
  const x = new URL(a);
  const y = new URL(b);
  return x.origin === y.origin && x.pathname === y.pathname;
}

/** Whether an address is the same document as another under another query (a shell's other column). */
export function otherQueryOf(a: string, b: string): boolean {
  return sameDocument(a, b) && new URL(a).search !== new URL(b).search;
}

/** Whether a page loads a script of its own site that the seed's shell loads too (`seedShellScripts`). */
export function drawnLikeSeed(html: string, pageUrl: string, seedShellScripts: readonly string[]): boolean {
  return seedShellScripts.length > 0 && siteScripts(html, pageUrl).some((s) => seedShellScripts.includes(s));
}
