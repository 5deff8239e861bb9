/**
 * seeds/*.yaml: the registry of agencies and their annual-report columns. Validated with zod; a bad file fails
 * with one line naming the file, the entry and the field.
 *
 * Read with js-yaml, which replaced the `yaml` package: a national registry (16 MB, 97k agencies) took 12 s of CPU
 * and 950 MB with `yaml`'s document model, 1 s and 350 MB with js-yaml. js-yaml's default schema is YAML 1.2's core
 * schema, as `yaml`'s is, so the same text gives the same values.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load as loadYaml, YAMLException } from 'js-yaml';
import { z } from 'zod';
import { ConfigError } from '../errors.ts';
import { pastedUrl } from './pasted-url.ts';

export const FAMILIES = ['auto', 'trs', 'hanweb', 'jsapi', 'generic', 'aggregator'] as const;
export const RENDERS = ['auto', 'http', 'browser'] as const;
export const LEVELS = ['province', 'city', 'county', 'township'] as const;

export type Family = (typeof FAMILIES)[number];
export type Render = (typeof RENDERS)[number];

const entrySchema = z
  .object({
    // Read as pasted: full-width ？＆＝＃ typed for the URL's own marks (pasted-url.ts).
    url: z.preprocess((v) => (typeof v === 'string' ? pastedUrl(v) : v), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
    family: z.enum(FAMILIES).default('auto'),
    render: z.enum(RENDERS).default('auto'),
    /** Free text: what the column is, whether the URL is verified. */
    note: z.string().optional(),
  })
  .strict();

const agencySchema = z
  .object({
    name: z.string().trim().min(2, 'must name the agency'),
    aliases: z.array(z.string().trim().min(2)).default([]),
    // The statistics bureau's 12-digit 统计用区划代码 of a county or above (610503000000) is its GB/T 2260 code and six
    // zeros, as users paste it from the NBS tables: read as the six digits. A township's (610503100000) has no code here.
    division: z
      .string()
      .transform((v) => (/^\d{6}0{6}$/.test(v) ? v.slice(0, 6) : v))
      .pipe(z.string().regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code (a 12-digit 统计用区划代码 only when it ends in six zeros)'))
      .optional(),
    level: z.enum(LEVELS).optional(),
    province: z.string().trim().min(2).optional(),
    city: z.string().trim().min(2).optional(),
    county: z.string().trim().min(2).optional(),
    entries: z.array(entrySchema).default([]),
  })
  .strict();

const fileSchema = z.object({ agencies: z.array(agencySchema).min(1, 'must list at least one agency') }).strict();

export type SeedEntry = z.infer<typeof entrySchema>;
export type SeedAgency = z.infer<typeof agencySchema> & { seedsFile: string };

function describePath(data: unknown, issuePath: PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = data;
  for (const key of issuePath) {
    if (typeof key === 'number') {
      const name = node && typeof node === 'object' && Array.isArray(node) ? (node[key] as { name?: unknown })?.name : undefined;
      parts[parts.length - 1] += `[${key}]${typeof name === 'string' ? ` (${name})` : ''}`;
    } else parts.push(String(key));
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key as string] : undefined;
  }
  return parts.join('.');
}

export function parseSeedsText(text: string, file: string): SeedAgency[] {
  let data: unknown;
  try {
    // An empty file is no document to js-yaml (it throws); it is an empty registry, which the schema refuses below.
    data = text.trim() === '' ? null : loadYaml(text);
  } catch (err) {
    if (err instanceof YAMLException) {
      // js-yaml counts lines and columns from 0; editors, and the messages of the `yaml` package before, from 1.
      const pos = err.mark ? `:${err.mark.line + 1}:${err.mark.column + 1}` : '';
      throw new ConfigError(`${file}${pos}: not valid YAML: ${err.reason}`);
    }
    throw err;
  }
  const result = fileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = describePath(data, issue.path) || '(top level)';
    const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problems)` : '';
    throw new ConfigError(`${file}: ${where}: ${issue.message}${more}`);
  }
  return result.data.agencies.map((a) => ({ ...a, seedsFile: file }));
}

/** A seeds file as read: its name as recorded in the catalog (relative to the working directory), text and hash. */
export interface SeedsFileText {
  file: string;
  display: string;
  text: string;
  sha256: string;
}

export function readSeedsFiles(files: string[]): SeedsFileText[] {
  return files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new ConfigError(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    return { file, display: path.relative(process.cwd(), file) || file, text, sha256: createHash('sha256').update(text).digest('hex') };
  });
}

/** Loads and merges seeds files; an agency or an entry URL listed twice is an error. */
export function loadSeeds(files: string[]): SeedAgency[] {
  return parseSeedsFiles(readSeedsFiles(files));
}

/** Parses and merges seeds files already read; an agency or an entry URL listed twice is an error. */
export function parseSeedsFiles(read: SeedsFileText[]): SeedAgency[] {
  const agencies: SeedAgency[] = [];
  const names = new Map<string, string>();
  const urls = new Map<string, string>();
  for (const { text, display } of read) {
    parseSeedsText(text, display).forEach((a, i) => {
      const prev = names.get(a.name);
      if (prev) throw new ConfigError(`${display}: agencies[${i}] (${a.name}): name: already listed in ${prev}`);
      names.set(a.name, display);
      a.entries.forEach((e, j) => {
        const prevUrl = urls.get(e.url);
        if (prevUrl) throw new ConfigError(`${display}: agencies[${i}] (${a.name}).entries[${j}].url: already listed in ${prevUrl}`);
        urls.set(e.url, display);
      });
      agencies.push(a);
    });
  }
  return agencies;
}
