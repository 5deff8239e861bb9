/**
 * Short agency names in titles. Older county sites title their departments' reports by the short name the county
 * uses every day ("【县卫健局】2024年度…", "县人社局…", "市场监管局…"), the full name only on the page's 来源 / 发布机构
 * line ("门源回族自治县卫生健康局"). Chinese short names drop characters and keep the order (卫生健康局 → 卫健局,
 * 人力资源和社会保障局 → 人社局, 林业和草原局 → 林草局, 农业农村委员会 → 农业农村委), so a title's name that is such a contraction of the page's own
 * publisher, in the same region, names that publisher: cataloguing the short name would make a second agency
 * (门源回族自治县卫健局) beside the one every page of that bureau signs. A title naming the bureau by its county alone
 * ("海勃湾区教育局…") while the page signs it with its city too ("乌海市海勃湾区教育局") names the same body: the
 * signed name is kept, as the region's agencies are named.
 */
import { splitRegionPrefix } from '../registry/normalize.ts';

/** Whether `short` is `full` with characters left out, order kept. */
function isContraction(short: string, full: string): boolean {
  let i = 0;
  for (const c of full) if (c === short[i]) i++;
  return i === short.length;
}

/**
 * The publisher's name when the title's name is its short form: both placed in the same region (a relative "县…" read
 * in the site's), the title's agency part shorter, a contraction of the publisher's, with the same first and last
 * character (the same kind of body: 局, 委, 办…). Any other title name is returned as it is.
 */
export function spelledOutByPublisher(titleName: string | null, publisher: string | null, siteDivision: string | null): string | null {
  if (!titleName || !publisher) return titleName;
  const context = { division: siteDivision ?? undefined };
  const t = splitRegionPrefix(titleName, context);
  const p = splitRegionPrefix(publisher, context);
  if (!t.division || t.division !== p.division || t.system || p.system) return titleName;
  const spelled = publisher.normalize('NFKC').replace(/\s+/g, '');
  const written = titleName.normalize('NFKC').replace(/\s+/g, '');
  // The same body with its region written shorter ("海勃湾区教育局" signed "乌海市海勃湾区教育局"): named as it signs.
  if (t.rest === p.rest && spelled.length > written.length && spelled.endsWith(written)) return spelled;
  // A body's kind shortened with it: 委员会 → 委 (农业农村委员会 → 区农业农村委), 办公室 → 办 (人民政府办公室 → 政府办).
  const short = bodyKindShort(t.rest);
  const full = bodyKindShort(p.rest);
  if (short === full && t.rest !== p.rest) return spelled;
  const [s, f] = [[...short], [...full]];
  if (s.length < 2 || s.length >= f.length) return titleName;
  if (s[0] !== f[0] || s.at(-1) !== f.at(-1)) return titleName;
  return isContraction(short, full) ? spelled : titleName;
}

/**
 * A name with its kind of body in the one character short names keep of it; a town's government by the town, as a
 * title names it (雅河乡 for 雅河朝鲜族乡人民政府, round 69c: an ethnic township's name written short).
 */
function bodyKindShort(name: string): string {
  return name.replace(/委员会$/, '委').replace(/办公室$/, '办').replace(/(?<=[乡镇])(?:人民)?政府$/, '').replace(/(?<=街道)办事处$/, '');
}
