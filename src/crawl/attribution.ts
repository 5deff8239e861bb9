/**
 * Whose report is this, and for which year? The title names the agency and the year reported on; the page's
 * 发布机构 and the seed's agency are fallbacks. An agency a portal lists but the registry lacks (a county site's
 * bureaus and towns) is created from the title, placed in the region of the site's agency, and marked discovered.
 */
import { agencyFromTitle, isAgencyName } from './classify/agency.ts';
import { parseReportYear, yearFromBody } from './classify/year.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { AgencyRow } from '../catalog/agencies.ts';
import { AgencyIndex } from '../registry/agency-index.ts';
import { nameKey, splitRegionPrefix } from '../registry/normalize.ts';
import { regionOf } from '../registry/divisions.ts';

export interface Attribution {
  agency: AgencyRow;
  year: number;
  via: 'title' | 'publisher' | 'seed';
  discovered: boolean;
}

export class Attributor {
  private readonly index: AgencyIndex;

  constructor(private readonly catalog: Catalog) {
    this.index = new AgencyIndex(
      catalog.agencies.all().map((a) => ({
        id: a.id,
        name: a.name,
        division: a.division,
        names: [a.name, ...catalog.agencies.aliases(a.id).map((x) => x.alias)],
      })),
    );
  }

  /** The report year: from the title, else from the body's statistics period. */
  static year(title: string, bodyText?: string | null): number | null {
    return parseReportYear(title) ?? (bodyText ? yearFromBody(bodyText) : null);
  }

  attribute(input: { title: string; publisher?: string | null; bodyText?: string | null; siteAgency: AgencyRow }): Attribution | null {
    const year = Attributor.year(input.title, input.bodyText);
    if (year === null) return null;
    const site = input.siteAgency;
    const fromTitle = agencyFromTitle(input.title);
    const candidates: [string, Attribution['via']][] = [];
    if (fromTitle) candidates.push([fromTitle, 'title']);
    if (input.publisher) candidates.push([input.publisher, 'publisher']);
    for (const [name, via] of candidates) {
      const id = this.index.find(name, site.division);
      if (id !== null) {
        const agency = this.catalog.agencies.byId(id)!;
        if (via === 'title' && nameKey(name) !== agency.name_key) {
          this.catalog.agencies.addAlias(agency.id, { alias: name, nameKey: nameKey(name), source: 'title', validFromYear: year, validToYear: year });
        }
        return { agency, year, via, discovered: false };
      }
    }
    if (fromTitle && isAgencyName(fromTitle)) {
      return { agency: this.discover(fromTitle, site), year, via: 'title', discovered: true };
    }
    return { agency: site, year, via: 'seed', discovered: false };
  }

  private discover(name: string, site: AgencyRow): AgencyRow {
    const split = splitRegionPrefix(name, { division: site.division ?? undefined });
    const division = split.division ?? site.division;
    const region = division ? regionOf(division) : undefined;
    // A name without its region ("区教育局") is stored with it, so it stays unique nationally.
    const prefixed = split.division && !splitRegionPrefix(name).division ? `${regionName(region) ?? ''}${split.rest}` : name;
    const agency = this.catalog.agencies.upsert({
      name: prefixed,
      nameKey: nameKey(prefixed),
      division: division ?? null,
      level: region?.level ?? site.level,
      province: region?.province ?? site.province,
      city: region?.city ?? (region?.level === 'province' ? null : site.city),
      county: region?.county ?? null,
      discovered: true,
      discoveredViaAgencyId: site.id,
    });
    if (prefixed !== name) this.catalog.agencies.addAlias(agency.id, { alias: name, nameKey: nameKey(name), source: 'title' });
    this.index.add({ id: agency.id, name: agency.name, division: agency.division, names: [agency.name, name] });
    return agency;
  }
}

function regionName(region: ReturnType<typeof regionOf>): string | undefined {
  if (!region) return undefined;
  return region.county ?? region.city ?? region.province;
}
