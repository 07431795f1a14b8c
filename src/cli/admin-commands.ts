/** `sharelog topics ...`, `sharelog groups ...` and `sharelog inspect`: administration in Kafka-tools style. */
import type { Command } from 'commander';
import type { ConsumerGroupResetSpec, ShareGroupResetSpec } from '../client/admin.js';
import { CliError, UsageError, parseIntOption, print, withClient } from './common.js';

export function registerTopicCommands(program: Command): void {
  const topics = program.command('topics').description('create, list, describe and delete topics');

  topics
    .command('create <name>')
    .description('create a topic')
    .option('--partitions <n>', 'number of partitions (1..10000)', parseIntOption('--partitions', 1, 10_000), 1)
    .option('--retention-ms <ms>', 'retention by time; -1 forever; default: the server default', parseIntOption('--retention-ms', -1))
    .option('--retention-bytes <bytes>', 'retention by size per partition; -1 no limit', parseIntOption('--retention-bytes', -1))
    .action((name: string, opts: { partitions: number; retentionMs?: number; retentionBytes?: number }, command: Command) =>
      withClient(command, async (client, options) => {
        const topic = await client.admin.createTopic(name, opts);
        print(options, [{ topic: topic.name, partitions: topic.partitions.length }], topic);
      }),
    );

  topics
    .command('list')
    .description('list topics')
    .action((_opts, command: Command) =>
      withClient(command, async (client, options) => {
        const list = await client.admin.listTopics();
        print(options, list.map((t) => ({ topic: t.name, partitions: t.partitions })), list);
      }),
    );

  topics
    .command('describe <name>')
    .description('partitions of a topic with their offsets and sizes')
    .action((name: string, _opts, command: Command) =>
      withClient(command, async (client, options) => {
        const topic = await client.admin.describeTopic(name);
        print(
          options,
          topic.partitions.map((p) => ({ partition: p.partition, start: p.startOffset, end: p.endOffset, bytes: p.sizeBytes })),
          topic,
        );
      }),
    );

  topics
    .command('delete <name>')
    .description('delete a topic and its records')
    .action((name: string, _opts, command: Command) =>
      withClient(command, async (client, options) => {
        await client.admin.deleteTopic(name);
        print(options, [{ deleted: name }]);
      }),
    );
}

