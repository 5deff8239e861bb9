/**
 * A tab naming a kind of unit only (区政府 | 区政府部门 | 街道、镇; 本级 | 部门 | 乡镇; 市直单位): on a page about the
 * annual reports, the reports of that kind of unit (round 42c: a Shanghai district's 年报 column split so, no 年报 word
 * in its tabs). Separators (、·/和及与, brackets) are read as nothing. Shared by the column finder (report-column.ts)
 * and the directory reader (agency-links.ts: a directory page named by a kind of unit under the 年报 column).
 */
const UNIT_KIND_TAB = /^(?:(?:省|市|区|县|旗|州|盟)(?:政府|人民政府|本级|级)|本级|(?:(?:省|市|区|县|旗|州|盟)(?:政府|级|直|属)?)?(?:直属|组成|工作)?(?:部门|单位|机关|委办局)(?:单位)?|(?:乡|镇|街道|街|场|苏木|办事处|街办){1,4})$/;

export const unitKindTab = { test: (name: string) => UNIT_KIND_TAB.test(name.replace(/[、·・/\s和及与（）()]/g, '')) };
