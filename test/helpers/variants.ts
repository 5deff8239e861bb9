/**
 * One harvest of one family's markup-variant sites (test/fixtures/portal/sites/variants), `family: auto`, HTTP
 * only, with what the variant e2e tests ask of it: the reports found, per seed, and the files stored.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest, type HarvestSummary } from '../../src/crawl/harvest.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { startPortal, type Portal } from '../fixtures/portal/server.ts';
import { variantDefs, variantSeedsYaml, variantSitesOf, type VariantDef, type VariantFamily } from '../fixtures/portal/sites/variants/index.ts';
import { tempDir } from './tmp.ts';

export interface VariantHarvest {
  portal: Portal;
  catalog: Catalog;
  summary: HarvestSummary;
  defs: VariantDef[];
}

/** Starts the family's sites, harvests them once before the file's tests, and closes everything after. */
export function variantHarvest(family?: VariantFamily, only?: (d: VariantDef) => boolean): () => VariantHarvest {
  let state: VariantHarvest | undefined;
  let portal: Portal | undefined;
  let catalog: Catalog | undefined;
  before(async () => {
    const defs = variantDefs(family).filter(only ?? (() => true));
    portal = await startPortal({ sites: variantSitesOf(defs) });
    const storageDir = tempDir();
    const seedsFile = path.join(storageDir, 'seeds.yaml');
    writeFileSync(seedsFile, variantSeedsYaml(portal.urls, defs));
    const config = loadConfig({ storageDir, politeness: { hostDelayMs: 60, backoffBaseMs: 20 } }, {});
    catalog = Catalog.open(storagePaths(storageDir).catalog);
    const summary = await harvest({ config, catalog, seeds: loadSeeds([seedsFile]), kind: 'crawl', jobName: `variants-${family ?? 'all'}` });
    state = { portal, catalog, summary, defs };
  });
  after(async () => {
    catalog?.close();
    await portal?.close();
  });
  return () => {
    if (!state) throw new Error('the variant harvest did not run');
    return state;
  };
}

/** "agency year" of every report in the catalog, sorted. */
export function reportsFound(h: VariantHarvest): string[] {
  return (h.catalog.db.prepare('SELECT a.name, r.year FROM reports r JOIN agencies a ON a.id = r.agency_id').all() as { name: string; year: number }[]).map((r) => `${r.name} ${r.year}`).sort();
}

export function reportsExpected(h: VariantHarvest): string[] {
  return [...new Set(h.defs.flatMap((d) => d.expected.map((r) => `${r.agency} ${r.year}`)))].sort();
}

/** Reports found per variant (by the seed entry whose crawl found them), keyed by variant id. */
export function reportsPerVariant(h: VariantHarvest): Record<string, number> {
  const rows = h.catalog.db
    .prepare('SELECT e.url AS seed, count(DISTINCT s.report_id) AS n FROM report_sources s JOIN seed_entries e ON e.id = s.seed_entry_id GROUP BY e.url')
    .all() as { seed: string; n: number }[];
  const out: Record<string, number> = Object.fromEntries(h.defs.map((d) => [d.id, 0]));
  for (const d of h.defs) {
    const seed = `${h.portal.urls[d.id]}${d.seedPath}`;
    out[d.id] = rows.find((r) => r.seed === seed)?.n ?? 0;
  }
  return out;
}

/** URLs of every stored file linked to a report, with their sha256. */
export function storedFiles(h: VariantHarvest): { url: string; sha256: string; role: string }[] {
  return h.catalog.db.prepare('SELECT url, sha256, role FROM report_files ORDER BY url').all() as { url: string; sha256: string; role: string }[];
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Paths (with query) the given variant's server was asked for. */
export function requested(h: VariantHarvest, id: string, method?: string): string[] {
  return h.portal.log.filter((r) => r.site === id && (!method || r.method === method)).map((r) => r.url);
}
