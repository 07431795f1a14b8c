/** AdminService RPCs that span both kinds of group: ListGroups and DeleteGroup. */
import type { AdminServiceHandlers } from '../generated/sharelog/v1/AdminService.js';
import type { ShareAdmin } from '../share-group/share-admin.js';
import { requireText } from './codec.js';
import { unary, type HandlerContext } from './handler.js';

export function groupAdminHandlers(shareAdmin: ShareAdmin, ctx: HandlerContext): Pick<AdminServiceHandlers, 'ListGroups' | 'DeleteGroup'> {
  return {
    ListGroups: unary(ctx, 'ListGroups', async (request) => {
      const wantShare = request.type === 'GROUP_TYPE_UNSPECIFIED' || request.type === 'GROUP_TYPE_SHARE';
      const groups = wantShare
        ? shareAdmin.list().map((g) => ({
            groupId: g.groupId,
            type: 'GROUP_TYPE_SHARE' as const,
            state: g.state === 'EMPTY' ? ('GROUP_STATE_EMPTY' as const) : ('GROUP_STATE_STABLE' as const),
            memberCount: g.memberCount,
          }))
        : [];
      return { groups };
    }),
    DeleteGroup: unary(ctx, 'DeleteGroup', async (request) => {
      await shareAdmin.delete(requireText(request.groupId, 'group_id', 249));
      return {};
    }),
  };
}
