/** `nianbao serve`: the read-only web view of the catalog. */
import { Command } from 'commander';
import { UsageError } from '../errors.ts';
import { startView } from '../serve/server.ts';
import { catalogOption, configFrom, filesOption, positiveInt, say, storageOption } from './common.ts';

export function serveCommand(): Command {
  return new Command('serve')
    .description('a read-only web view of the catalog: coverage grid, reports with their tables and checks, agencies, search')
    .addOption(storageOption())
    .addOption(catalogOption())
    .addOption(filesOption())
    .option('--host <address>', 'address to listen on (127.0.0.1: this machine only)', '127.0.0.1')
    .option('--port <port>', 'port to listen on', positiveInt('--port'), 8080)
    .action(async (opts: { storage: string; files?: string; host: string; port: number }) => {
      const config = configFrom(opts);
      const view = await startView({ storageDir: config.storageDir, catalog: config.catalog, files: config.files, host: opts.host, port: opts.port }).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EADDRINUSE') throw new UsageError(`port ${opts.port} on ${opts.host} is in use: pass another --port`);
        if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') throw new UsageError(`cannot listen on ${opts.host}: no such local address`);
        throw err;
      });
      say(`nianbao serve: ${view.url} (read-only view of ${config.storageDir}; Ctrl-C to stop)`);
      if (opts.host !== '127.0.0.1' && opts.host !== 'localhost' && opts.host !== '::1') {
        say('nianbao serve: listening beyond this machine: anyone who can reach it can read the catalog');
      }
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void view.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
