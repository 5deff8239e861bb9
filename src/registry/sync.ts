/**
 * Brings the catalog in line with the seeds files: every agency (with its aliases and region) and every entry.
 * Region names missing from a seed are filled in from its division code.
 */
import type { Catalog } from '../catalog/catalog.ts';
import type { SeedEntryRow } from '../catalog/seed-entries.ts';
import { ConfigError } from '../errors.ts';
import { getDivision, regionOf } from './divisions.ts';
import { nameKey } from './normalize.ts';
import type { SeedAgency } from './seeds-file.ts';

export function syncRegistry(catalog: Catalog, seeds: SeedAgency[]): SeedEntryRow[] {
  return catalog.tx(() => {
    const entries: SeedEntryRow[] = [];
    for (const [i, s] of seeds.entries()) {
      if (s.division && !getDivision(s.division)) {
        throw new ConfigError(`${s.seedsFile}: agencies[${i}] (${s.name}).division: ${s.division} is not a known GB/T 2260 code`);
      }
      const region = s.division ? regionOf(s.division) : undefined;
      const agency = catalog.agencies.upsert({
        name: s.name,
        nameKey: nameKey(s.name),
        division: s.division ?? null,
        level: s.level ?? (region?.level as 'province' | 'city' | 'county' | undefined) ?? null,
        province: s.province ?? region?.province ?? null,
        city: s.city ?? region?.city ?? null,
        county: s.county ?? region?.county ?? null,
      });
      for (const alias of s.aliases) {
        const owner = catalog.agencies.byNameKey(nameKey(alias));
        if (owner && owner.id !== agency.id && !owner.discovered) {
          throw new ConfigError(`${s.seedsFile}: agencies[${i}] (${s.name}).aliases: "${alias}" already names ${owner.name}`);
        }
        catalog.agencies.addAlias(agency.id, { alias, nameKey: nameKey(alias), source: 'seed' });
      }
      for (const e of s.entries) {
        entries.push(
          catalog.seeds.upsert({ agencyId: agency.id, url: e.url, host: new URL(e.url).host.toLowerCase(), family: e.family, render: e.render, seedsFile: s.seedsFile }),
        );
      }
    }
    return entries;
  });
}
