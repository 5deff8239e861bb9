/**
 * The publisher a table row names in the column its table heads 发布机构 (发布单位, 来源…): whose a file the row
 * links alone is, as a report page's own 发布机构 says whose the page is. A file titled "2024年度政府信息公开工作年度报告"
 * in a city's column of its departments' reports was filed as the city's.
 */
import { isAgencyName } from './classify/agency.ts';
import { compact, type Doc } from './html.ts';
import { headedCell } from './headed-column.ts';

const PUBLISHER_HEADER = /^(?:发布机构|发布单位|发布部门|发文机关|发文单位|公开主体|信息来源|来源|来源单位)$/;

/** The agency the row's 发布机构 column names, when its table heads one and the cell holds an agency's name. */
export function rowPublisher($: Doc, row: ReturnType<Doc>): string | null {
  const cell = headedCell($, row, PUBLISHER_HEADER);
  const name = cell ? compact(cell.text()) : '';
  return name && isAgencyName(name) ? name : null;
}
