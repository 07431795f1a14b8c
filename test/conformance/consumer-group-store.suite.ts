/** The ConsumerGroupStore contract, run against every backend. */
import { describe, expect, it } from 'vitest';
import { ErrorCode, SharelogError } from '../../src/errors.js';
import type { ConsumerGroupStore } from '../../src/storage/types.js';

export interface ConsumerGroupStoreHarness {
  store(): ConsumerGroupStore;
  /** A new store over the same storage, as after a restart. */
  reopen(): Promise<ConsumerGroupStore>;
  group(): string;
}

export function describeConsumerGroupStore(name: string, h: ConsumerGroupStoreHarness): void {
  describe(`ConsumerGroupStore conformance: ${name}`, () => {
    it('keeps groups and the latest offset per partition across a reopen', async () => {
      const group = h.group();
      await h.store().createGroup(group);
      await h.store().commit(group, [
        { topic: 'a', partition: 0, offset: 5, metadata: 'm' },
        { topic: 'a.b', partition: 1, offset: 7, metadata: '' },
      ]);
      await h.store().commit(group, [{ topic: 'a', partition: 0, offset: 9, metadata: 'n' }]);
      const reopened = await h.reopen();
      const found = (await reopened.loadGroups()).find((g) => g.groupId === group);
      expect(found?.offsets.sort((x, y) => x.topic.localeCompare(y.topic))).toEqual([
        { topic: 'a', partition: 0, offset: 9, metadata: 'n' },
        { topic: 'a.b', partition: 1, offset: 7, metadata: '' },
      ]);
    });

    it('drops the offsets of one topic (not of a topic whose name it prefixes) and keeps that across a reopen', async () => {
      const group = h.group();
      await h.store().createGroup(group);
      await h.store().commit(group, [
        { topic: 'a', partition: 0, offset: 5, metadata: '' },
        { topic: 'a', partition: 3, offset: 6, metadata: '' },
        { topic: 'a.b', partition: 0, offset: 7, metadata: '' },
      ]);
      await h.store().dropTopic(group, 'a');
      await h.store().dropTopic(group, 'never-committed');
      await h.store().commit(group, [{ topic: 'a.b', partition: 1, offset: 8, metadata: '' }]);
      const reopened = await h.reopen();
      const found = (await reopened.loadGroups()).find((g) => g.groupId === group);
      expect(found?.offsets.sort((x, y) => x.partition - y.partition)).toEqual([
        { topic: 'a.b', partition: 0, offset: 7, metadata: '' },
        { topic: 'a.b', partition: 1, offset: 8, metadata: '' },
      ]);
    });

    it('deletes groups and refuses commits to unknown ones', async () => {
      const group = h.group();
      await h.store().createGroup(group);
      await h.store().deleteGroup(group);
      expect((await h.store().loadGroups()).some((g) => g.groupId === group)).toBe(false);
      const err = await h.store().commit(group, [{ topic: 'a', partition: 0, offset: 1, metadata: '' }]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SharelogError);
      expect((err as SharelogError).code).toBe(ErrorCode.GROUP_NOT_FOUND);
    });
  });
}
