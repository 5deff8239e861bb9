/**
 * A page holding several units' reports one after another (五指山市乡镇2024年…年度报告: each town's report under a
 * heading naming the town and the year, round 43a). The catalog keeps one report per page address, so such a page
 * is not split: it is catalogued under none of them (its title names a collective, 乡镇, no agency) and said, never
 * taken for one unit's report.
 */
import { splitRegionPrefix } from '../registry/normalize.ts';
import { isAgencyName } from './classify/agency.ts';

/** The unit a heading's words end with: the longest tail that is an agency's name starting with its region
 * ("现公布五指山市通什镇人民政府" → 五指山市通什镇人民政府); null when none is. */
function unitNamed(words: string): string | null {
  for (let i = 0; i < words.length - 2; i++) {
    const tail = words.slice(i);
    if (isAgencyName(tail) && splitRegionPrefix(tail).division !== undefined) return tail;
  }
  return null;
}

/** A heading naming one unit's report of a year: the unit's name, the year, the report's words. */
const UNIT_REPORT = /([\u4e00-\u9fff]{2,30}?(?:人民政府|政府|委员会|办公室|办事处|局|委|办|中心|镇|乡|街道))((?:19|20)\d{2})年度?政府信息公开(?:工作)?年度报告/g;

/** A report's first section, once per report the text holds. */
const FIRST_SECTION = /一[、.．]?\s*总体情况/g;

/**
 * The units whose reports of one year the text holds, when two or more do, each with its own text (its 总体情况
 * section: a report that names another unit's report in passing holds one); else null.
 */
export function mergedUnits(bodyText: string): string[] | null {
  if ((bodyText.match(FIRST_SECTION)?.length ?? 0) < 2) return null;
  const byYear = new Map<string, Set<string>>();
  for (const m of bodyText.replace(/\s+/g, '').matchAll(UNIT_REPORT)) {
    const unit = unitNamed(m[1]!);
    if (!unit) continue;
    const units = byYear.get(m[2]!) ?? new Set<string>();
    units.add(unit);
    byYear.set(m[2]!, units);
  }
  const most = [...byYear.values()].sort((a, b) => b.size - a.size)[0];
  return most && most.size >= 2 ? [...most] : null;
}
