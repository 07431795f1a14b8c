/**
 * The 30-second chaos soak (npm run soak runs the long one): producers, failing share-group workers and a consumer
 * group against a server that is SIGKILLed and restarted every few seconds. Every promise must hold.
 */
import { expect, it } from 'vitest';
import { runSoak } from '../../src/soak/soak.js';

it('keeps every promise through repeated SIGKILLs of the server', async () => {
  const report = await runSoak({ durationMs: 30_000, killEveryMs: 6_000, producers: 2, workers: 4, partitions: 2, failureRate: 0.1 });
  expect(report.kills).toBeGreaterThanOrEqual(2);
  expect(report.acknowledgedProduces).toBeGreaterThan(0);
  expect(report.missingFromLog).toEqual([]);
  expect(report.acceptedTwice).toEqual([]);
  expect(report.deliveredAfterAccept).toEqual([]);
  expect(report.unfinished).toEqual([]);
  expect(report.countWentBack).toEqual([]);
  expect(report.commitsWentBack).toEqual([]);
  expect(report.redeliveries).toBeGreaterThan(0);
  expect(report.ok).toBe(true);
}, 240_000);
