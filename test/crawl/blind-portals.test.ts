/**
 * The blind portals (test/fixtures/portal/sites/blind/: written apart from the parsers, imitating real-world
 * patterns) crawled as a new user would, every other one from the first (blind-portals-b.test.ts crawls the other half at
 * the same time, blind-portals-faults.test.ts the injected misses): a seeds file with `family: auto`, `nianbao
 * crawl`, `nianbao status --seeds --json`, `nianbao export`. Every portal's expected report set is found exactly
 * (recall and precision), every seed healthy. docs/blind-portals.md records the measurement this test keeps.
 */
import { blindHalfTests } from './blind-crawl.ts';

blindHalfTests(0, '');
