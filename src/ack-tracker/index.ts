export { SharePartitionState, INSPECT_LIMIT, rangeArgumentError } from './share-partition-state.js';
export { REASON_MAX_LENGTH, truncateReason, type SharePartitionOptions } from './partition-core.js';
export { KEY_SCAN_LIMIT } from './acquire.js';
export {
  DEFAULT_SHARE_PARTITION_CONFIG,
  resolveConfig,
  validateConfig,
  backoffDelay,
  type SharePartitionConfig,
} from './config.js';
export { RecordState, RECORD_STATES, LEGAL_TRANSITIONS, canTransition, isFinished } from './record-state.js';
export {
  assertShareDelta,
  assertShareSnapshot,
  type ShareDelta,
  type ShareSnapshot,
  type SnapshotRun,
} from './deltas.js';
export {
  JournalFile,
  encodeFrame,
  decodeFrames,
  FRAME_HEADER_BYTES,
  MAX_FRAME_BYTES,
  type JournalFrame,
  type DeltaFrame,
  type SnapshotFrame,
  type OpenedJournal,
  type FrameGuard,
  type JournalIo,
  isShareJournalFrame,
} from './journal.js';
export type {
  AckType,
  AckErrorCode,
  AckRange,
  AckResult,
  AcquiredBatch,
  ArchivedRecord,
  Attempt,
  AttemptOutcome,
  FailureOutcome,
  InspectedRecord,
  PreviousFailure,
  ReleaseResult,
  ShareCounts,
} from './types.js';
