/** `nianbao coverage`: which registry agencies have (not) published their report for a year. */
import { Command } from 'commander';
import { coverageLines, writeCoverageCsv } from '../export/coverage.ts';
import { configFrom, openCatalogReadOnly, positiveInt, say, storageOption } from './common.ts';
import { table } from './table.ts';

export function coverageCommand(): Command {
  return new Command('coverage')
    .description('for every registry agency: is its report for the year in, when was it published, was that after the deadline')
    .requiredOption('--year <year>', 'the report year', positiveInt('--year'))
    .option('--province <name|code>', 'only this province (name or division code)')
    .option('--out <file>', 'also write the table as CSV')
    .option('--missing', 'list only agencies without a report')
    .option('--discovered', 'include agencies discovered on portals, not only the registry')
    .option('--bom', 'CSV with a UTF-8 BOM (for Excel)')
    .addOption(storageOption())
    .action(async (opts: { year: number; province?: string; out?: string; missing?: boolean; discovered?: boolean; bom?: boolean; storage: string }) => {
      const catalog = openCatalogReadOnly(configFrom(opts));
      try {
        let lines = coverageLines(catalog, opts.year, { province: opts.province, includeDiscovered: opts.discovered });
        if (opts.missing) lines = lines.filter((l) => l.has_report === 'no');
        say(
          table(
            ['agency', 'division', 'report', 'published', 'deadline', 'late', 'date from', 'first seen (UTC)', 'extraction'],
            lines.map((l) => [
              l.agency,
              l.division,
              l.has_report,
              l.published_at ?? l.file_date,
              l.deadline,
              // Published after the deadline, by the page's date else the file's own: not when nianbao first saw it.
              l.published_after_deadline,
              l.late_date_source,
              l.first_seen_at?.slice(0, 16).replace('T', ' '),
              l.extraction_status,
            ]),
          ),
        );
        const missing = lines.filter((l) => l.has_report === 'no').length;
        say(`${lines.length} agencies, ${lines.length - missing} with a ${opts.year} report, ${missing} without`);
        if (opts.out) {
          await writeCoverageCsv(lines, opts.out, { bom: opts.bom });
          say(`wrote ${lines.length} rows to ${opts.out}`);
        }
      } finally {
        catalog.close();
      }
    });
}
