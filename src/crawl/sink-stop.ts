/**
 * Stops a harvest cleanly when our own storage fails (disk full, quota, read-only, catalog full): told apart from
 * source faults by the error's code (errors.ts sinkErrorOf), never counted against a host, never recorded as a
 * failed URL. Every crawler is aborted and the request being handled goes back, unhandled, to its persisted queue
 * (Crawlee's RetryRequestError: reclaimed whatever its retry count, never marked failed), so the next run, once
 * there is space, resumes it.
 */
import { RetryRequestError } from '@crawlee/core';
import { sinkErrorOf, type SinkError } from '../errors.ts';

interface Abortable {
  autoscaledPool?: { abort(): Promise<void> };
}

export class SinkStop {
  private fault_: SinkError | null = null;
  private readonly crawlers = new Set<Abortable>();
  private readonly listeners: (() => void)[] = [];

  /** @param catalogPath named in the message of a SQLite error, which never names its file. */
  constructor(private readonly catalogPath: string) {}

  get fault(): SinkError | null {
    return this.fault_;
  }

  /** Called once when the run stops. */
  onStop(fn: () => void): void {
    this.listeners.push(fn);
  }

  /** Registers a running crawler so that a stop aborts it; returns the function that unregisters it. */
  track(crawler: Abortable): () => void {
    this.crawlers.add(crawler);
    if (this.fault_) void crawler.autoscaledPool?.abort();
    return () => this.crawlers.delete(crawler);
  }

  /** Runs one request's handling; a sink fault stops the run and sends the request back to its queue. */
  async guard(fn: () => Promise<void>): Promise<void> {
    if (this.fault_) return this.requeue();
    try {
      await fn();
    } catch (err) {
      const fault = sinkErrorOf(err, this.catalogPath);
      if (!fault) throw err;
      this.stop(fault);
      return this.requeue();
    }
  }

  stop(fault: SinkError): void {
    if (this.fault_) return;
    this.fault_ = fault;
    this.abortAll();
    for (const fn of this.listeners) fn();
  }

  /** Aborts again (a crawler that had no pool yet at stop() has one now), then hands the request back for later. */
  private requeue(): never {
    this.abortAll();
    throw new RetryRequestError(`stopped: ${this.fault_!.message}`);
  }

  private abortAll(): void {
    for (const c of this.crawlers) void c.autoscaledPool?.abort();
  }
}
