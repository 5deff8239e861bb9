/**
 * The view's whole-catalog aggregates, named, so the same computation runs in the server thread or in the
 * background worker (aggregate-worker-main.ts) and arrives in the same AggregateCache entry.
 */
import type { Catalog } from '../catalog/catalog.ts';
import { CoverageViewQueries, type GridFilter } from '../catalog/coverage-view-queries.ts';
import { ViewQueries } from '../catalog/view-queries.ts';
import type { KeyFigure } from '../catalog/key-figures.ts';

export type AggregateKey =
  | { name: 'counts' }
  | { name: 'perYear' }
  | { name: 'provinces'; figure: KeyFigure }
  | { name: 'regions'; filter: Omit<GridFilter, 'state'> };

/** The cache key of an aggregate: its JSON, which names it and its arguments. */
export const keyString = (k: AggregateKey): string => JSON.stringify(k);

export function computeAggregate(catalog: Catalog, k: AggregateKey): unknown {
  switch (k.name) {
    case 'counts':
      return catalog.status.countsByState();
    case 'perYear':
      return new ViewQueries(catalog.db).reportsPerYear();
    case 'provinces':
      return new ViewQueries(catalog.db).provinceFigure(k.figure);
    case 'regions':
      return new CoverageViewQueries(catalog.db).regionCounts(k.filter);
  }
}
