/** Timestamps in the catalog are ISO 8601 UTC strings; tests may pin the clock. */
let clock: () => Date = () => new Date();

export function nowIso(): string {
  return clock().toISOString();
}

export function setClock(fn: () => Date): void {
  clock = fn;
}
