#!/usr/bin/python3
"""Sharelog share-group worker example: a polling member of a share group (a work queue on a log).

What it does, with the RPCs of proto/sharelog/v1/share_consumer.proto:
  1. AdminService.UpdateShareGroupConfig: make the group start at the earliest offset (a new group starts at the
     latest by default), so records produced before the worker started are delivered too.
  2. ShareConsumerService.Heartbeat with member_epoch 0: join; the server picks the member id.
  3. Loop on ShareConsumerService.Fetch (long-poll up to --max-wait-ms): each call carries the ACCEPT
     acknowledgements of the records processed since the previous call (contiguous offsets coalesced into ranges,
     each with its lease token, so a retried acknowledgement cannot touch a later delivery) and acquires the next
     batch. "Processing" a record here means printing it as a JSON line:
         {"topic": "jobs", "partition": 0, "offset": 7, "delivery_count": 1, "key": "key-7", "value": "message 7"}
     A Heartbeat is sent every heartbeat_interval_ms (the server says how often).
  4. On exit (--count reached, Ctrl-C or SIGTERM): ShareConsumerService.Acknowledge for the last batch, then
     LeaveGroup. Records acquired but not processed are released by LeaveGroup and go to another member.

Run generate.sh once first. Example:
    /usr/bin/python3 worker.py --address 127.0.0.1:50051 --group workers --topic jobs --count 10
"""

import argparse
import json
import signal
import sys
import time
from itertools import groupby

import grpc

from sharelog_grpc import AdminStub, ShareConsumerStub, admin_pb2, common_pb2, error_code, share_consumer_pb2

TIMEOUT_S = 30  # deadline of each call, on top of the long-poll wait
RETRY_DELAY_S = 1  # pause before retrying after the server was unavailable


def parse_args():
    p = argparse.ArgumentParser(description="Consume a Sharelog topic through a share group, accepting each record.")
    p.add_argument("--address", default="127.0.0.1:50051", help="server host:port (default %(default)s)")
    p.add_argument("--group", default="workers", help="share group id (default %(default)s)")
    p.add_argument("--topic", default="jobs", help="topic to consume (default %(default)s)")
    p.add_argument("--max-records", type=int, default=100,
                   help="records to acquire per Fetch at most (default %(default)s)")
    p.add_argument("--max-wait-ms", type=int, default=2000,
                   help="long-poll wait of a Fetch that finds nothing (default %(default)s)")
    p.add_argument("--count", type=int, default=None,
                   help="stop after accepting this many records (default: run until Ctrl-C)")
    args = p.parse_args()
    if args.max_records < 1 or args.max_wait_ms < 0 or (args.count is not None and args.count < 0):
        p.error("--max-records must be >= 1, --max-wait-ms and --count >= 0")
    return args


class Stopping:
    """SIGINT/SIGTERM handler: the first signal asks the loop to stop cleanly, a second one interrupts at once."""

    def __init__(self):
        self.requested = False
        signal.signal(signal.SIGINT, self._handle)
        signal.signal(signal.SIGTERM, self._handle)

    def _handle(self, signum, _frame):
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        print(f"worker: {signal.Signals(signum).name}, stopping after the current call", file=sys.stderr)


def accept_ranges(records):
    """ACCEPT acknowledgements for processed AcquiredRecords: one per run of contiguous offsets of a partition.

    Records acquired by one Fetch from one partition share a lease token; a range never spans two tokens.
    """
    def key(r):
        return (r.record.topic, r.record.partition, r.lease_token)

    acks = []
    for (topic, partition, token), group in groupby(sorted(records, key=lambda r: (key(r), r.record.offset)), key):
        offsets = [r.record.offset for r in group]
        first = prev = offsets[0]
        for offset in offsets[1:] + [None]:
            if offset is not None and offset == prev + 1:
                prev = offset
                continue
            acks.append(common_pb2.Acknowledgement(
                topic=topic, partition=partition, first_offset=first, last_offset=prev,
                type=common_pb2.ACKNOWLEDGE_TYPE_ACCEPT, lease_token=token,
            ))
            first = prev = offset
    return acks


def check_results(results):
    """Returns how many records the acknowledgements applied to; reports the ranges that failed."""
    applied = 0
    for r in results:
        if r.error == common_pb2.ACKNOWLEDGE_ERROR_UNSPECIFIED:
            applied += r.last_offset - r.first_offset + 1
        else:
            # E.g. the lock expired before the acknowledgement arrived: the records will be delivered again.
            print(f"worker: acknowledgement of {r.topic}-{r.partition} [{r.first_offset}..{r.last_offset}] failed: "
                  f"{common_pb2.AcknowledgeError.Name(r.error)} {r.message}", file=sys.stderr)
    return applied


def print_record(acquired):
    rec = acquired.record
    print(json.dumps({
        "topic": rec.topic,
        "partition": rec.partition,
        "offset": rec.offset,
        "delivery_count": acquired.delivery_count,
        "key": rec.key.decode("utf-8", "replace") if rec.HasField("key") else None,
        "value": rec.value.decode("utf-8", "replace"),
    }), flush=True)


