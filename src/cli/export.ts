/** `nianbao export`: the catalog as CSV. */
import { Command } from 'commander';
import { exportFigures } from '../export/figures.ts';
import { exportReportFiles } from '../export/report-files.ts';
import { catalogOption, configFrom, openCatalogReadOnly, positiveInt, say, storageOption } from './common.ts';

export function exportCommand(): Command {
  return new Command('export')
    .description('write the catalog as CSV: one row per report file (or per report with --figures)')
    .requiredOption('--out <file>', 'CSV file to write')
    .addOption(storageOption())
    .addOption(catalogOption())
    .option('--province <name|code>', 'only this province (name such as 江西省, or a division code)')
    .option('--year <year>', 'only reports on this year', positiveInt('--year'))
    .option('--bom', 'start the file with a UTF-8 BOM (for Excel)')
    .option('--figures', 'one row per report with its extracted figures and check results, instead of one row per file')
    .action(async (opts: { out: string; storage: string; province?: string; year?: number; bom?: boolean; figures?: boolean }) => {
      const catalog = openCatalogReadOnly(configFrom(opts));
      try {
        const filter = { province: opts.province, year: opts.year };
        const n = opts.figures
          ? await exportFigures(catalog, opts.out, filter, { bom: opts.bom })
          : await exportReportFiles(catalog, opts.out, filter, { bom: opts.bom });
        say(`wrote ${n} rows to ${opts.out}`);
      } finally {
        catalog.close();
      }
    });
}
