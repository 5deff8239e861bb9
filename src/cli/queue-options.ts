/** The options naming the work queue, shared by enqueue, worker and status. */
import { Option } from 'commander';
import { positiveInt } from './common.ts';

export const queueOption = () =>
  new Option('--queue <url>', 'the work queue: postgres://user:password@host/db (pg-boss schema); default the catalog\'s database when it is PostgreSQL').env(
    'NIANBAO_QUEUE',
  );

export const leaseOption = () =>
  new Option('--lease <seconds>', "a job's lease: a killed worker's job is taken over this long after its last renewal (default 120)")
    .env('NIANBAO_QUEUE_LEASE')
    .argParser(positiveInt('--lease'));
