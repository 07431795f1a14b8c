/**
 * What each Sharelog RPC needs: a list of (action, resource) pairs computed from the method and its request
 * message. Every pair must be allowed. A method missing from the table is refused (fail closed), so a new RPC
 * cannot slip through unprotected.
 *
 *   ProducerService.Produce                        produce  topic
 *   ConsumerService.Fetch                          consume  topic
 *   ConsumerService.Heartbeat/CommitOffsets/...    consume  consumer-group, and consume on each topic named
 *   ShareConsumerService.*                         consume  share-group, and consume on each topic named
 *                                                           (Subscribe: checked on its `start` message)
 *   AdminService topic RPCs                        admin    topic
 *   AdminService group RPCs                        admin    consumer-group or share-group
 *   AdminService.ListTopics / ListGroups           none: the listing is filtered to the topics / groups on which
 *                                                  the principal holds some action (everything with admin on cluster)
 */
import type { Action, Resource } from './permissions.js';

export interface Requirement {
  action: Action;
  resource: Resource;
}

/** Which kind a group id names, for RPCs that take either kind (DeleteGroup). */
export type GroupKindLookup = (groupId: string) => 'consumer' | 'share' | undefined;

type Msg = Record<string, any>;
type Rule = (message: Msg, groupKind: GroupKindLookup) => Requirement[];

const topic = (action: Action, name: unknown): Requirement => ({ action, resource: { kind: 'topic', name: String(name ?? '') } });
const consumerGroup = (action: Action, id: unknown): Requirement => ({ action, resource: { kind: 'consumer-group', name: String(id ?? '') } });
const shareGroup = (action: Action, id: unknown): Requirement => ({ action, resource: { kind: 'share-group', name: String(id ?? '') } });

/** consume on each distinct topic of a list of names or of objects with a `topic`. */
function topics(list: unknown): Requirement[] {
  if (!Array.isArray(list)) return [];
  const names = new Set(list.map((item) => (typeof item === 'string' ? item : String((item as Msg)?.topic ?? ''))));
  return [...names].map((name) => topic('consume', name));
}

const RULES: Record<string, Rule> = {
  '/sharelog.v1.ProducerService/Produce': (m) => [topic('produce', m.topic)],

  '/sharelog.v1.ConsumerService/Fetch': (m) => [topic('consume', m.topic)],
  '/sharelog.v1.ConsumerService/Heartbeat': (m) => [consumerGroup('consume', m.groupId), ...topics(m.topics)],
  '/sharelog.v1.ConsumerService/LeaveGroup': (m) => [consumerGroup('consume', m.groupId)],
  '/sharelog.v1.ConsumerService/CommitOffsets': (m) => [consumerGroup('consume', m.groupId), ...topics(m.offsets)],
  '/sharelog.v1.ConsumerService/GetCommittedOffsets': (m) => [consumerGroup('consume', m.groupId), ...(m.topic ? [topic('consume', m.topic)] : [])],

  '/sharelog.v1.ShareConsumerService/Heartbeat': (m) => [shareGroup('consume', m.groupId), ...topics(m.topics)],
  '/sharelog.v1.ShareConsumerService/Fetch': (m) => [shareGroup('consume', m.groupId), ...topics(m.acknowledgements)],
  '/sharelog.v1.ShareConsumerService/Acknowledge': (m) => [shareGroup('consume', m.groupId), ...topics(m.acknowledgements)],
  '/sharelog.v1.ShareConsumerService/LeaveGroup': (m) => [shareGroup('consume', m.groupId)],
  // The first message must be `start`; a stream that opens with anything else is refused by the handler.
  '/sharelog.v1.ShareConsumerService/Subscribe': (m) => (m.start ? [shareGroup('consume', m.start.groupId), ...topics(m.start.topics)] : []),

  '/sharelog.v1.AdminService/CreateTopic': (m) => [topic('admin', m.name)],
  '/sharelog.v1.AdminService/DeleteTopic': (m) => [topic('admin', m.name)],
  '/sharelog.v1.AdminService/DescribeTopic': (m) => [topic('admin', m.name)],
  '/sharelog.v1.AdminService/CreatePartitions': (m) => [topic('admin', m.name)],
  '/sharelog.v1.AdminService/ListTopics': () => [],
  '/sharelog.v1.AdminService/ListGroups': () => [],
  '/sharelog.v1.AdminService/DescribeConsumerGroup': (m) => [consumerGroup('admin', m.groupId)],
  '/sharelog.v1.AdminService/ResetConsumerGroupOffsets': (m) => [consumerGroup('admin', m.groupId)],
  '/sharelog.v1.AdminService/DescribeShareGroup': (m) => [shareGroup('admin', m.groupId)],
  '/sharelog.v1.AdminService/ResetShareGroupOffsets': (m) => [shareGroup('admin', m.groupId)],
  '/sharelog.v1.AdminService/UpdateShareGroupConfig': (m) => [shareGroup('admin', m.groupId)],
  '/sharelog.v1.AdminService/InspectShareRecords': (m) => [shareGroup('admin', m.groupId)],
  // Either kind: the group's actual kind decides; an unknown id needs admin on both (the call then fails NOT_FOUND).
  '/sharelog.v1.AdminService/DeleteGroup': (m, kind) => {
    const k = kind(String(m.groupId ?? ''));
    if (k === 'consumer') return [consumerGroup('admin', m.groupId)];
    if (k === 'share') return [shareGroup('admin', m.groupId)];
    return [consumerGroup('admin', m.groupId), shareGroup('admin', m.groupId)];
  },
};

/** Responses cut down to what the principal may see; `visible` says whether it may see one resource. */
type Visible = (resource: Resource) => boolean;
const FILTERS: Record<string, (response: Msg, visible: Visible) => Msg> = {
  '/sharelog.v1.AdminService/ListTopics': (r, visible) => ({
    ...r,
    topics: (r.topics ?? []).filter((t: Msg) => visible({ kind: 'topic', name: String(t.name) })),
  }),
  '/sharelog.v1.AdminService/ListGroups': (r, visible) => ({
    ...r,
    groups: (r.groups ?? []).filter((g: Msg) =>
      visible({ kind: g.type === 'GROUP_TYPE_SHARE' ? 'share-group' : 'consumer-group', name: String(g.groupId) }),
    ),
  }),
};

export function responseFilterOf(path: string): ((response: Msg, visible: Visible) => Msg) | undefined {
  return FILTERS[path];
}

/** Services left open when auth is on: health checks and server reflection carry no data. */
export const OPEN_SERVICE_PREFIXES = ['/grpc.health.v1.Health/', '/grpc.reflection.v1alpha.ServerReflection/', '/grpc.reflection.v1.ServerReflection/'];

export function isOpenMethod(path: string): boolean {
  return OPEN_SERVICE_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/** The requirements of one request message, or undefined when the method is not in the table. */
export function requirementsOf(path: string, message: unknown, groupKind: GroupKindLookup): Requirement[] | undefined {
  const rule = RULES[path];
  return rule ? rule((message ?? {}) as Msg, groupKind) : undefined;
}

export const PROTECTED_METHODS = Object.keys(RULES);
