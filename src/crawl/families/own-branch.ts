/**
 * The agency whose branch of a portal a page sits in, by its breadcrumb: the trail's link that names an agency and
 * leads to a folder above the page's own (首页 > 政务公开 > 部门信息公开 > <a href="/zwgk/bmxxgk/qwjw/">区卫生健康委</a>
 * > 机构职能 > 领导信息). A page of a department's section (its 领导信息, 机构职能) that names no 年报 column of the
 * department's own still carries the portal's nav and 相关链接 to the district government's 年报: that column is
 * another agency's, and the department's reports are one click below its own page (round 45c).
 */
import { resolveLink } from '../../download/scope.ts';
import { isAgencyName } from '../classify/agency.ts';
import { CRUMB_LEAD, isCrumbBox } from '../crumb-agency.ts';
import { documentBase, squash, type Doc } from '../html.ts';

const MAX_TRAIL = 200;

const folderOf = (url: string) => new URL(url).pathname.replace(/[^/]*$/, '');

/**
 * The trail's links: those of the page's breadcrumb box (by its class or id, as crumb-agency.ts tells one), else of
 * its shortest block opening with 当前位置.
 */
function trailLinks($: Doc): ReturnType<Doc> {
  const box = $('[class], [id]')
    .toArray()
    .find((el) => {
      if (!isCrumbBox(el)) return false;
      const t = squash($(el).text());
      return t.length > 0 && t.length <= MAX_TRAIL && $(el).find('a[href]').length > 0;
    });
  if (box) return $(box).find('a[href]');
  const led = $('div, td, p, span')
    .toArray()
    .filter((el) => {
      const t = squash($(el).text());
      return t.length <= MAX_TRAIL && CRUMB_LEAD.test(t);
    })
    .pop();
  return led ? $(led).find('a[href]') : $([]);
}

/**
 * The page of the agency whose branch the page is in: a trail link reading as an agency's name (区卫生健康委) whose
 * folder is above the page's own, two folders deep at least (a portal's root or its 政务公开 is everyone's), on the
 * page's host; the nearest such to the page. Null when the trail names none.
 */
export function ownAgencyPage($: Doc, pageUrl: string): { url: string; folder: string; name: string } | null {
  const base = documentBase($, pageUrl);
  const page = new URL(pageUrl);
  const pageFolder = folderOf(pageUrl);
  let found: { url: string; folder: string; name: string } | null = null;
  trailLinks($).each((_, el) => {
    const a = $(el);
    const name = squash(a.text()).replace(/\s/g, '');
    const url = resolveLink(a.attr('href'), base);
    if (!url || !name || !isAgencyName(name) || new URL(url).host !== page.host) return;
    const folder = folderOf(url);
    if (folder === pageFolder || !pageFolder.startsWith(folder) || folder.split('/').filter(Boolean).length < 2) return;
    if (!found || folder.length > found.folder.length) found = { url, folder, name };
  });
  return found;
}
