#!/usr/bin/python3
"""Sharelog producer example: creates a topic if it is missing and appends N keyed records to it.

Prints one JSON line per record with the key and the position the server gave it, e.g.
    {"key": "key-0", "partition": 0, "offset": 0}

Run generate.sh once first. Example:
    /usr/bin/python3 producer.py --address 127.0.0.1:50051 --topic jobs --count 10
"""

import argparse
import json
import sys

import grpc

from sharelog_grpc import AdminStub, ProducerStub, admin_pb2, common_pb2, error_code, producer_pb2

TIMEOUT_S = 30  # deadline of each call


def parse_args():
    p = argparse.ArgumentParser(description="Produce N keyed records to a Sharelog topic.")
    p.add_argument("--address", default="127.0.0.1:50051", help="server host:port (default %(default)s)")
    p.add_argument("--topic", default="jobs", help="topic to produce to (default %(default)s)")
    p.add_argument("--count", type=int, default=10, help="number of records (default %(default)s)")
    p.add_argument("--partitions", type=int, default=1,
                   help="partition count if the topic has to be created (default %(default)s)")
    p.add_argument("--batch-size", type=int, default=100,
                   help="records per Produce request (default %(default)s)")
    args = p.parse_args()
    if args.count < 0 or args.batch_size < 1 or args.partitions < 1:
        p.error("--count must be >= 0, --batch-size and --partitions >= 1")
    return args


def ensure_topic(admin, topic, partitions):
    """AdminService.CreateTopic, treating "already exists" as success."""
    try:
        admin.CreateTopic(admin_pb2.CreateTopicRequest(name=topic, partitions=partitions), timeout=TIMEOUT_S)
        print(f"created topic {topic} with {partitions} partition(s)", file=sys.stderr)
    except grpc.RpcError as err:
        if err.code() != grpc.StatusCode.ALREADY_EXISTS:  # sharelog-error-code TOPIC_EXISTS
            raise
        print(f"topic {topic} already exists", file=sys.stderr)


def main():
    args = parse_args()
    with grpc.insecure_channel(args.address) as channel:
        admin, producer = AdminStub(channel), ProducerStub(channel)
        try:
            ensure_topic(admin, args.topic, args.partitions)
            for start in range(0, args.count, args.batch_size):
                keys = [f"key-{i}" for i in range(start, min(start + args.batch_size, args.count))]
                records = [
                    # A keyed record goes to murmur2(key) mod partitions, like Kafka's default partitioner.
                    common_pb2.Record(key=key.encode(), value=f"message {key[4:]}".encode())
                    for key in keys
                ]
                response = producer.Produce(
                    producer_pb2.ProduceRequest(topic=args.topic, records=records), timeout=TIMEOUT_S
                )
                # One position per record, in request order.
                for key, pos in zip(keys, response.positions):
                    print(json.dumps({"key": key, "partition": pos.partition, "offset": pos.offset}), flush=True)
        except grpc.RpcError as err:
            print(f"producer: {err.code().name} ({error_code(err)}): {err.details()}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
