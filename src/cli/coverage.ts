/** `nianbao coverage`: which registry agencies have (not) published their report for a year. */
import { Command } from 'commander';
import { once } from 'node:events';
import { iterateCoverageBrief, iterateCoverageLines, writeCoverageCsv, type CoverageLine } from '../export/coverage.ts';
import { catalogOption, configFrom, openCatalogReadOnly, positiveInt, say, storageOption } from './common.ts';
import { streamTable } from './table.ts';

/** Writes to stdout and waits while its buffer is full (a pipe to `less` or `head` is slower than the catalog). */
async function writeOut(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}

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
    .addOption(catalogOption())
    .action(async (opts: { year: number; province?: string; out?: string; missing?: boolean; discovered?: boolean; bom?: boolean; storage: string }) => {
      const catalog = openCatalogReadOnly(configFrom(opts));
      try {
        // Streamed, never held: the table is measured in one pass over the catalog's cursor and printed in a second
        // (and the CSV, with every column, written in a third), so 100k agencies cost no more memory than ten.
        let shown = 0;
        let missing = 0;
        const filter = { province: opts.province, includeDiscovered: opts.discovered };
        function* cells(): Generator<(string | null | undefined)[]> {
          shown = 0;
          missing = 0;
          for (const l of iterateCoverageBrief(catalog, opts.year, filter)) {
            if (opts.missing && l.has_report === 'yes') continue;
            shown += 1;
            if (l.has_report === 'no') missing += 1;
            yield [
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
            ];
          }
        }
        await streamTable(
          ['agency', 'division', 'report', 'published', 'deadline', 'late', 'date from', 'first seen (UTC)', 'extraction'],
          cells,
          writeOut,
        );
        say(`${shown} agencies, ${shown - missing} with a ${opts.year} report, ${missing} without`);
        if (opts.out) {
          function* lines(): Generator<CoverageLine> {
            for (const l of iterateCoverageLines(catalog, opts.year, filter)) if (!opts.missing || l.has_report === 'no') yield l;
          }
          const rows = await writeCoverageCsv(lines(), opts.out, { bom: opts.bom });
          say(`wrote ${rows} rows to ${opts.out}`);
        }
      } finally {
        catalog.close();
      }
    });
}
