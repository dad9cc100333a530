import type { CommandContext } from '../src/asking/command.js';
import type { Block, Reply } from '../src/chat/reply.js';
import { lastCheckInText, networkItem, statusOf } from './activity-items.js';
import { roundBlocks } from './mine.js';

/**
 * The asker's home: the questions waiting for them and their next round (as `delmal mina`), their
 * activities with status, last check-in and a button to check in now; for chairs, their networks with roll-up. Slack shows it in App Home.
 */
export async function homeReply(ctx: CommandContext): Promise<Reply> {
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
    blocks.push(...(await roundBlocks(ctx, email)), {
      type: 'list',
      heading: ctx.t('mine.activities', { count: activities.length }),
      items: activities.map((a) => ({
        title: a.name,
        status: statusOf(ctx, a).badge,
        detail: ctx.t('home.activityDetail', { last: lastCheckInText(ctx, a) }),
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
