/**
 * The agency a page's breadcrumb names (当前位置：首页 > 政府信息公开年报 > 柯城区教育局 > 正文): the nearest segment to
 * the page that reads as an organisation's name. A department's column on a shared platform often names its agency
 * there and nowhere else (titles "2024年度政府信息公开工作年度报告", 来源：本网).
 */
import { isAgencyName, isPlaceholderName } from './classify/agency.ts';
import type { Element, Text } from 'domhandler';
import { squash, type Doc } from './html.ts';

/** A breadcrumb's own opening words, when its box has no telling class. */
export const CRUMB_LEAD = /^(?:您?当前的?位置|您现在的位置|您的位置|现在位置|所在位置)[:：]?/;
/** Separators between a breadcrumb's segments. */
export const SEPARATOR = /\s*(?:>|＞|›|»|→|\/|\\|-&gt;)\s*|\s{2,}/;
/** Site sections whose name ends like an organisation's (…中心) but are no agency. */
const SECTION = /^(?:新闻|资讯|信息|数据|帮助|下载|互动|办事|服务|文件|图片|视频|媒体|网站|个人|用户|会员|消息|通知)中心$/;

/** A breadcrumb's box by its class or id (.position, .breadcrumb, .crumb, .location, .dqwz, .bread, #crumbs …). */
export function isCrumbBox(el: Element): boolean {
  const cls = el.attribs.class ?? '';
  const id = el.attribs.id ?? '';
  return /crumb|position/i.test(cls) || /crumb|position/i.test(id) || /(?:^|\s)(?:location|dqwz|bread)(?:\s|$)/i.test(cls);
}

/** An element's text, or null once it passes `limit` characters (a page-wide block is not copied whole). */
export function textUpTo(el: Element, limit: number): string | null {
  let out = '';
  const visit = (parent: Element): boolean => {
    for (const node of parent.children) {
      if (node.type === 'text') out += (node as Text).data;
      else if (node.type === 'tag' && visit(node as Element)) return true;
      if (out.length > limit) return true;
    }
    return false;
  };
  return visit(el) ? null : out;
}

/**
 * The breadcrumb's box: by class or id (the first in the page with at most 200 characters), else the largest short
 * block that opens with 当前位置. One walk over the page's nodes, by hand: selectors with substring matches and asking
 * every block for its text (a copy of the page per ancestor) cost milliseconds on every report page, and this runs
 * on all of them.
 */
export function crumbBox($: Doc): Element | null {
  const body = $('body')[0];
  if (!body) return null;
  let led: Element | null = null;
  const climb = (text: Text): Element | null => {
    let best: Element | null = null;
    for (let el = text.parent; el && el.type === 'tag' && (el as Element).name !== 'body'; el = el.parent) {
      const raw = textUpTo(el as Element, 400);
      const t = raw === null ? null : squash(raw);
      if (t === null || t.length > 200 || !CRUMB_LEAD.test(t)) break;
      best = el as Element;
    }
    return best;
  };
  const walk = (parent: Element): Element | null => {
    for (const node of parent.children) {
      if (node.type === 'text') {
        const data = (node as Text).data;
        if (led === null && data.includes('位置') && CRUMB_LEAD.test(squash(data))) led = climb(node as Text);
      } else if (node.type === 'tag') {
        const el = node as Element;
        if (isCrumbBox(el)) {
          const raw = textUpTo(el, 400);
          const t = raw === null ? '' : squash(raw);
          if (t.length > 0 && t.length <= 200) return el;
        }
        const inner = walk(el);
        if (inner !== null) return inner;
      }
    }
    return null;
  };
  return walk(body as Element) ?? led;
}


/** The agency a breadcrumb (its box: crumbBox) names, the last segment that is an agency's name. */
export function crumbAgency(box: Element | null): string | null {
  const raw = box ? textUpTo(box, 400) : null;
  const text = raw === null ? null : squash(raw);
  if (!text) return null;
  const segments = text.replace(CRUMB_LEAD, '').split(SEPARATOR).map((s) => s.replace(/\s+/g, '')).filter(Boolean);
  for (const s of segments.reverse()) {
    if (s.length <= 30 && isAgencyName(s) && !isPlaceholderName(s) && !SECTION.test(s)) return s;
  }
  return null;
}
