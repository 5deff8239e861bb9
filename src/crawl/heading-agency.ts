/**
 * The agency a heading above a list's block names: an accordion of units, each an `<h4>永春县教育局</h4>` over its rows
 * of buttons reading only "2024年度" (round 60a). The block's rows name no agency; its heading does.
 */
import type { Element } from 'domhandler';
import { isAgencyName } from './classify/agency.ts';
import { squash, type Doc } from './html.ts';

type Node = ReturnType<Doc>;

/** How far up from the row, and how many earlier siblings at each level, a heading is looked for. */
const MAX_LEVELS = 4;
const MAX_SIBLINGS = 3;
/** A heading by its tag or its class (a template's `bm-name`, `unit-title`, `dept-hd`). */
const HEADING_TAG = /^(?:h[2-6]|summary)$/; // a collapsed `<details>` box's `<summary>` too (round 65a)
const HEADING_CLASS = /(?:^|[\s_-])(?:name|tit|title|hd|head|heading)(?:$|[\s_-])/i;

/** A single capital letter before a Chinese name. */
const INITIAL = /^[A-Z]\s*(?=\p{Script=Han})/u;

/** The agency named by the nearest heading before the row's block, or null. */
export function headingAgency($: Doc, row: Node): string | null {
  let node = row;
  for (let level = 0; level < MAX_LEVELS && node.length && !node.is('body'); level += 1, node = node.parent()) {
    let sibling = node.prev();
    for (let i = 0; i < MAX_SIBLINGS && sibling.length; i += 1, sibling = sibling.prev()) {
      const el = sibling.get(0) as Element;
      if (!HEADING_TAG.test(el.name) && !HEADING_CLASS.test(el.attribs.class ?? '')) continue;
      // A 拼音首字母 index's heading carries its unit's initial before the name (`<span>W</span>卫生健康局`, round 68a).
      const name = squash(sibling.text()).replace(INITIAL, '');
      if (name.length <= 30 && isAgencyName(name)) return name;
      // The nearest heading names something else (a year, a kind): not this block's agency.
      return null;
    }
  }
  return null;
}
