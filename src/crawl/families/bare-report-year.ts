/**
 * A list item titled as a report in all but its year ("政府信息公开工作年度报告.pdf" in a column of files, "政府信息公开
 * 工作年度报告" or "某局政府信息公开工作年度报告" beside a date), when no year heading or tab gave it one (column-year.ts). A demanding user expects it
 * found, with the year it can be known by:
 * - the year its file's name states (`/uploadfile/2024/0125/2023年政府信息公开工作年度报告.pdf`): the name is its title;
 * - else the year before the date printed beside it, unless that date is in December (a report on year Y is due by
 *   31 January of Y+1; a December date could be either year): a guess, so the title says so
 *   ("…（2022年度：据发布日期2023-01-18推定）", the catalogued title) and the page's outcome notes it; a report page
 *   whose body names its year is taken at its word over the guess (attribution.ts).
 * A bare label without a date (a menu's "政府信息公开年度报告" link) stays what it is: a column, not a report. One dated
 * in December is listed as undated (the seed's result says it was not catalogued).
 */
import { addressFileName } from '../address-name.ts';
import { ATTACHMENT_EXT } from '../html.ts';
import { classifyTitle } from '../classify/title.ts';
import { parseReportYear, withGuessedYear } from '../classify/year.ts';
import type { ListItem } from '../list-page.ts';

/**
 * What a title without a year is: a bare label that is a report's once a year is given ("政府信息公开工作年度报告"), a
 * report already by its words ("某局政府信息公开工作年度报告", whose page may still name no year: "本年度"), or neither.
 */
function yearlessReport(title: string): 'label' | 'report' | null {
  if (parseReportYear(title) !== null) return null;
  if (classifyTitle(title).isReport) return 'report';
  return classifyTitle(`${title}（2020年度）`).isReport ? 'label' : null;
}

/** The last segment of a URL's path, decoded, without its extension. */
function fileStem(url: string): string {
  return addressFileName(url).replace(/\.[A-Za-z0-9]{2,5}$/, '');
}

/**
 * The report year a publication date stands for, when it can be told: the year before a date of January–November (a
 * report on year Y is published from January of Y+1, late ones in the months after); a December date may be an
 * early report on its own year or a late one on the year before.
 */
function yearBeforePublication(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  return m && Number(m[2]) <= 11 ? Number(m[1]) - 1 : null;
}

export function withBareReportYears(items: ListItem[]): { items: ListItem[]; notes: string[]; undated: string[] } {
  const guessed: string[] = [];
  const undated: string[] = [];
  const out = items.map((item) => {
    const kind = yearlessReport(item.title);
    if (!kind) return item;
    const stem = fileStem(item.url);
    if (parseReportYear(stem) !== null && classifyTitle(stem).isReport) return { ...item, title: stem };
    if (!item.date) return item;
    const year = yearBeforePublication(item.date);
    if (year === null) {
      // A report by its words is still read; its page may name the year (else it is counted as yearless there).
      if (kind === 'label') undated.push(`${item.title} (${item.date})`);
      return item;
    }
    const title = withGuessedYear(item.title.replace(ATTACHMENT_EXT, ''), year, item.date!);
    if (parseReportYear(title) !== year || !classifyTitle(title).isReport) return item;
    guessed.push(`${item.date} → ${year}`);
    return { ...item, title };
  });
  const notes = guessed.length ? [`guessed the report year of ${guessed.length} item(s) titled without one from the date published beside them (${guessed.join(', ')})`] : [];
  return { items: out, notes, undated };
}
