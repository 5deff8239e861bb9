/**
 * A page holding several years' reports one after another (a 年报 column kept as ONE article: each year a centred
 * bold heading, that year's text under it, its PDF after it, round 46a): the file links say only what to do ("点击下载",
 * "附件（PDF版）", "年报全文.pdf", a bare file name) and the heading above each names its year. Such a link is titled
 * by the heading of its section: the heading itself when it reads as a report's title, else the year it names with
 * the page's column name (`2023年度` under "政府信息公开年报" → "2023年度政府信息公开工作年度报告").
 */
import type { Element } from 'domhandler';
import { classifyTitle } from './classify/title.ts';
import { yearOnly } from './classify/text.ts';
import { squash, type Doc } from './html.ts';

/** How far back (elements passed, siblings then ancestors) a link's section heading is looked for. */
const MAX_STEPS = 80;
/** A heading is one short line. */
const MAX_HEADING = 60;
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** A paragraph set apart as a heading by the editor: bold, or centred. */
const EMPHASIS = 'strong, b';

/** What a section heading says, when the element is one: a short line, set apart (a heading tag, bold, centred). */
function headingText($: Doc, el: Element): string | null {
  const node = $(el);
  const text = squash(node.text());
  if (!text || text.length > MAX_HEADING) return null;
  if (HEADING_TAGS.has(el.name)) return text;
  const centred = /center/i.test(`${node.attr('align') ?? ''} ${node.attr('style') ?? ''} ${node.attr('class') ?? ''}`);
  const bold = node.is(EMPHASIS) || squash(node.find(EMPHASIS).text()) === text;
  return centred || bold ? text : null;
}

/** A heading naming a year's report: a report's title, or a year alone (2023年度, 二〇二二年度). */
const namesYear = (text: string) => classifyTitle(text).isReport || yearOnly(text) !== null;

/**
 * The heading of a link's section: the nearest earlier element in document order (siblings, then up) that is a
 * heading naming a year; the report's own section headings (一、总体情况) are passed. Null past an earlier link to a
 * file (another section's), or too far back.
 */
function sectionHeading($: Doc, from: Element, isFile: (el: Element) => boolean): string | null {
  let node: Element = from;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    let prev = node.prev;
    while (prev && prev.type !== 'tag') prev = prev.prev;
    if (!prev) {
      const parent = node.parent;
      if (!parent || parent.type !== 'tag' || parent.name === 'body') return null;
      node = parent;
      continue;
    }
    node = prev;
    const links = $(node).is('a[href]') ? [node] : $(node).find('a[href]').toArray();
    if (links.some(isFile)) return null;
    const own = headingText($, node);
    if (own && namesYear(own)) return own;
  }
  return null;
}

/**
 * The title a file link's section gives it, or null: only on a page about the reports (`about`: its title or main
 * heading names them), for a heading naming a year, as a report's title (the heading's own, or its year with the
 * report's name).
 */
export function sectionTitle($: Doc, a: ReturnType<Doc>, about: boolean, isFile: (el: Element) => boolean): string | null {
  const el = a.get(0);
  if (!about || !el || el.type !== 'tag') return null;
  const heading = sectionHeading($, el, isFile);
  if (!heading) return null;
  if (classifyTitle(heading).isReport) return heading;
  return yearOnly(heading) !== null ? `${heading}政府信息公开工作年度报告` : null;
}
