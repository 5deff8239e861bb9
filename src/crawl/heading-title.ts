/**
 * A heading's own title: the text of an article's `<h1>` (or title block) without the metadata line some templates
 * put inside it (PHPCMS v9: `<h1>标题<br /><span>2025-01-20 09:30 来源：… 评论：0 点击：</span></h1>`). A part of the
 * heading naming a metadata label ("来源：", "点击：") or a full date is not the title: a child element, or text after
 * a `<br>`. A heading whose one child holds everything is read inside that child; a heading holding nothing but
 * such parts keeps its whole text.
 */
import type { Cheerio } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import { findDate, squash } from './html.ts';

/** Labels of the metadata line templates write beside a title (source, time, author, counters), with their colon. */
const META_LABEL = /(来源|出处|发布时间|发布日期|发布机构|更新时间|时间|日期|作者|编辑|点击|浏览|阅读|访问|评论|字号)\s*[:：]/;

const isMeta = (text: string) => META_LABEL.test(text) || findDate(text) !== null;

function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as Text).data;
  return 'children' in node ? (node.children as AnyNode[]).map(textOf).join('') : '';
}

/** The text of an element's children, its metadata parts left out. */
function titleOf(el: Element): string {
  const kids = el.children.filter((c) => c.type === 'text' || c.type === 'tag');
  let out = '';
  let afterBreak = false;
  for (const c of kids) {
    if (c.type === 'tag' && (c as Element).name === 'br') {
      afterBreak = true;
      out += ' ';
    } else if (c.type === 'tag') {
      if (!isMeta(textOf(c))) out += textOf(c);
    } else if (!(afterBreak && isMeta(textOf(c)))) out += textOf(c);
  }
  const title = squash(out);
  const only = kids.filter((c) => c.type === 'tag' || squash(textOf(c)));
  if (!title && only.length === 1 && only[0]!.type === 'tag') return titleOf(only[0] as Element);
  return title;
}

export function headingTitle(heading: Cheerio<Element>): string {
  const el = heading.get(0);
  if (!el) return '';
  return titleOf(el) || squash(heading.text());
}
