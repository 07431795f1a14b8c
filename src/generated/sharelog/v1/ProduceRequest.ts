// Original file: sharelog/v1/producer.proto

import type { Record as _sharelog_v1_Record, Record__Output as _sharelog_v1_Record__Output } from '../../sharelog/v1/Record';
import type { Long } from '@grpc/proto-loader';

/**
 * Request of ProducerService.Produce.
 */
export interface ProduceRequest {
  /**
   * Name of an existing topic. Required.
   */
  'topic'?: (string);
  /**
   * When set, every record goes to this partition (0-based, below the topic's partition count). When unset, each
   * record is routed on its own: a keyed record to murmur2(key) mod partition count (Kafka's default partitioner,
   * so keys land where Kafka would put them); keyless records are spread over the partitions by the server
   * (clients must not rely on which). With a producer_id, the choice for keyless records depends only on
   * (producer_id, sequence), so a retry lands where the original went.
   */
  'partition'?: (number);
  /**
   * Records to append, at least one. Their positions come back in the same order.
   */
  'records'?: (_sharelog_v1_Record)[];
  /**
   * Client-chosen producer id that makes the request idempotent, e.g. a UUID; at most 64 characters. Empty means
   * "not idempotent": a retried request may append its records twice. A producer that loses track of its
   * sequence (e.g. after a restart) must use a new producer_id.
   */
  'producerId'?: (string);
  /**
   * Only with a producer_id: the request's sequence number, >= 0. Start at 0 and add one for each new request;
   * a retry of a request resends the same sequence (and the same records and partition). Per partition, the
   * server remembers at least the 5 most recent sequences of each producer with their offsets: a request whose
   * sequence is remembered for a partition is not appended there again (the server does not compare contents),
   * and its original positions are returned. A new request's sequence must be greater than every sequence the
   * producer used before on the partitions it writes to; gaps are allowed. Producer state may be forgotten after
   * a long idle period; a sequence from a forgotten producer is accepted as new. Ignored without a producer_id.
   */
  'sequence'?: (number | string | Long);
  '_partition'?: "partition";
}

/**
 * Request of ProducerService.Produce.
 */
export interface ProduceRequest__Output {
  /**
   * Name of an existing topic. Required.
   */
  'topic': (string);
  /**
   * When set, every record goes to this partition (0-based, below the topic's partition count). When unset, each
   * record is routed on its own: a keyed record to murmur2(key) mod partition count (Kafka's default partitioner,
   * so keys land where Kafka would put them); keyless records are spread over the partitions by the server
   * (clients must not rely on which). With a producer_id, the choice for keyless records depends only on
   * (producer_id, sequence), so a retry lands where the original went.
   */
  'partition'?: (number);
  /**
   * Records to append, at least one. Their positions come back in the same order.
   */
  'records': (_sharelog_v1_Record__Output)[];
  /**
   * Client-chosen producer id that makes the request idempotent, e.g. a UUID; at most 64 characters. Empty means
   * "not idempotent": a retried request may append its records twice. A producer that loses track of its
   * sequence (e.g. after a restart) must use a new producer_id.
   */
  'producerId': (string);
  /**
   * Only with a producer_id: the request's sequence number, >= 0. Start at 0 and add one for each new request;
   * a retry of a request resends the same sequence (and the same records and partition). Per partition, the
   * server remembers at least the 5 most recent sequences of each producer with their offsets: a request whose
   * sequence is remembered for a partition is not appended there again (the server does not compare contents),
   * and its original positions are returned. A new request's sequence must be greater than every sequence the
   * producer used before on the partitions it writes to; gaps are allowed. Producer state may be forgotten after
   * a long idle period; a sequence from a forgotten producer is accepted as new. Ignored without a producer_id.
   */
  'sequence': (number);
  '_partition'?: "partition";
}
