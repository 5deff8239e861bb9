/**
 * The agency a page's breadcrumb names (当前位置：首页 > 政府信息公开年报 > 柯城区教育局 > 正文): the nearest segment to
 * the page that reads as an organisation's name. A department's column on a shared platform often names its agency
 * there and nowhere else (titles "2024年度政府信息公开工作年度报告", 来源：本网).
 */
import { isAgencyName, isPlaceholderName } from './classify/agency.ts';
import { squash, type Doc } from './html.ts';

const CRUMB_BOXES = '.position, .breadcrumb, .crumb, .crumbs, .location, .dqwz, .bread, [class*=crumb], [class*=position], [id*=crumb], [id*=position]';
/** A breadcrumb's own opening words, when its box has no telling class. */
const CRUMB_LEAD = /^(?:当前位置|您现在的位置|您的位置|现在位置|所在位置)[:：]?/;
/** Separators between a breadcrumb's segments. */
const SEPARATOR = /\s*(?:>|＞|›|»|→|\/|\\|-&gt;)\s*|\s{2,}/;
/** Site sections whose name ends like an organisation's (…中心) but are no agency. */
const SECTION = /^(?:新闻|资讯|信息|数据|帮助|下载|互动|办事|服务|文件|图片|视频|媒体|网站|个人|用户|会员|消息|通知)中心$/;

/** The breadcrumb's text: its box by class, else the first short block opening with 当前位置. */
function crumbText($: Doc): string | null {
  const boxed = $(CRUMB_BOXES)
    .toArray()
    .map((el) => squash($(el).text()))
    .find((t) => t.length > 0 && t.length <= 200);
  if (boxed) return boxed;
  const led = $('div, p, span, td')
    .toArray()
    .map((el) => squash($(el).text()))
    .find((t) => CRUMB_LEAD.test(t) && t.length <= 200);
  return led ?? null;
}

export function crumbAgency($: Doc): string | null {
  const text = crumbText($);
  if (!text) return null;
  const segments = text.replace(CRUMB_LEAD, '').split(SEPARATOR).map((s) => s.replace(/\s+/g, '')).filter(Boolean);
  for (const s of segments.reverse()) {
    if (s.length <= 30 && isAgencyName(s) && !isPlaceholderName(s) && !SECTION.test(s)) return s;
  }
  return null;
}
