/**
 * Per-host politeness: at most `concurrency` requests in flight to one host, at least `delayMs` between the starts
 * of two requests and between the end of one and the start of the next, pauses asked for by the host (Retry-After), and a circuit breaker after consecutive failures.
 * Crawlee 3.18 has none of these per host (sameDomainDelaySecs groups by eTLD+1, and all of *.gov.cn is one suffix).
 */
import PQueue from 'p-queue';

export interface HostGateOptions {
  concurrency: number;
  delayMs: number;
  circuitBreakerThreshold: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class HostGate {
  private readonly slots: PQueue;
  private nextStartAt = 0;
  /** When the last exchange started or ended, whichever is later (0 before the first). */
  private lastAt = 0;
  private pausedUntil = 0;
  private delayMs: number;
  private consecutiveFailures = 0;
  private openReason: string | null = null;

  constructor(
    readonly host: string,
    private readonly opts: HostGateOptions,
  ) {
    this.slots = new PQueue({ concurrency: Math.max(1, opts.concurrency) });
    this.delayMs = opts.delayMs;
  }

  /**
   * Raises the spacing, e.g. to a robots.txt Crawl-delay. Never lowers it below the configured delay. The new spacing
   * counts from the last exchange too: the robots.txt that states a Crawl-delay is itself a request, and the page
   * asked right after it was sent at the old spacing (a `limit_req` matching the stated delay refused it 503).
   */
  raiseDelay(ms: number): void {
    this.delayMs = Math.max(this.opts.delayMs, ms);
    if (this.lastAt) this.nextStartAt = Math.max(this.nextStartAt, this.lastAt + this.delayMs);
  }

  get currentDelayMs(): number {
    return this.delayMs;
  }

  /** The host asked us to wait (Retry-After) or we back off: no request starts before then. */
  pauseUntil(epochMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, epochMs);
  }

  /** Runs fn holding one of the host's slots, started no sooner than the spacing allows. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.slots.add(async () => {
      for (;;) {
        const now = Date.now();
        const startAt = Math.max(this.nextStartAt, this.pausedUntil);
        if (startAt <= now) break;
        await sleep(startAt - now);
      }
      this.nextStartAt = Date.now() + this.delayMs;
      this.lastAt = Date.now();
      try {
        return await fn();
      } finally {
        this.lastAt = Date.now();
        // The delay also runs from the end of the exchange: a slow answer (or a long download) is followed by a
        // full pause, as the host sees it, not by an immediate next request.
        this.nextStartAt = Math.max(this.nextStartAt, Date.now() + this.delayMs);
      }
    }) as Promise<T>;
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0;
  }

  /** Counts a failed attempt (5xx, timeout, reset); opens the circuit at the threshold. */
  recordFailure(reason: string): void {
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.opts.circuitBreakerThreshold && !this.openReason) {
      this.openReason = `${this.consecutiveFailures} consecutive failures, last: ${reason}`;
    }
  }

  /** Why the host is skipped for the rest of the run, or null while it is not. */
  get circuitOpen(): string | null {
    return this.openReason;
  }
}

export class HostGates {
  private readonly gates = new Map<string, HostGate>();
  constructor(private readonly opts: HostGateOptions) {}

  for(host: string): HostGate {
    let gate = this.gates.get(host);
    if (!gate) {
      gate = new HostGate(host, this.opts);
      this.gates.set(host, gate);
    }
    return gate;
  }

  /** Hosts whose circuit opened in this run, with the reason. */
  openCircuits(): { host: string; reason: string }[] {
    return [...this.gates.values()].filter((g) => g.circuitOpen).map((g) => ({ host: g.host, reason: g.circuitOpen! }));
  }
}
