import { defineConfig } from 'vitest/config';

/** The black-box gRPC tests of the semantics both backends share: run again over a redis-server and a Cluster. */
const BOTH_BACKENDS = [
  'test/integration/produce-fetch.test.ts',
  'test/integration/share-*.test.ts',
  'test/integration/consumer-groups.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: run files two at a time so process-spawning tests do not starve each other.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    projects: [
      { extends: true, test: { name: 'embedded', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'redis', include: BOTH_BACKENDS, env: { SHARELOG_TEST_BACKEND: 'redis' } } },
      { extends: true, test: { name: 'redis-cluster', include: BOTH_BACKENDS, env: { SHARELOG_TEST_BACKEND: 'redis-cluster' } } },
    ],
  },
});