export function registerGroupCommands(program: Command): void {
  const groups = program.command('groups').description('list, describe, reset and delete consumer and share groups');

  groups
    .command('list')
    .description('groups of both kinds')
    .option('--type <type>', 'consumer or share')
    .action((opts: { type?: string }, command: Command) =>
      withClient(command, async (client, options) => {
        if (opts.type && opts.type !== 'consumer' && opts.type !== 'share') throw new UsageError('--type must be consumer or share');
        const list = await client.admin.listGroups(opts.type as 'consumer' | 'share' | undefined);
        print(
          options,
          list.map((g) => ({ group: g.groupId, type: g.type.replace('GROUP_TYPE_', '').toLowerCase(), state: g.state.replace('GROUP_STATE_', '').toLowerCase(), members: g.memberCount })),
          list,
        );
      }),
    );

  groups
    .command('describe <group>')
    .description('members, assignment, and per partition the offsets, lag and (share groups) records by state')
    .action((group: string, _opts, command: Command) =>
      withClient(command, async (client, options) => {
        const kind = await groupKind(client.admin, group);
        if (kind === 'share') {
          const d = await client.admin.describeShareGroup(group);
          if (options.output === 'table') {
            process.stdout.write(`share group ${d.groupId}: ${d.state.replace('GROUP_STATE_', '').toLowerCase()}, ${d.members.length} members\n\n`);
          }
          print(
            options,
            d.partitions.map((p) => ({
              topic: p.topic,
              partition: p.partition,
              start: p.startOffset,
              end: p.endOffset,
              available: p.available,
              delayed: p.delayed,
              acquired: p.acquired,
              acknowledged: p.acknowledged,
              archived: p.archived,
              lag: p.lag,
            })),
            d,
          );
        } else {
          const d = await client.admin.describeConsumerGroup(group);
          if (options.output === 'table') {
            process.stdout.write(`consumer group ${d.groupId}: ${d.state.replace('GROUP_STATE_', '').toLowerCase()}, ${d.members.length} members\n\n`);
          }
          print(
            options,
            d.partitions.map((p) => ({ topic: p.topic, partition: p.partition, committed: p.committedOffset, end: p.endOffset, lag: p.lag, owner: p.ownerMemberId })),
            d,
          );
        }
      }),
    );

  groups
    .command('reset-offsets <group>')
    .description('move a group\'s offsets on one topic (only while the group has no members)')
    .requiredOption('--topic <topic>', 'topic whose offsets move')
    .option('--to-earliest', 'to the log start')
    .option('--to-latest', 'to the end')
    .option('--to-offset <offset>', 'to an offset', parseIntOption('--to-offset', 0))
    .option('--to-timestamp <ms>', 'to the first record at or after this epoch ms', parseIntOption('--to-timestamp', 0))
    .option('--shift-by <n>', 'by n records (consumer groups), negative moves back', parseIntOption('--shift-by', -Number.MAX_SAFE_INTEGER))
    .option('--partitions <list>', 'comma-separated partitions (consumer groups); default all')
    .option('--dry-run', 'show what would change, change nothing')
    .action(
      (
        group: string,
        opts: { topic: string; toEarliest?: boolean; toLatest?: boolean; toOffset?: number; toTimestamp?: number; shiftBy?: number; partitions?: string; dryRun?: boolean },
        command: Command,
      ) =>
        withClient(command, async (client, options) => {
          const chosen = [opts.toEarliest, opts.toLatest, opts.toOffset, opts.toTimestamp, opts.shiftBy].filter((v) => v !== undefined);
          if (chosen.length !== 1) throw new UsageError('give exactly one of --to-earliest, --to-latest, --to-offset, --to-timestamp, --shift-by');
          const dryRun = opts.dryRun ?? false;
          // A group that does not exist yet is reset as a consumer group (which creates it), as Kafka's tool does.
          const kind = await groupKind(client.admin, group).catch(() => 'consumer' as const);
          let rows: Array<{ partition: number; previous: number; new: number }>;
          if (kind === 'share') {
            if (opts.shiftBy !== undefined || opts.partitions) throw new UsageError('share groups take --to-earliest, --to-latest, --to-offset or --to-timestamp, for all partitions');
            const spec: ShareGroupResetSpec = opts.toEarliest
              ? { earliest: true }
              : opts.toLatest
                ? { latest: true }
                : opts.toOffset !== undefined
                  ? { offset: opts.toOffset }
                  : { timestampMs: opts.toTimestamp! };
            const res = await client.admin.resetShareGroupOffsets(group, opts.topic, spec, { dryRun });
            rows = res.partitions.map((p) => ({ partition: p.partition, previous: p.previousStartOffset, new: p.newStartOffset }));
          } else {
            const spec: ConsumerGroupResetSpec = opts.toEarliest
              ? { toEarliest: true }
              : opts.toLatest
                ? { toLatest: true }
                : opts.toOffset !== undefined
                  ? { toOffset: opts.toOffset }
                  : opts.toTimestamp !== undefined
                    ? { toTimestampMs: opts.toTimestamp }
                    : { shiftBy: opts.shiftBy! };
            const partitions = opts.partitions ? opts.partitions.split(',').map(parseIntOption('--partitions', 0, 9_999)) : undefined;
            const res = await client.admin.resetConsumerGroupOffsets(group, opts.topic, spec, { partitions, dryRun });
            rows = res.partitions.map((p) => ({ partition: p.partition, previous: p.previousOffset, new: p.newOffset }));
          }
          if (options.output === 'table' && dryRun) process.stdout.write('dry run: nothing changed\n');
          print(options, rows, { group, topic: opts.topic, dryRun, partitions: rows });
        }),
    );

  groups
    .command('delete <group>')
    .description('delete a group (only while it has no members)')
    .action((group: string, _opts, command: Command) =>
      withClient(command, async (client, options) => {
        await client.admin.deleteGroup(group);
        print(options, [{ deleted: group }]);
      }),
    );
}

export function registerInspectCommand(program: Command): void {
  program
    .command('inspect <group> <topic> <partition>')
    .description('the life of share-group records: state, delivery count, holder, lock deadline, recent attempts')
    .option('--from <offset>', 'first offset; default the share-partition start', parseIntOption('--from', 0))
    .option('--count <n>', 'how many offsets (at most 1000)', parseIntOption('--count', 1, 1000), 20)
    .action((group: string, topic: string, partitionText: string, opts: { from?: number; count: number }, command: Command) =>
      withClient(command, async (client, options) => {
        const partition = parseIntOption('partition', 0, 9_999)(partitionText);
        let first = opts.from;
        if (first === undefined) {
          const d = await client.admin.describeShareGroup(group);
          const p = d.partitions.find((x) => x.topic === topic && x.partition === partition);
          first = p ? Number(p.startOffset) : 0;
        }
        const res = await client.admin.inspectShareRecords(group, topic, partition, first, first + opts.count - 1);
        print(
          options,
          res.records.map((r) => ({
            offset: r.offset,
            state: r.state.replace('RECORD_STATE_', '').toLowerCase(),
            deliveries: r.deliveryCount,
            member: r.memberId,
            lockExpires: r.lockExpiresAtMs !== 0 ? new Date(Number(r.lockExpiresAtMs)).toISOString() : '',
            lastAttempt: r.attempts.length > 0 ? describeAttempt(r.attempts[r.attempts.length - 1]) : '',
          })),
          res,
        );
      }),
    );
}

function describeAttempt(a: { outcome: string; reason: string; memberId: string }): string {
  const outcome = a.outcome.replace('ATTEMPT_OUTCOME_', '').toLowerCase();
  return a.reason ? `${outcome} by ${a.memberId}: ${a.reason}` : `${outcome} by ${a.memberId}`;
}

async function groupKind(admin: { listGroups(): Promise<Array<{ groupId: string; type: string }>> }, group: string): Promise<'share' | 'consumer'> {
  const found = (await admin.listGroups()).find((g) => g.groupId === group);
  if (!found) throw new CliError(`no group "${group}"`);
  return found.type === 'GROUP_TYPE_SHARE' ? 'share' : 'consumer';
}
