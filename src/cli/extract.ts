/** `nianbao extract`: text and standard-table figures of every stored file not yet extracted, with their checks. */
import { Command, Option } from 'commander';
import type { Catalog } from '../catalog/catalog.ts';
import type { NianbaoConfig } from '../config.ts';
import { openContentStore } from '../download/content-store.ts';
import { ExitCode } from '../errors.ts';
import { EXTRACTABLE, runExtraction, type ExtractRunOptions } from '../extract/run.ts';
import type { MediaType } from '../extract/types.ts';
import { catalogOption, configFrom, filesOption, openCatalog, positiveInt, say, storageOption, withLock } from './common.ts';

export async function extractAndReport(catalog: Catalog, config: NianbaoConfig, opts: ExtractRunOptions): Promise<number> {
  const store = await openContentStore(config);
  const s = await runExtraction(catalog, config.storageDir, { minFreeBytes: config.minFreeBytes, store, ...opts }).finally(() => store.close());
  const parts = Object.entries(s.byStatus).map(([k, v]) => `${v} ${k}`);
  say(`extract: ${s.files} files${parts.length ? ` (${parts.join(', ')})` : ''}; ${s.reports} reports updated, ${s.reportsWithFailedChecks} with failing checks`);
  return (s.byStatus.failed ?? 0) > 0 ? ExitCode.partial : ExitCode.ok;
}

export function extractCommand(): Command {
  return new Command('extract')
    .description('extract text and the standard tables of stored files into checked figures (independent of crawling)')
    .addOption(storageOption())
    .addOption(catalogOption())
    .addOption(filesOption())
    .option('--retry-failed', 'also retry files that failed or waited for OCR tools')
    .addOption(new Option('--only <format...>', 'only these media types').choices(EXTRACTABLE))
    .option('--workers <n>', 'documents extracted at once (default: one per CPU)', positiveInt('--workers'))
    .action(async (opts: { storage: string; files?: string; retryFailed?: boolean; only?: MediaType[]; workers?: number }) => {
      const config = configFrom(opts);
      process.exitCode = await withLock(config, 'extract', async () => {
        const catalog = openCatalog(config);
        try {
          return await extractAndReport(catalog, config, {
            retryFailed: opts.retryFailed,
            only: opts.only,
            pool: opts.workers ? { concurrency: opts.workers } : undefined,
          });
        } finally {
          catalog.close();
        }
      });
    });
}
