/**
 * The publisher a list's row names for a file it links alone: whose the file is, as a report page's own 发布机构 says
 * whose the page is. A file titled "2024年度政府信息公开工作年度报告" in a city's column of its departments' reports was
 * filed as the city's. Read from the column its table heads 发布机构 (发布单位, 来源…), else from the link's own box (a
 * card, a `<dl>`, a row of spans) when it says "发布机构：X" or holds a field classed as the publisher (`fbjg`, `source`).
 */
import type { Element } from 'domhandler';
import { isAgencyName, publisherName } from './classify/agency.ts';
import { compact, squash, type Doc } from './html.ts';
import { ownBoxes } from './own-box.ts';
import { headedCell } from './headed-column.ts';

type Node = ReturnType<Doc>;

/** The words naming a publisher, a column's header or a field's label; a longer word before the one it starts with. */
const PUBLISHER_WORDS = '发布机构|发布单位|发布部门|发文机关|发文单位|公开主体|信息来源|来源单位|来源';
const PUBLISHER_HEADER = new RegExp(`^(?:${PUBLISHER_WORDS})$`);
/** "发布机构：X" written in the box, the value up to the next label (publisherName cuts 发布日期… after it). */
const PUBLISHER_LABEL = new RegExp(`(?:${PUBLISHER_WORDS})\\s*[:：]\\s*`);
/** Class names templates give a publisher field: 发布机构 in pinyin initials, English or abbreviations. */
const PUBLISHER_CLASS = /(?:^|[\s_-])(?:fbjg|fbdw|fbbm|lydw|publisher|pub-?org|puborg|source|org-?name|dept-?name|unit-?name)(?:$|[\s_-])/i;
/** How far above the link its box is looked for: a card's footer is a few levels from its title's link. */
const MAX_BOX_DEPTH = 5;

/** The agency a file linked alone belongs to by its row or box, or null when neither names one. */
export function rowPublisher($: Doc, row: Node, link?: Node): string | null {
  const cell = headedCell($, row, PUBLISHER_HEADER);
  if (cell) {
    const name = compact(cell.text());
    return name && isAgencyName(name) ? name : null;
  }
  return link ? boxPublisher($, link) : null;
}

/**
 * The publisher a link's box names: the nearest ancestor that links nowhere else (so it is this item's, not the
 * list's) and holds a labelled 发布机构 or a publisher-classed field naming an agency.
 */
function boxPublisher($: Doc, link: Node): string | null {
  for (const box of ownBoxes(link, MAX_BOX_DEPTH, 'body, html')) {
    const name = fieldName($, box);
    if (name) return name;
  }
  return null;
}

function fieldName($: Doc, box: Node): string | null {
  const classed = box.find('[class]').filter((_, el) => PUBLISHER_CLASS.test((el as Element).attribs.class ?? '')).first();
  if (classed.length) {
    const name = agencyIn(squash(classed.text()).replace(PUBLISHER_LABEL, ''));
    if (name) return name;
  }
  const text = squash(box.text());
  const label = PUBLISHER_LABEL.exec(text);
  return label ? agencyIn(text.slice(label.index + label[0].length)) : null;
}

/** The agency a field's value starts with: its first word (a date or 浏览次数 may follow on the line). */
function agencyIn(value: string): string | null {
  const name = publisherName(value.split(' ')[0]) ?? '';
  return name && isAgencyName(name) ? name : null;
}