class Member:
    """The membership: id, epoch and heartbeat schedule, with a rejoin when the server no longer knows us."""

    def __init__(self, share, group, topic):
        self.share, self.group, self.topic = share, group, topic
        self.member_id, self.epoch, self.interval_s, self.next_heartbeat = "", 0, 5.0, 0.0

    def join(self):
        self._heartbeat(share_consumer_pb2.ShareConsumerServiceHeartbeatRequest(
            group_id=self.group, member_epoch=0, topics=[self.topic]))
        print(f"worker: joined {self.group} as {self.member_id}", file=sys.stderr)

    def heartbeat_if_due(self):
        """Heartbeats when due. Returns False when the member had to rejoin (its records were released)."""
        if time.monotonic() < self.next_heartbeat:
            return True
        try:
            self._heartbeat(share_consumer_pb2.ShareConsumerServiceHeartbeatRequest(
                group_id=self.group, member_id=self.member_id, member_epoch=self.epoch))
            return True
        except grpc.RpcError as err:
            if error_code(err) not in ("UNKNOWN_MEMBER", "FENCED_EPOCH"):
                raise
            print(f"worker: {error_code(err)}, joining again", file=sys.stderr)
            self.join()
            return False

    def seconds_to_heartbeat(self):
        return max(0.0, self.next_heartbeat - time.monotonic())

    def leave(self):
        self.share.LeaveGroup(share_consumer_pb2.ShareConsumerServiceLeaveGroupRequest(
            group_id=self.group, member_id=self.member_id), timeout=TIMEOUT_S)
        print(f"worker: left {self.group}", file=sys.stderr)

    def _heartbeat(self, request):
        response = self.share.Heartbeat(request, timeout=TIMEOUT_S)
        if response.member_epoch != self.epoch:
            assignment = {a.topic: list(a.partitions) for a in response.assignment}
            print(f"worker: epoch {response.member_epoch}, assignment {assignment}", file=sys.stderr)
        self.member_id, self.epoch = response.member_id, response.member_epoch
        self.interval_s = response.heartbeat_interval_ms / 1000
        self.next_heartbeat = time.monotonic() + self.interval_s


def run(args, share, admin, stopping):
    admin.UpdateShareGroupConfig(admin_pb2.UpdateShareGroupConfigRequest(
        group_id=args.group, auto_offset_reset=admin_pb2.OFFSET_RESET_EARLIEST), timeout=TIMEOUT_S)
    member = Member(share, args.group, args.topic)
    member.join()

    processed = []  # records printed since the last acknowledgement, to ACCEPT with the next call
    done = accepted = 0  # records processed / acknowledged so far
    try:
        while not stopping.requested and (args.count is None or done < args.count):
            if not member.heartbeat_if_due():
                processed = []  # rejoined: the old member's records were released, its acknowledgements would fail
            # Never wait past the next heartbeat; never acquire more than --count still needs.
            wait_ms = int(min(args.max_wait_ms, member.seconds_to_heartbeat() * 1000))
            want = args.max_records if args.count is None else min(args.max_records, args.count - done)
            request = share_consumer_pb2.ShareConsumerServiceFetchRequest(
                group_id=args.group, member_id=member.member_id, max_records=want, max_wait_ms=wait_ms,
                acknowledgements=accept_ranges(processed))
            try:
                response = share.Fetch(request, timeout=wait_ms / 1000 + TIMEOUT_S)
            except grpc.RpcError as err:
                if error_code(err) == "UNKNOWN_MEMBER":  # e.g. our session timed out: records already released
                    print("worker: UNKNOWN_MEMBER, joining again", file=sys.stderr)
                    member.join()
                    processed = []
                    continue
                if err.code() in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
                    # The acknowledgements may or may not have been applied: resending them is safe, since each
                    # range carries its lease token.
                    print(f"worker: {err.code().name}, retrying: {err.details()}", file=sys.stderr)
                    time.sleep(RETRY_DELAY_S)
                    continue
                raise
            accepted += check_results(response.acknowledgement_results)
            processed = []
            for acquired in response.records:
                if stopping.requested:
                    break  # the rest stays acquired until LeaveGroup releases it for another member
                print_record(acquired)  # the "work"
                processed.append(acquired)
                done += 1
    finally:
        try:
            if processed:
                response = share.Acknowledge(share_consumer_pb2.AcknowledgeRequest(
                    group_id=args.group, member_id=member.member_id, acknowledgements=accept_ranges(processed)),
                    timeout=TIMEOUT_S)
                accepted += check_results(response.results)
        finally:
            member.leave()
            print(f"worker: accepted {accepted} record(s)", file=sys.stderr)


def main():
    args = parse_args()
    stopping = Stopping()
    with grpc.insecure_channel(args.address) as channel:
        try:
            run(args, ShareConsumerStub(channel), AdminStub(channel), stopping)
        except grpc.RpcError as err:
            print(f"worker: {err.code().name} ({error_code(err)}): {err.details()}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
