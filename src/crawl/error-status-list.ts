/**
 * A later page of a list answered with an error status but carrying the whole page. Some CMS build the pages of a
 * column past the first on demand in their 404 handler (a TRS site's `index_1.html`), or fail in a template after the
 * page was drawn (500): a browser shows the list, and only the status says "not found". Read as gone, the pages
 * after the first were dropped, and with a pager that announces no count (首页 / 上一页 / 下一页) nothing said so.
 * Such a page is read as the list page it is when it holds report items of its own and does not say it does not
 * exist; a learned list's answers and refusals (401, 403, 429: a gate, not a page) keep their meaning, and an error
 * page of chrome alone is still gone. The seed's own page too, when 404 (an IIS site whose pseudo-static pages all come
 * through its 404 handler, the column's first page among them, round 54d); a seed served a 5xx is still a failure.
 */
import { listPageSaysNotFound } from './detail-page.ts';
import { loadHtml } from './html.ts';
import { titleNamesReports } from './list-page.ts';
import { looksLikeJson, MalformedAnswerError } from './learn/list-shape.ts';
import { parseList, reportCount } from './list-parse.ts';
import type { PageVisit } from './page-visit.ts';
import type { ListData } from './requests.ts';

/** Statuses a page can be served with by mistake; refusals (401, 403, 407, 429) and the like are left alone. */
const MISLABELLED = (status: number) => status === 404 || status === 410 || (status >= 500 && status <= 599);

export function errorStatusListPage(visit: PageVisit, data: ListData): boolean {
  if (!MISLABELLED(visit.status) || visit.rendered || data.family === 'learned' || data.cursor) return false;
  if (data.pageIndex < 1 && visit.status !== 404) return false;
  if (looksLikeJson(visit.body) || !/<(?:html|body)[\s>]/i.test(visit.body)) return false;
  const $ = loadHtml(visit.body);
  if (listPageSaysNotFound($)) return false;
  try {
    const { items } = parseList(visit, data);
    const reports = reportCount(items);
    // The seed's own page must be about the reports (its title or heading names them, or they are one item in ten at
    // least): a moved column's 404 page showing the newest report in a 最新公开 box is no list of them.
    if (data.pageIndex < 1) return reports > 0 && (titleNamesReports($) || reports * 10 >= items.length);
    return reports > 0;
  } catch (err) {
    if (err instanceof MalformedAnswerError) return false;
    throw err;
  }
}
