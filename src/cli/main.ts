/** The `nianbao` command line: parses arguments, runs one command, turns errors into one line and an exit code. */
import { Command, CommanderError } from 'commander';
import { ExitCode, NianbaoError } from '../errors.ts';
import { crawlCommand } from './crawl.ts';
import { discoverCommand } from './discover.ts';
import { probeCommand } from './probe.ts';
import { backfillCommand } from './backfill.ts';
import { coverageCommand } from './coverage.ts';
import { exportCommand } from './export.ts';
import { extractCommand } from './extract.ts';
import { scheduleCommand } from './schedule.ts';
import { statusCommand } from './status.ts';
import { serveCommand } from './serve.ts';

export function program(): Command {
  return new Command('nianbao')
    .description('harvest, catalog and check government information disclosure annual reports (政府信息公开工作年度报告)')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError(false)
    .addCommand(crawlCommand())
    .addCommand(backfillCommand())
    .addCommand(scheduleCommand())
    .addCommand(extractCommand())
    .addCommand(exportCommand())
    .addCommand(probeCommand())
    .addCommand(discoverCommand())
    .addCommand(statusCommand())
    .addCommand(coverageCommand())
    .addCommand(serveCommand());
}

export async function main(argv: string[]): Promise<number> {
  const prog = program();
  for (const cmd of prog.commands) cmd.exitOverride();
  try {
    await prog.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with code 0.
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (err instanceof NianbaoError) {
      process.stderr.write(`nianbao: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`nianbao: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return ExitCode.internal;
  }
}
