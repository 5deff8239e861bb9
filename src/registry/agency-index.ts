/**
 * Finds the agency a name stands for. Names drift (人防办 / 人民防空办公室 / 国防动员办公室, with or without the city
 * prefix), so an agency is found by the key of its full name or an alias, or by its region (division code) plus
 * the key of the name after the region prefix — the "(division, role)" identity of domain.md §6.3.
 */
import { nameKey, splitRegionPrefix } from './normalize.ts';

export interface IndexedAgency {
  id: number;
  name: string;
  division: string | null;
  names: string[]; // canonical name and aliases
}

export class AgencyIndex {
  private readonly byKey = new Map<string, number>();
  private readonly byRegionRole = new Map<string, number>();

  constructor(agencies: Iterable<IndexedAgency> = []) {
    for (const a of agencies) this.add(a);
  }

  add(a: IndexedAgency): void {
    for (const n of a.names) {
      const key = nameKey(n);
      if (key && !this.byKey.has(key)) this.byKey.set(key, a.id);
      const split = splitRegionPrefix(n, { division: a.division ?? undefined });
      const division = split.division ?? a.division;
      const role = nameKey(split.rest);
      if (division && role) {
        const k = `${division}|${role}`;
        if (!this.byRegionRole.has(k)) this.byRegionRole.set(k, a.id);
      }
    }
  }

  /**
   * The agency a name found on a site denotes. `siteDivision` is the region of the site's own agency: it fills in
   * a missing prefix ("市国动办" on a 周口市 site).
   */
  find(name: string, siteDivision?: string | null): number | null {
    const direct = this.byKey.get(nameKey(name));
    if (direct !== undefined) return direct;
    const split = splitRegionPrefix(name, { division: siteDivision ?? undefined });
    const role = nameKey(split.rest);
    if (split.division && role) {
      const hit = this.byRegionRole.get(`${split.division}|${role}`);
      if (hit !== undefined) return hit;
    }
    return null;
  }
}
