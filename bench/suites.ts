/**
 * Every benchmark suite, in run order. A new suite (share-group consume, Redis backend, NATS comparison) is a
 * file exporting a `Suite` plus one line here.
 */
import type { Suite } from './lib/suite.js';
import { produceSuite } from './produce.js';
import { shareSuite } from './share.js';

export const SUITES: readonly Suite[] = [produceSuite, shareSuite];
