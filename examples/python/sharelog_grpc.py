"""Sharelog gRPC stubs for Python, built from nothing but the .proto files.

generate.sh runs `protoc --python_out` to turn proto/sharelog/v1/*.proto into message classes (gen/). This module
puts gen/ on sys.path and builds one client stub per service from the generated descriptors: every RPC becomes a
callable made with grpc.Channel.unary_unary (or stream_stream for Subscribe), with the message classes'
SerializeToString / FromString as codecs. That is exactly what the grpc_tools code generator would write, so no
plugin is needed: protoc, grpcio and protobuf are enough.

    channel = grpc.insecure_channel("127.0.0.1:50051")
    admin = AdminStub(channel)
    admin.CreateTopic(admin_pb2.CreateTopicRequest(name="orders", partitions=3), timeout=10)
"""

import os
import sys

import grpc
from google.protobuf import descriptor_pb2

_GEN_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen")
if not os.path.isdir(os.path.join(_GEN_DIR, "sharelog", "v1")):
    sys.exit(f"sharelog_grpc: {_GEN_DIR} is missing; run {os.path.dirname(_GEN_DIR)}/generate.sh first")
if _GEN_DIR not in sys.path:
    sys.path.insert(0, _GEN_DIR)

from sharelog.v1 import admin_pb2, common_pb2, consumer_pb2, producer_pb2, share_consumer_pb2  # noqa: E402

__all__ = [
    "admin_pb2",
    "common_pb2",
    "consumer_pb2",
    "producer_pb2",
    "share_consumer_pb2",
    "AdminStub",
    "ProducerStub",
    "ConsumerStub",
    "ShareConsumerStub",
    "error_code",
]

# Generated module of each .proto file, to find the class of a method's input and output message.
_MODULES = {m.DESCRIPTOR.name: m for m in (admin_pb2, common_pb2, consumer_pb2, producer_pb2, share_consumer_pb2)}


def _message_class(message_descriptor):
    return getattr(_MODULES[message_descriptor.file.name], message_descriptor.name)


class _Stub:
    """A client stub for one service: an attribute per RPC, named as in the .proto (e.g. stub.Fetch)."""

    def __init__(self, channel, module, service_name):
        service = module.DESCRIPTOR.services_by_name[service_name]
        for method in service.methods:
            shape = descriptor_pb2.MethodDescriptorProto()
            method.CopyToProto(shape)
            make = {
                (False, False): channel.unary_unary,
                (False, True): channel.unary_stream,
                (True, False): channel.stream_unary,
                (True, True): channel.stream_stream,
            }[(shape.client_streaming, shape.server_streaming)]
            callable_ = make(
                f"/{service.full_name}/{method.name}",
                request_serializer=_message_class(method.input_type).SerializeToString,
                response_deserializer=_message_class(method.output_type).FromString,
            )
            setattr(self, method.name, callable_)


def AdminStub(channel):
    """sharelog.v1.AdminService: topics, groups, share-group configuration."""
    return _Stub(channel, admin_pb2, "AdminService")


def ProducerStub(channel):
    """sharelog.v1.ProducerService: Produce."""
    return _Stub(channel, producer_pb2, "ProducerService")


def ConsumerStub(channel):
    """sharelog.v1.ConsumerService: consumer groups and reads by offset."""
    return _Stub(channel, consumer_pb2, "ConsumerService")


def ShareConsumerStub(channel):
    """sharelog.v1.ShareConsumerService: share groups (Heartbeat, Fetch, Acknowledge, LeaveGroup, Subscribe)."""
    return _Stub(channel, share_consumer_pb2, "ShareConsumerService")


def error_code(err):
    """The Sharelog error code (the `sharelog-error-code` trailer, e.g. "TOPIC_EXISTS") of a failed call, or None."""
    for key, value in (err.trailing_metadata() or ()) if isinstance(err, grpc.Call) else ():
        if key == "sharelog-error-code":
            return value
    return None
