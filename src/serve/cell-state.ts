/** How a report's state shows in the grid: one colour (the most pressing state) and a tag for every state it has. */
import type { CellStateFilter } from '../catalog/coverage-view-queries.ts';
import type { ReportStateRow } from '../catalog/report-state.ts';

export interface StateInfo {
  /** Short tag shown in the cell. */
  tag: string;
  label: string;
  /** What it means, for the legend. */
  help: string;
}

export const STATES: Record<CellStateFilter, StateInfo> = {
  on_time: { tag: '✓', label: 'on time', help: 'published by the statutory deadline' },
  late: { tag: 'late', label: 'late', help: 'published after the deadline (page date, else the file’s own date)' },
  undated: { tag: '?', label: 'date unknown', help: 'neither the page nor the file gives a publication date' },
  missing: { tag: '—', label: 'missing', help: 'no report found' },
  failing: { tag: '✗', label: 'checks fail', help: 'the tables do not add up' },
  unreadable: { tag: 'OCR', label: 'unreadable', help: 'needs OCR, or some cells could not be read' },
  changed: { tag: 'Δ', label: 'changed', help: 'a file changed after publication' },
};

/** A state as a badge text: its tag and, when the tag is a symbol, its name. */
export function badgeText(s: CellStateFilter): string {
  const i = STATES[s];
  return i.tag === i.label ? i.label : `${i.tag} ${i.label}`;
}

/** Most pressing first: what an auditor must look at before anything else. */
const PRIORITY: CellStateFilter[] = ['failing', 'unreadable', 'late', 'changed', 'on_time', 'undated'];

export function statesOf(r: ReportStateRow): CellStateFilter[] {
  const has: Record<CellStateFilter, boolean> = {
    failing: r.failing === 1,
    unreadable: r.unreadable === 1,
    late: r.late === 1,
    changed: r.changed === 1,
    on_time: r.late === 0,
    undated: r.late === null,
    missing: false,
  };
  return PRIORITY.filter((s) => has[s]);
}

/** One line for a tooltip or a screen reader: every state and the date that decided timeliness. */
export function describeState(r: ReportStateRow): string {
  const parts = statesOf(r).map((s) => STATES[s].label);
  const date = r.pub_date ? `published ${r.pub_date} (${r.date_source === 'page' ? 'page date' : 'file date'}), deadline ${r.deadline}` : `no publication date, deadline ${r.deadline}`;
  return `${r.year}: ${parts.join(', ')}; ${date}`;
}
