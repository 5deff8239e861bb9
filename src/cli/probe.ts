/** `nianbao probe URL|FILE`: what nianbao sees on one page or in one document, without touching the catalog. */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { ExitCode, FetchError, UsageError } from '../errors.ts';
import { probeFile, probeUrl } from '../onboard/probe.ts';
import { fileProbeText, urlProbeText } from '../onboard/probe-view.ts';
import { positiveInt, say } from './common.ts';

export function probeCommand(): Command {
  return new Command('probe')
    .description('explain what nianbao sees on one page (family, items, verdicts, paging, attachments) or in one local document (tables, checks)')
    .argument('<target>', 'a page URL (http/https) or a local document (PDF, DOCX, DOC, WPS, XLS(X), OFD, HTML, scans)')
    .option('--render', 'also render the page in Chromium and show its XHR/fetch traffic and the items of the rendered DOM')
    .option('--json', 'print JSON instead of text')
    .option('--host-delay <ms>', 'minimum milliseconds between two requests to the host', positiveInt('--host-delay'))
    .option('--no-robots', 'ignore robots.txt (only for your own test servers)')
    .action(async (target: string, opts: { render?: boolean; json?: boolean; hostDelay?: number; robots: boolean }) => {
      if (/^https?:\/\//i.test(target)) {
        const config = loadConfig({ politeness: { ...(opts.hostDelay !== undefined ? { hostDelayMs: opts.hostDelay } : {}), obeyRobots: opts.robots } });
        let result;
        try {
          result = await probeUrl(target, config, { render: opts.render });
        } catch (err) {
          // Refused (robots.txt), unreachable, or a challenge the browser did not pass: one line, exit 1.
          if (!(err instanceof FetchError)) throw err;
          process.stderr.write(`nianbao: probe: ${err.kind}: ${err.message}\n`);
          process.exitCode = ExitCode.partial;
          return;
        }
        say(opts.json ? JSON.stringify(result, null, 2) : urlProbeText(result));
        return;
      }
      if (!existsSync(target)) throw new UsageError(`${target}: neither an http(s) URL nor a file that exists`);
      if (opts.render) throw new UsageError('--render applies to URLs, not to local files');
      const result = await probeFile(target);
      say(opts.json ? JSON.stringify(result, null, 2) : fileProbeText(result));
    });
}
