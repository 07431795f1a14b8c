import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from '../../../src/ack-tracker/deadline-heap.js';
import { LEGAL_TRANSITIONS, RECORD_STATES, canTransition, type RecordState } from '../../../src/ack-tracker/index.js';
import { KeyIndex } from '../../../src/ack-tracker/key-index.js';
import { makeRun, NO_ATTEMPTS, RunMap, type Run } from '../../../src/ack-tracker/run-map.js';

describe('record state transitions', () => {
  const legal: [RecordState, RecordState][] = [
    ['AVAILABLE', 'ACQUIRED'],
    ['AVAILABLE', 'ARCHIVED'],
    ['ACQUIRED', 'AVAILABLE'],
    ['ACQUIRED', 'ACKNOWLEDGED'],
    ['ACQUIRED', 'ARCHIVED'],
  ];
  for (const from of RECORD_STATES) {
    for (const to of RECORD_STATES) {
      const expected = legal.some(([f, t]) => f === from && t === to);
      it(`${from} -> ${to} is ${expected ? 'legal' : 'illegal'}`, () => {
        expect(canTransition(from, to)).toBe(expected);
      });
    }
  }
  it('has no way out of a finished state', () => {
    expect(LEGAL_TRANSITIONS.ACKNOWLEDGED).toEqual([]);
    expect(LEGAL_TRANSITIONS.ARCHIVED).toEqual([]);
  });
});

function run(first: number, last: number): Run {
  return makeRun(first, last, {
    state: 'AVAILABLE',
    count: 0,
    member: null,
    deadline: 0,
    token: 0,
    due: 0,
    failure: null,
    attempts: NO_ATTEMPTS,
  });
}

describe('RunMap', () => {
  it('behaves like a sorted array under random inserts, removes and lookups', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 200 })), { maxLength: 300 }), (ops) => {
        const map = new RunMap();
        const model = new Map<number, Run>();
        for (const [insert, key] of ops) {
          const existing = model.get(key);
          if (insert && existing === undefined) {
            const r = run(key * 10, key * 10 + 9);
            map.insert(r);
            model.set(key, r);
          } else if (!insert && existing !== undefined) {
            map.remove(existing);
            model.delete(key);
          }
          const sorted = [...model.values()].sort((a, b) => a.first - b.first);
          expect([...map]).toEqual(sorted);
          expect(map.size).toBe(sorted.length);
          expect(map.first()).toBe(sorted[0] ?? null);
          expect(map.last()).toBe(sorted[sorted.length - 1] ?? null);
          const probe = key * 10 + 5;
          const floor = sorted.filter((r) => r.first <= probe).pop() ?? null;
          expect(map.floor(probe)).toBe(floor);
          expect(map.find(probe)).toBe(floor !== null && probe <= floor.last ? floor : null);
          for (let i = 0; i < sorted.length; i++) {
            expect(map.prev(sorted[i])).toBe(sorted[i - 1] ?? null);
            expect(map.next(sorted[i])).toBe(sorted[i + 1] ?? null);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('MinHeap', () => {
  it('pops in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (xs) => {
        const heap = new MinHeap<number>((a, b) => a < b);
        for (const x of xs) heap.push(x);
        const out: number[] = [];
        for (let x = heap.pop(); x !== undefined; x = heap.pop()) out.push(x);
        expect(out).toEqual([...xs].sort((a, b) => a - b));
      }),
    );
  });
});

describe('KeyIndex', () => {
  it('blocks a record only behind a lower unfinished record of its key', () => {
    const keys = new KeyIndex();
    keys.note(5, 'a');
    keys.note(2, 'a');
    keys.note(3, 'b');
    expect(keys.blocked('a', 2)).toBe(false);
    expect(keys.blocked('a', 5)).toBe(true);
    expect(keys.blocked('b', 9)).toBe(true);
    keys.remove(2);
    expect(keys.blocked('a', 5)).toBe(false);
    keys.removeRange(0, 100);
    expect(keys.size).toBe(0);
    expect(keys.blocked('b', 9)).toBe(false);
  });
});
