/**
 * Every benchmark suite, in run order. A new suite is a file exporting a `Suite` plus one line here.
 */
import { latencySuite } from './latency.js';
import type { Suite } from './lib/suite.js';
import { memorySuite } from './memory.js';
import { produceSuite } from './produce.js';
import { sharePeersSuite } from './share-peers.js';
import { shareSuite } from './share.js';

export const SUITES: readonly Suite[] = [produceSuite, shareSuite, sharePeersSuite, latencySuite, memorySuite];
