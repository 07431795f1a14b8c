/**
 * The share groups this server knows: lookup by id, creation on first join, and the pick-up of other servers'
 * changes (config, creation, deletion from the state store; membership from GroupSync). Membership changes and
 * fetch/acknowledge stay in the coordinator; this only decides which ShareGroup an id names.
 */
import { ErrorCode, SharelogError, invalidArgument } from '../errors.js';
import type { Logger } from '../logger.js';
import type { GroupSync, ShareStateStore } from '../storage/types.js';
import { DEFAULT_SHARE_GROUP_CONFIG, type ShareGroupConfig } from './config.js';
import { ShareGroup } from './share-group.js';

export interface ShareGroupRegistryOptions {
  stateStore: ShareStateStore;
  logger: Logger;
  sync: GroupSync;
  /** True when the id names a group of the other kind (a consumer group). */
  isOtherKind: (groupId: string) => boolean;
}

export class ShareGroupRegistry {
  readonly groups = new Map<string, ShareGroup>();
  private readonly stateStore: ShareStateStore;
  private readonly logger: Logger;
  private readonly sync: GroupSync;
  private readonly isOtherKind: (groupId: string) => boolean;
  private readonly creating = new Map<string, Promise<ShareGroup>>();

  constructor(options: ShareGroupRegistryOptions) {
    this.stateStore = options.stateStore;
    this.logger = options.logger;
    this.sync = options.sync;
    this.isOtherKind = options.isOtherKind;
    // Other servers (redis backend): membership and config changes they made are picked up at once.
    this.stateStore.onGroupChanged((groupId) => void this.reloadGroup(groupId));
    this.sync.onChange((syncKey) => {
      const group = syncKey.startsWith('share:') ? this.groups.get(syncKey.slice('share:'.length)) : undefined;
      if (group) void group.exclusive(() => this.sync.refresh(group)).catch((err) => this.logger.warn({ err, groupId: group.groupId }, 'membership refresh failed'));
    });
  }

  /** Loads the groups the store knows, without members: members rejoin. */
  async load(): Promise<void> {
    for (const { groupId, config } of await this.stateStore.loadGroups()) {
      this.groups.set(groupId, new ShareGroup(groupId, { ...DEFAULT_SHARE_GROUP_CONFIG, ...config }));
    }
  }

  /** The group with its newest shared membership (admin reads). */
  async current(groupId: string): Promise<ShareGroup> {
    const group = await this.resolveGroup(groupId);
    if (this.sync.shared) await group.exclusive(() => this.sync.refresh(group));
    return group;
  }

  /** Forgets a deleted group's shared membership. */
  async forget(group: ShareGroup): Promise<void> {
    this.groups.delete(group.groupId);
    await this.sync.remove(group);
  }

  /** Like group(), but a group another server created is looked up first (shared membership). */
  async resolveGroup(groupId: string): Promise<ShareGroup> {
    return (await this.findGroup(groupId)) ?? this.group(groupId);
  }

  async findGroup(groupId: string): Promise<ShareGroup | undefined> {
    if (!this.groups.has(groupId) && this.sync.shared) await this.reloadGroup(groupId);
    return this.groups.get(groupId);
  }

  /** Takes another server's change of a group's config, creation or deletion. */
  private async reloadGroup(groupId: string): Promise<void> {
    try {
      const stored = (await this.stateStore.loadGroups()).find((g) => g.groupId === groupId);
      const group = this.groups.get(groupId);
      if (!stored) {
        if (group && !this.creating.has(groupId)) {
          this.groups.delete(groupId);
          group.wake.notify();
        }
        return;
      }
      if (group) group.config = { ...DEFAULT_SHARE_GROUP_CONFIG, ...stored.config };
      else this.groups.set(groupId, new ShareGroup(groupId, { ...DEFAULT_SHARE_GROUP_CONFIG, ...stored.config }));
    } catch (err) {
      this.logger.warn({ err, groupId }, 'share group reload failed');
    }
  }

  group(groupId: string): ShareGroup {
    this.checkKind(groupId);
    const group = this.groups.get(groupId);
    if (!group) throw new SharelogError(ErrorCode.GROUP_NOT_FOUND, `share group "${groupId}" does not exist`);
    return group;
  }

  /** Checks a group id that may name a new share group, without creating anything. */
  validateGroupId(groupId: string): void {
    if (!groupId) throw invalidArgument('group_id is required');
    if (groupId.length > 249) throw invalidArgument('group_id must be at most 249 characters');
    this.checkKind(groupId);
  }

  checkKind(groupId: string): void {
    if (this.isOtherKind(groupId)) {
      throw new SharelogError(ErrorCode.GROUP_TYPE_MISMATCH, `"${groupId}" is a consumer group, not a share group`);
    }
  }

  /** The group a join goes to, created with the default config on first use. */
  async groupForJoin(groupId: string, config: ShareGroupConfig = DEFAULT_SHARE_GROUP_CONFIG): Promise<ShareGroup> {
    this.validateGroupId(groupId);
    const existing = this.groups.get(groupId) ?? (await this.findGroup(groupId));
    if (existing) return existing;
    // The group becomes visible (to timers, admin calls) only once the store has it; concurrent first joins share
    // one creation.
    let creating = this.creating.get(groupId);
    if (!creating) {
      creating = (async () => {
        const group = new ShareGroup(groupId, { ...config });
        await this.stateStore.saveGroup(groupId, group.config);
        this.groups.set(groupId, group);
        return group;
      })().finally(() => this.creating.delete(groupId));
      this.creating.set(groupId, creating);
    }
    return creating;
  }
}
