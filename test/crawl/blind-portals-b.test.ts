/**
 * The blind portals (test/fixtures/portal/sites/blind/: written apart from the parsers, imitating real-world
 * patterns) crawled as a new user would, every third one from the second (blind-portals.test.ts and blind-portals-c.test.ts crawl the other parts at
 * the same time, blind-portals-faults.test.ts the injected misses): a seeds file with `family: auto`, `nianbao
 * crawl`, `nianbao status --seeds --json`, `nianbao export`. Every portal's expected report set is found exactly
 * (recall and precision), every seed healthy. docs/blind-portals.md records the measurement this test keeps.
 */
import { blindPartTests } from './blind-crawl.ts';

blindPartTests(1, ' (second part)');
