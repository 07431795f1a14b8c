/**
 * ShareConsumerService: the unary share-group protocol (Heartbeat, Fetch, Acknowledge, LeaveGroup) and Subscribe,
 * the bidirectional stream whose lifetime is the membership: the client sends credits and acknowledgements, the
 * server pushes acquired records as they become available; closing the stream leaves the group.
 */
import type { ServerDuplexStream, ServiceError } from '@grpc/grpc-js';
import type { ShareConsumerServiceHandlers } from '../generated/sharelog/v1/ShareConsumerService.js';
import type { SubscribeRequest__Output } from '../generated/sharelog/v1/SubscribeRequest.js';
import type { SubscribeResponse } from '../generated/sharelog/v1/SubscribeResponse.js';
import type { Acknowledgement__Output } from '../generated/sharelog/v1/Acknowledgement.js';
import { ErrorCode, SharelogError, invalidArgument } from '../errors.js';
import type { ShareAck, ShareAckResult, ShareCoordinator } from '../share-group/share-coordinator.js';
import { WakeSignal } from '../share-group/wake-signal.js';
import { int32, requireText } from './codec.js';
import { toServiceError } from './errors.js';
import { callSignal, unary, type HandlerContext } from './handler.js';
import { isAckResult, toAckResultProto, toAcquiredRecordProto, toShareAck, toTopicPartitions } from './share-codec.js';

const DEFAULT_MAX_RECORDS = 500;
const MAX_RECORDS = 10_000;
const MAX_OUTSTANDING_CREDITS = 100_000;
/** A stream's pump waits this long per round before looking again (it is woken earlier by new work). */
const STREAM_POLL_MS = 5_000;

