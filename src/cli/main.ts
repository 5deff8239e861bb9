/** The `nianbao` command line: parses arguments, runs one command, turns errors into one line and an exit code. */
import { Command, CommanderError } from 'commander';
import { ExitCode, NianbaoError } from '../errors.ts';

/**
 * Each command's module, loaded only when that command runs: loading all of them (Crawlee, Playwright, pdf.js, the
 * web view) took 1–3 s of every invocation, so `status` could never answer within a second. In help order.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  crawl: async () => (await import('./crawl.ts')).crawlCommand(),
  backfill: async () => (await import('./backfill.ts')).backfillCommand(),
  schedule: async () => (await import('./schedule.ts')).scheduleCommand(),
  enqueue: async () => (await import('./enqueue.ts')).enqueueCommand(),
  worker: async () => (await import('./worker.ts')).workerCommand(),
  extract: async () => (await import('./extract.ts')).extractCommand(),
  export: async () => (await import('./export.ts')).exportCommand(),
  probe: async () => (await import('./probe.ts')).probeCommand(),
  discover: async () => (await import('./discover.ts')).discoverCommand(),
  status: async () => (await import('./status.ts')).statusCommand(),
  coverage: async () => (await import('./coverage.ts')).coverageCommand(),
  serve: async () => (await import('./serve.ts')).serveCommand(),
  'migrate-catalog': async () => (await import('./migrate-catalog.ts')).migrateCatalogCommand(),
};

/**
 * The command line; with `only` (a command's name) just that command is loaded, none for --version, else all (help,
 * unknown names).
 */
export async function program(only?: string): Promise<Command> {
  const prog = new Command('nianbao')
    .description('harvest, catalog and check government information disclosure annual reports (政府信息公开工作年度报告)')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError(false);
  // --version needs no command at all (it loaded every one, 3 s of CPU, to print a version).
  const names = only === '--version' || only === '-V' ? [] : only !== undefined && Object.hasOwn(COMMANDS, only) ? [only] : Object.keys(COMMANDS);
  for (const name of names) prog.addCommand(await COMMANDS[name]!());
  return prog;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const prog = await program(argv[2]);
    for (const cmd of prog.commands) cmd.exitOverride();
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
