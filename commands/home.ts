import type { CommandContext } from '../src/asking/command.js';
import type { Block, Reply } from '../src/chat/reply.js';
import { lastCheckInText, networkItem, statusOf } from './activity-items.js';

/**
 * The asker's home: their activities with status, last and next check-in and a button to check
 * in now; for chairs, their networks with roll-up. Slack shows it in App Home.
 */
export function homeReply(ctx: CommandContext): Reply {
  const { view } = ctx.catalog;
  const email = ctx.asker.email;
  const person = email ? view.people.get(email) : undefined;
  const heading: Block = { type: 'heading', text: ctx.t('home.heading') };
  if (!email || !person)
    return {
      summary: ctx.t('home.heading'),
      blocks: [heading, { type: 'text', text: ctx.t('home.unknown') }],
    };
  const activities = view.activitiesOwnedBy(email);
  const networks = view.networksChairedBy(email);
  const blocks: Block[] = [heading, { type: 'text', text: ctx.t('home.intro') }];
  if (activities.length === 0) blocks.push({ type: 'text', text: ctx.t('mine.none') });
  else
    blocks.push({
      type: 'list',
      heading: ctx.t('mine.activities', { count: activities.length }),
      items: activities.map((a) => ({
        title: a.name,
        status: statusOf(ctx, a).badge,
        detail: ctx.t('home.activityDetail', {
          last: lastCheckInText(ctx, a),
          next: ctx.t('mine.notScheduled'),
        }),
        action: { kind: 'command', label: ctx.t('checkin.open'), command: `delmal avstamning ${a.id}` },
      })),
    });
  if (networks.length > 0)
    blocks.push({
      type: 'list',
      heading: ctx.t('mine.networks'),
      items: networks.map((network) => networkItem(ctx, network)),
    });
  return { summary: ctx.t('home.heading'), blocks };
}
