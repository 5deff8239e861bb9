/** `nianbao export`: the catalog as CSV. */
import { Command } from 'commander';
import { exportReportFiles } from '../export/report-files.ts';
import { configFrom, openCatalog, positiveInt, say, storageOption } from './common.ts';

export function exportCommand(): Command {
  return new Command('export')
    .description('write the catalog as CSV: one row per report file')
    .requiredOption('--out <file>', 'CSV file to write')
    .addOption(storageOption())
    .option('--province <name|code>', 'only this province (name such as 江西省, or a division code)')
    .option('--year <year>', 'only reports on this year', positiveInt('--year'))
    .option('--bom', 'start the file with a UTF-8 BOM (for Excel)')
    .action(async (opts: { out: string; storage: string; province?: string; year?: number; bom?: boolean }) => {
      const catalog = openCatalog(configFrom(opts));
      try {
        const n = await exportReportFiles(catalog, opts.out, { province: opts.province, year: opts.year }, { bom: opts.bom });
        say(`wrote ${n} rows to ${opts.out}`);
      } finally {
        catalog.close();
      }
    });
}
