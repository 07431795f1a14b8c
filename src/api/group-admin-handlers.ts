/** AdminService RPCs that span both kinds of group: ListGroups and DeleteGroup. */
import type { AdminServiceHandlers } from '../generated/sharelog/v1/AdminService.js';
import type { GroupListing } from '../generated/sharelog/v1/GroupListing.js';
import type { ConsumerAdmin } from '../consumer-group/consumer-admin.js';
import type { ConsumerCoordinator } from '../consumer-group/consumer-coordinator.js';
import { ErrorCode, SharelogError } from '../errors.js';
import type { ShareAdmin } from '../share-group/share-admin.js';
import type { ShareCoordinator } from '../share-group/share-coordinator.js';
import { requireText } from './codec.js';
import { unary, type HandlerContext } from './handler.js';

export interface GroupAdmins {
  share: ShareAdmin;
  shareCoordinator: ShareCoordinator;
  consumer: ConsumerAdmin;
  consumerCoordinator: ConsumerCoordinator;
}

export function groupAdminHandlers(admins: GroupAdmins, ctx: HandlerContext): Pick<AdminServiceHandlers, 'ListGroups' | 'DeleteGroup'> {
  return {
    ListGroups: unary(ctx, 'ListGroups', async (request) => {
      const groups: GroupListing[] = [];
      if (request.type !== 'GROUP_TYPE_SHARE') {
        for (const g of admins.consumer.list()) {
          groups.push({ groupId: g.groupId, type: 'GROUP_TYPE_CONSUMER', state: `GROUP_STATE_${g.state}`, memberCount: g.memberCount });
        }
      }
      if (request.type !== 'GROUP_TYPE_CONSUMER') {
        for (const g of admins.share.list()) {
          groups.push({ groupId: g.groupId, type: 'GROUP_TYPE_SHARE', state: `GROUP_STATE_${g.state}`, memberCount: g.memberCount });
        }
      }
      return { groups: groups.sort((a, b) => (a.groupId! < b.groupId! ? -1 : a.groupId! > b.groupId! ? 1 : 0)) };
    }),
    DeleteGroup: unary(ctx, 'DeleteGroup', async (request) => {
      const groupId = requireText(request.groupId, 'group_id', 249);
      if (admins.consumerCoordinator.has(groupId)) await admins.consumerCoordinator.deleteGroup(groupId);
      else if (admins.shareCoordinator.registry.groups.has(groupId)) await admins.share.delete(groupId);
      else throw new SharelogError(ErrorCode.GROUP_NOT_FOUND, `group "${groupId}" does not exist`);
      return {};
    }),
  };
}
