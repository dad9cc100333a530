import type { Activity } from '../db/model/catalog-schema.js';
import type { CommandContext } from '../src/asking/command.js';
import { formatDateTime } from '../src/chat/format.js';
import type { ListItem, Reply } from '../src/chat/reply.js';
import { parseSince } from '../src/intents/dates.js';
import { statusNamedIn } from '../src/intents/status-words.js';
import { fold } from '../src/search/text-processing.js';
import { activityItem, statusOf } from './activity-items.js';

/** A heading saying what was understood, then the activities (or a line saying there are none). */
function listReply(heading: string, items: readonly ListItem[], none: string): Reply {
  return {
    summary: heading,
    blocks: [
      { type: 'heading', text: heading },
      items.length > 0 ? { type: 'list', items } : { type: 'text', text: none },
    ],
  };
}

/** "vilka aktiviteter är pausade?" — activities by their live status (latest check-in, else the report's). */
export function statusAnswer(ctx: CommandContext, text: string): Reply | undefined {
  const { view } = ctx.catalog;
  const asked = statusNamedIn(text, view.vocabulary());
  if (!asked) return undefined;
  const all = [...view.activities.values()];
  if (asked.code === 'ongoing') {
    const running = all.filter((a) => {
      const s = statusOf(ctx, a);
      return s.code === undefined || s.active;
    });
    return listReply(
      ctx.t('intent.status.ongoing'),
      running.map((a) => activityItem(ctx, a)),
      ctx.t('intent.none'),
    );
  }
  const definition = view.vocabulary().find((s) => s.code === asked.code);
  const label = (ctx.asker.locale === 'en' ? definition?.labelEn : definition?.label) ?? asked.code;
  const matching = all.filter((a) => statusOf(ctx, a).code === asked.code);
  return listReply(
    ctx.t('intent.status.heading', { status: label }),
    matching.map((a) => activityItem(ctx, a)),
    ctx.t('intent.status.none', { status: label }),
  );
}

/** "vad har ändrats sedan 1 november?" — check-ins since that day, newest first. */
export function changesAnswer(ctx: CommandContext, since: string): Reply | undefined {
  const from = parseSince(since, ctx.clock.now(), ctx.timezone);
  if (!from) return undefined;
  const date = new Intl.DateTimeFormat(ctx.asker.locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: ctx.timezone,
    dateStyle: 'long',
  }).format(from);
  const { view } = ctx.catalog;
  const changed = [...ctx.checkIns.latest.entries()]
    .filter(([, c]) => new Date(c.at) >= from)
    .sort(([, a], [, b]) => b.at.localeCompare(a.at))
    .flatMap(([id, c]) => {
      const activity = view.activities.get(id);
      if (!activity) return [];
      const item = activityItem(ctx, activity);
      const when = formatDateTime(c.at, ctx.asker.locale, ctx.timezone);
      return [{ ...item, detail: ctx.t('intent.changes.detail', { author: c.authorName, date: when }) }];
    });
  return listReply(
    ctx.t('intent.changes.heading', { date }),
    changed,
    ctx.t('intent.changes.none', { date }),
  );
}

/** "hälsofrämjande aktiviteter", "förebyggande selektiv" — activities at the insatsnivå(er) named. */
export function levelAnswer(ctx: CommandContext, keywords: readonly string[]): Reply | undefined {
  const { view } = ctx.catalog;
  const scored = [...view.levels.entries()].map(([id, level]) => {
    const words = fold(`${id} ${level.title}`);
    return { id, title: level.title, score: keywords.filter((k) => words.includes(k)).length };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best === 0) return undefined;
  const levels = scored.filter((s) => s.score === best);
  const ids = new Set(levels.map((l) => l.id));
  const activities = [...view.activities.values()].filter((a) =>
    a.interventionLevels.some((l) => ids.has(l)),
  );
  const title = levels.map((l) => l.title).join(' / ');
  return listReply(
    ctx.t('intent.level.heading', { level: title }),
    activities.map((a) => activityItem(ctx, a)),
    ctx.t('intent.none'),
  );
}

const GROUP_LIMIT = 10;

/** "vad finns för unga?" — the activities search finds for the group (synonyms included). */
export function groupAnswer(ctx: CommandContext, group: string): Reply {
  const { view, search } = ctx.catalog;
  const ids: string[] = [];
  for (const hit of search.search(group, { kinds: ['activity'], limit: GROUP_LIMIT }))
    if (!ids.includes(hit.refId)) ids.push(hit.refId);
  const activities = ids.map((id) => view.activities.get(id)).filter((a): a is Activity => a !== undefined);
  return listReply(
    ctx.t('intent.group.heading', { group }),
    activities.map((a) => activityItem(ctx, a)),
    ctx.t('intent.group.none', { group }),
  );
}
