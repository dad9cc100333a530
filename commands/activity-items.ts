import type { Activity } from '../src/catalog/catalog-schema.js';
import type { CommandContext } from '../src/chat/command.js';
import type { ListItem } from '../src/chat/reply.js';

/**
 * One activity as a list row: name, latest status, owners and the date of the last check-in,
 * pressing it opens the activity. Shared by `/delmal <n>`, `/delmal mina` and search.
 */
export function activityItem(ctx: CommandContext, activity: Activity): ListItem {
  const { view } = ctx.catalog;
  const status = view.statusOf(activity, ctx.asker.locale, ctx.t);
  const owners = view.ownerNames(activity);
  return {
    title: activity.name,
    status: status.badge,
    detail: ctx.t('activity.row', {
      owners: owners.length > 0 ? owners.join(', ') : ctx.t('activity.noOwner'),
      lastCheckIn: ctx.t('activity.noCheckIn'),
    }),
    action: { kind: 'command', label: ctx.t('activity.open'), command: `delmal aktivitet ${activity.id}` },
  };
}
