import type { Activity, Catalog } from '../db/model/catalog-schema.js';
import type { CommandContext } from '../src/asking/command.js';
import type { ActivityStatus } from '../src/catalog/status.js';
import { rollUp } from '../src/catalog/status.js';
import { formatDateTime } from '../src/chat/format.js';
import type { ListItem } from '../src/chat/reply.js';

/** An activity's status for this reader: its latest check-in's, else the follow-up report's. */
export function statusOf(ctx: CommandContext, activity: Activity): ActivityStatus {
  return ctx.catalog.view.statusOf(activity, ctx.asker.locale, ctx.t, ctx.checkIns.latest.get(activity.id));
}

/** "22 nov. 2026 09:14 (Enligt plan)", or "ingen än". */
export function lastCheckInText(ctx: CommandContext, activity: Activity): string {
  const latest = ctx.checkIns.latest.get(activity.id);
  if (!latest) return ctx.t('activity.noCheckIn');
  return ctx.t('activity.lastCheckIn', {
    date: formatDateTime(latest.at, ctx.asker.locale, ctx.timezone),
    status: statusOf(ctx, activity).badge.label,
  });
}

/**
 * One activity as a list row: name, latest status, owners and the date of the last check-in;
 * pressing it opens the activity. Shared by `/delmal <n>`, `/delmal mina` and search.
 */
export function activityItem(ctx: CommandContext, activity: Activity): ListItem {
  const owners = ctx.catalog.view.ownerNames(activity);
  const latest = ctx.checkIns.latest.get(activity.id);
  return {
    title: activity.name,
    status: statusOf(ctx, activity).badge,
    detail: ctx.t('activity.row', {
      owners: owners.length > 0 ? owners.join(', ') : ctx.t('activity.noOwner'),
      lastCheckIn: latest
        ? formatDateTime(latest.at, ctx.asker.locale, ctx.timezone)
        : ctx.t('activity.noCheckIn'),
    }),
    action: { kind: 'command', label: ctx.t('activity.open'), command: `delmal aktivitet ${activity.id}` },
  };
}

/** A network a chair leads, as a list row: roll-up of the delmål it follows, and its size. */
export function networkItem(ctx: CommandContext, network: Catalog['networks'][number]): ListItem {
  const { view } = ctx.catalog;
  const goals = network.goals.map((id) => view.goals.get(id)?.goal.number).filter((n) => n !== undefined);
  return {
    title: network.name,
    status: rollUp(
      network.goals.flatMap((id) => view.activitiesOfGoal(id)).map((a) => statusOf(ctx, a)),
      ctx.t,
    ),
    detail: [
      ctx.t('mine.networkDetail', { goals: goals.join(', ') || '–', members: network.members.length }),
      (network.channels ?? []).length > 0
        ? ctx.t('network.channels', { channels: (network.channels ?? []).map(channelName).join(', ') })
        : ctx.t('network.channels.none'),
    ].join('\n'),
    // A chair's own networks: the preview of the next digest is one press away.
    action: { kind: 'command', label: ctx.t('network.preview'), command: `delmal digest ${network.id}` },
  };
}

const PLATFORM_NAMES: Readonly<Record<string, string>> = {
  slack: 'Slack',
  teams: 'Teams',
  local: 'lekplatsen',
};

/** "Slack #lag-missbruk", or the platform and id when the name is unknown. */
function channelName(channel: NonNullable<Catalog['networks'][number]['channels']>[number]): string {
  const platform = PLATFORM_NAMES[channel.platform] ?? channel.platform;
  return `${platform} ${channel.name ? (channel.platform === 'slack' ? `#${channel.name}` : channel.name) : channel.channel}`;
}
