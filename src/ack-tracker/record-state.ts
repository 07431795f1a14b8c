/** The state of one record of a share-partition (KIP-932 vocabulary). */
export const RecordState = {
  AVAILABLE: 'AVAILABLE',
  ACQUIRED: 'ACQUIRED',
  ACKNOWLEDGED: 'ACKNOWLEDGED',
  ARCHIVED: 'ARCHIVED',
} as const;

export type RecordState = (typeof RecordState)[keyof typeof RecordState];

export const RECORD_STATES: readonly RecordState[] = ['AVAILABLE', 'ACQUIRED', 'ACKNOWLEDGED', 'ARCHIVED'];

/**
 * The only legal moves of a live share-partition, in one place (Kafka's RecordState.validateTransition).
 * AVAILABLE -> ARCHIVED happens when a record already at the delivery limit is met by acquire (after a restart,
 * or after the limit was lowered). RENEW is not a transition. Journal replay bypasses this table: it restores
 * facts that were legal when they happened.
 */
export const LEGAL_TRANSITIONS: Readonly<Record<RecordState, readonly RecordState[]>> = {
  AVAILABLE: ['ACQUIRED', 'ARCHIVED'],
  ACQUIRED: ['AVAILABLE', 'ACKNOWLEDGED', 'ARCHIVED'],
  ACKNOWLEDGED: [],
  ARCHIVED: [],
};

export function canTransition(from: RecordState, to: RecordState): boolean {
  return LEGAL_TRANSITIONS[from].includes(to);
}

/** ACKNOWLEDGED and ARCHIVED records are done: the start offset may pass them. */
export function isFinished(state: RecordState): boolean {
  return state === 'ACKNOWLEDGED' || state === 'ARCHIVED';
}
