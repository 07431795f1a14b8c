/**
 * The operations share-state-store.differential.test.ts generates: fast-check arbitraries for operation
 * sequences over three members, with acknowledgement ranges described relative to the state they will meet
 * (resolved when they run).
 */
import fc from 'fast-check';
import type { AckType } from '../../src/ack-tracker/index.js';

/** Lock duration, release delay and (in some sequences) backoff: longer than any sequence runs. */
export const LONG = 600_000;
export const MEMBERS = ['a', 'b', 'c'] as const;
export type Member = (typeof MEMBERS)[number];
/** Longer than REASON_MAX_LENGTH: both stores keep the truncated reason. */
export const LONG_REASON = `${'long reason '.repeat(100)}ü`;

/** Which lease token a range carries: none, the member's last, the anchor batch's, an older one, a never-issued one. */
export type TokenChoice = 'none' | 'mine' | 'anchor' | 'old' | 'bogus';

/** An acknowledgement range, resolved against the state when it runs (see resolveRange). */
export interface RangeGen {
  /**
   * What the range is cut from. 'held': a span of records the acknowledging member holds under one token (as the
   * reference store last inspected them; anyone's span when the member holds none); 'batch': one of the recently
   * acquired batches, whatever became of it; 'window': anywhere in [start - 3, end + 3].
   */
  anchor: 'held' | 'batch' | 'window';
  pick: number;
  /**
   * held and batch: 'edges' adds shiftFirst and shiftLast to the span's first and last offset; 'inner' takes the
   * sub-range between the points cutA% and cutB% into the span; 'straddle' runs from the span (shiftFirst) to the
   * last offset of the next span or batch (shiftLast).
   */
  cut: 'edges' | 'inner' | 'straddle';
  shiftFirst: number;
  shiftLast: number;
  cutA: number;
  cutB: number;
  /** window: last - first (-1 makes an INVALID_ARGUMENT range). */
  len: number;
  type: AckType;
  reason: string | undefined;
  token: TokenChoice;
  delay: 'none' | 'zero' | 'long';
}

export type OpGen =
  | { op: 'acquire'; member: Member; max: number; grow: number }
  /** 'holder': the holder of one of the held spans (a random member when nothing is held). */
  | { op: 'ack'; member: Member | 'holder'; pick: number; ranges: RangeGen[] }
  | { op: 'releaseMember'; member: Member }
  | { op: 'advanceStart'; by: number }
  | { op: 'inspect'; pick: number; len: number; logEndShift: number }
  | { op: 'setLimits'; deliveryCountLimit: number; maxInFlightRecords: number }
  | { op: 'reset'; pick: number }
  | { op: 'expire' };

export interface Setup {
  startOffset: number;
  deliveryCountLimit: number;
  maxInFlightRecords: number;
  backoffInitialMs: number;
}

const memberArb = fc.constantFrom(...MEMBERS);
const shiftArb = fc.oneof({ arbitrary: fc.constant(0), weight: 5 }, { arbitrary: fc.integer({ min: -2, max: 2 }), weight: 3 });

const rangeArb: fc.Arbitrary<RangeGen> = fc.record({
  anchor: fc.oneof(
    { arbitrary: fc.constant<RangeGen['anchor']>('held'), weight: 5 },
    { arbitrary: fc.constant<RangeGen['anchor']>('batch'), weight: 2 },
    { arbitrary: fc.constant<RangeGen['anchor']>('window'), weight: 1 },
  ),
  pick: fc.nat({ max: 999 }),
  cut: fc.constantFrom<RangeGen['cut']>('edges', 'edges', 'inner', 'straddle'),
  shiftFirst: shiftArb,
  shiftLast: shiftArb,
  cutA: fc.nat({ max: 99 }),
  cutB: fc.nat({ max: 99 }),
  len: fc.integer({ min: -1, max: 9 }),
  type: fc.oneof(
    { arbitrary: fc.constant<AckType>('ACCEPT'), weight: 3 },
    { arbitrary: fc.constant<AckType>('RELEASE'), weight: 3 },
    { arbitrary: fc.constant<AckType>('REJECT'), weight: 1 },
    { arbitrary: fc.constant<AckType>('RENEW'), weight: 1 },
  ),
  reason: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 12 },
    { arbitrary: fc.constantFrom('', 'r1', 'r2', 'bad ü'), weight: 4 },
    { arbitrary: fc.constant(LONG_REASON), weight: 1 },
  ),
  token: fc.oneof(
    { arbitrary: fc.constant<TokenChoice>('none'), weight: 11 },
    { arbitrary: fc.constant<TokenChoice>('mine'), weight: 3 },
    { arbitrary: fc.constant<TokenChoice>('anchor'), weight: 3 },
    { arbitrary: fc.constant<TokenChoice>('old'), weight: 2 },
    { arbitrary: fc.constant<TokenChoice>('bogus'), weight: 1 },
  ),
  delay: fc.oneof(
    { arbitrary: fc.constant<RangeGen['delay']>('none'), weight: 16 },
    { arbitrary: fc.constant<RangeGen['delay']>('zero'), weight: 2 },
    { arbitrary: fc.constant<RangeGen['delay']>('long'), weight: 2 },
  ),
});

export const opArb: fc.Arbitrary<OpGen> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      op: fc.constant('acquire' as const),
      member: memberArb,
      max: fc.integer({ min: 1, max: 25 }),
      grow: fc.oneof(
        { arbitrary: fc.constant(0), weight: 2 },
        { arbitrary: fc.integer({ min: 1, max: 8 }), weight: 3 },
        { arbitrary: fc.integer({ min: 9, max: 40 }), weight: 1 },
      ),
    }),
  },
  {
    weight: 12,
    arbitrary: fc.record({
      op: fc.constant('ack' as const),
      member: fc.oneof({ arbitrary: memberArb, weight: 1 }, { arbitrary: fc.constant('holder' as const), weight: 2 }),
      pick: fc.nat({ max: 999 }),
      ranges: fc.array(rangeArb, { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('releaseMember' as const), member: memberArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('advanceStart' as const), by: fc.integer({ min: -2, max: 12 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('inspect' as const),
      pick: fc.nat({ max: 999 }),
      len: fc.integer({ min: -1, max: 15 }),
      logEndShift: fc.integer({ min: -5, max: 5 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('setLimits' as const),
      // 1 is below the product minimum (2), not below what the stores accept: it archives at every give-back,
      // and records released before are archived when acquire meets them.
      deliveryCountLimit: fc.integer({ min: 1, max: 4 }),
      maxInFlightRecords: fc.constantFrom(6, 15, 30, 2000),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reset' as const), pick: fc.nat({ max: 999 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('expire' as const) }) },
);

export const setupArb: fc.Arbitrary<Setup> = fc.record({
  startOffset: fc.nat({ max: 5 }),
  deliveryCountLimit: fc.integer({ min: 2, max: 4 }),
  maxInFlightRecords: fc.constantFrom(6, 15, 30, 2000),
  backoffInitialMs: fc.constantFrom(0, 0, 0, 0, LONG),
});