export function shareConsumerService(coordinator: ShareCoordinator, ctx: HandlerContext): ShareConsumerServiceHandlers {
  async function acknowledge(groupId: string, memberId: string, acks: Acknowledgement__Output[]) {
    const parsed = acks.map(toShareAck);
    const valid = parsed.filter((a): a is ShareAck => !isAckResult(a));
    const applied = valid.length > 0 ? await coordinator.acknowledge(groupId, memberId, valid) : [];
    let next = 0;
    return parsed.map((a) => toAckResultProto(isAckResult(a) ? a : (applied[next++] as ShareAckResult)));
  }

  return {
    Heartbeat: unary(ctx, 'ShareConsumerService.Heartbeat', async (request, call) => {
      const groupId = requireText(request.groupId, 'group_id', 249);
      const result = await coordinator.heartbeat(groupId, request.memberId, request.memberEpoch, request.topics, {
        sessionTimeoutMs: request.sessionTimeoutMs ?? undefined,
        clientHost: call.peer,
      });
      return {
        memberId: result.memberId,
        memberEpoch: result.memberEpoch,
        assignment: toTopicPartitions(result.assignment),
        heartbeatIntervalMs: result.heartbeatIntervalMs,
      };
    }),

    Fetch: unary(ctx, 'ShareConsumerService.Fetch', async (request, call) => {
      const groupId = requireText(request.groupId, 'group_id', 249);
      const memberId = requireText(request.memberId, 'member_id', 64);
      const maxRecords = Math.min(int32(request.maxRecords, 'max_records', 0, 2 ** 31 - 1) || DEFAULT_MAX_RECORDS, MAX_RECORDS);
      const maxWaitMs = Math.min(int32(request.maxWaitMs, 'max_wait_ms', 0, 2 ** 31 - 1), ctx.maxWaitMs);
      const acknowledgementResults = request.acknowledgements.length > 0 ? await acknowledge(groupId, memberId, request.acknowledgements) : [];
      const deliveries = await coordinator.fetch(groupId, memberId, maxRecords, maxWaitMs, call.signal);
      return { records: deliveries.map(toAcquiredRecordProto), acknowledgementResults };
    }),

    Acknowledge: unary(ctx, 'ShareConsumerService.Acknowledge', async (request) => {
      const groupId = requireText(request.groupId, 'group_id', 249);
      const memberId = requireText(request.memberId, 'member_id', 64);
      if (request.acknowledgements.length === 0) throw invalidArgument('acknowledgements must hold at least one range');
      return { results: await acknowledge(groupId, memberId, request.acknowledgements) };
    }),

    LeaveGroup: unary(ctx, 'ShareConsumerService.LeaveGroup', async (request) => {
      await coordinator.leave(requireText(request.groupId, 'group_id', 249), requireText(request.memberId, 'member_id', 64));
      return {};
    }),

    Subscribe: (call: ServerDuplexStream<SubscribeRequest__Output, SubscribeResponse>) => {
      const signal = callSignal(call, ctx.shutdown);
      const creditsArrived = new WakeSignal();
      let member: { groupId: string; memberId: string } | null = null;
      let joinedSent = false;
      let credits = 0;
      let finished = false;
      /** Messages still being handled: a half-close waits for them, so their acknowledgements are answered. */
      const inFlight = new Set<Promise<void>>();

      const send = (response: SubscribeResponse) => {
        if (!finished) call.write(response);
      };
      const finish = (err?: unknown) => {
        if (finished) return;
        finished = true;
        creditsArrived.notify();
        if (member) void coordinator.leave(member.groupId, member.memberId).catch(() => undefined);
        if (err) call.emit('error', toServiceError(err, 'ShareConsumerService.Subscribe', ctx.logger) as ServiceError);
        else call.end();
      };

      const pump = async (groupId: string, memberId: string) => {
        while (!finished && !signal.aborted) {
          if (credits <= 0) {
            await creditsArrived.wait(STREAM_POLL_MS, signal);
            continue;
          }
          let deliveries;
          try {
            deliveries = await coordinator.fetch(groupId, memberId, Math.min(credits, MAX_RECORDS), STREAM_POLL_MS, signal);
          } catch (err) {
            // At max_in_flight_records_per_member (src/limits.ts) a stream waits for its own acknowledgements
            // (which wake it) or a poll interval, instead of ending.
            if (!(err instanceof SharelogError && err.code === ErrorCode.LIMIT_EXCEEDED)) throw err;
            await creditsArrived.wait(STREAM_POLL_MS, signal);
            continue;
          }
          if (deliveries.length === 0) continue;
          credits -= deliveries.length;
          send({ records: { records: deliveries.map(toAcquiredRecordProto) } });
        }
      };

      const handle = async (message: SubscribeRequest__Output) => {
        switch (message.request) {
          case 'start': {
            if (member) throw invalidArgument('the stream already started; send start once');
            const start = message.start!;
            const groupId = requireText(start.groupId, 'start.group_id', 249);
            const joined = await coordinator.heartbeat(groupId, start.memberId ?? '', 0, start.topics, {
              streaming: true,
              clientHost: call.getPeer(),
              // Changes before `joined` is written are already in `joined` itself.
              onAssignment: (assignment, memberEpoch) => {
                if (joinedSent) send({ assignmentChanged: { memberEpoch, assignment: toTopicPartitions(assignment) } });
              },
            });
            member = { groupId, memberId: joined.memberId };
            if (finished) {
              await coordinator.leave(groupId, joined.memberId);
              return;
            }
            send({ joined: { memberId: joined.memberId, memberEpoch: joined.memberEpoch, assignment: toTopicPartitions(joined.assignment) } });
            joinedSent = true;
            void pump(groupId, joined.memberId).catch((err) => finish(err));
            return;
          }
          case 'credits': {
            if (!member) throw invalidArgument('send start before credits');
            const n = int32(message.credits, 'credits', 1, MAX_OUTSTANDING_CREDITS);
            if (credits + n > MAX_OUTSTANDING_CREDITS) {
              throw invalidArgument(`outstanding credits may not exceed ${MAX_OUTSTANDING_CREDITS}`);
            }
            credits += n;
            creditsArrived.notify();
            return;
          }
          case 'acknowledgements': {
            if (!member) throw invalidArgument('send start before acknowledgements');
            const { correlationId, acknowledgements } = message.acknowledgements!;
            const results = await acknowledge(member.groupId, member.memberId, acknowledgements);
            send({ acknowledgementResults: { correlationId, results } });
            creditsArrived.notify(); // a pump waiting at the in-flight limit may go on
            return;
          }
          default:
            throw invalidArgument('a SubscribeRequest must set start, credits or acknowledgements');
        }
      };

      // Messages are handled in the order they came: credits sent right after start wait for the join.
      let previous: Promise<void> = Promise.resolve();
      call.on('data', (message: SubscribeRequest__Output) => {
        const handled = previous.then(() => (finished ? undefined : handle(message))).catch((err) => finish(err));
        previous = handled;
        inFlight.add(handled);
        void handled.finally(() => inFlight.delete(handled));
      });
      call.on('end', () => {
        void Promise.allSettled([...inFlight]).then(() => finish());
      });
      call.on('error', () => finish());
      signal.addEventListener(
        'abort',
        () => finish(ctx.shutdown.aborted ? new SharelogError(ErrorCode.SHUTTING_DOWN, 'the server is shutting down; reconnect', { retriable: true }) : undefined),
        { once: true },
      );
    },
  };
}
