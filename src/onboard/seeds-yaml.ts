/**
 * The proposals as a seeds file that `nianbao crawl --seeds` takes as it is (src/registry/seeds-file.ts), with the
 * evidence for each entry as comments. Agencies the registry already has are written as comments only: a seeds
 * name may be listed once, so their new entries belong in the file that lists them.
 */
import type { ProposedAgency, ProposedEntry } from './proposals.ts';

/** A YAML double-quoted scalar (JSON strings are valid ones). */
const q = (s: string) => JSON.stringify(s);

function entryLines(e: ProposedEntry): string[] {
  return [
    ...e.evidence.map((line) => `      # ${line.replace(/\n/g, ' ')}`),
    `      - url: ${q(e.url)}`,
    `        family: ${e.family}`,
    `        render: ${e.render}`,
    `        note: ${q(`found by nianbao discover (confidence ${e.confidence.toFixed(2)}); unverified`)}`,
  ];
}

function agencyLines(a: ProposedAgency): string[] {
  const lines = [
    `  # ${a.name}: confidence ${a.confidence.toFixed(2)}; name from ${a.nameFrom}${a.division ? '' : '; region not found by name: add division'}`,
    `  - name: ${q(a.name)}`,
  ];
  if (a.aliases.length) lines.push(`    aliases: [${a.aliases.map(q).join(', ')}]`);
  if (a.division && a.region) {
    lines.push(`    division: "${a.division}"`, `    level: ${a.region.level}`, `    province: ${q(a.region.province)}`);
    if (a.region.city) lines.push(`    city: ${q(a.region.city)}`);
    if (a.region.county) lines.push(`    county: ${q(a.region.county)}`);
  }
  lines.push('    entries:');
  for (const e of a.entries) lines.push(...entryLines(e));
  return lines;
}

export function seedsYamlOf(proposals: ProposedAgency[], header: string[] = []): string {
  const fresh = proposals.filter((a) => !a.known);
  const known = proposals.filter((a) => a.known);
  const lines = [...header.map((h) => `# ${h}`)];
  if (fresh.length) {
    lines.push('agencies:');
    for (const a of fresh) lines.push(...agencyLines(a), '');
  } else {
    lines.push('# No new agency found: nothing to crawl here.');
  }
  for (const a of known) {
    lines.push(`# Already in the registry as ${a.known}: add these entries to its seeds file if they are right.`);
    for (const e of a.entries) lines.push(...entryLines(e).map((l) => `#${l}`));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
