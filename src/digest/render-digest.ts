import { toLocal } from '../../db/model/zoned-time.js';
import type { Block, ListItem, Reply, StatusBadge } from '../chat/reply.js';
import type { Locale, Translate } from '../i18n/i18n.js';
import { formatLocalDate } from '../schedule/swedish-date.js';
import type { DigestException, DigestMessage, DigestSection, ExceptionReason } from './digest-message.js';
import { uniqueUpdates } from './unique-updates.js';

/** Exceptions shown in the message itself; the rest are one tap away. */
const MAIN_EXCEPTIONS = 10;
/** Updates shown in the message itself when the week is small; a busy week moves them to the details. */
const INLINE_UPDATES = 8;
/** Activity names listed per round due next week. */
const DUE_NAMES = 5;
const NOTE_MAIN = 160;
const NOTE_DETAILS = 400;
/** The expandable details (a show-card in Teams, <details> in HTML) stay well within a message. */
const MORE_TEXT_CHARS = 6000;

/** The command that shows a digest's details (Slack's "more" button, and typed anywhere). */
function detailsCommand(networkId: string): string {
  return `delmal digest ${networkId} detaljer`;
}

/**
 * A digest as a neutral reply, in the reader's language: a header line with counts, exceptions
 * first, the roll-up per delmål or insatsområde, what is due next week; the week's updates inline
 * when few, else one tap away. A quiet week is two lines.
 */
export function renderDigest(message: DigestMessage, t: Translate, locale: Locale): Reply {
  const r = new DigestText(message, t, locale);
  const heading = t(message.kind === 'preview' ? 'digest.heading.preview' : 'digest.heading', {
    network: message.networkName,
  });
  // A check-in belongs to every delmål and insatsområde its activity serves; it is listed once.
  const unique = uniqueUpdates(message.sections);
  const updates = unique.reduce((n, section) => n + section.updates.length, 0);
  if (message.exceptions.length === 0 && updates === 0) {
    const quiet = t('digest.quiet', { period: r.period(), count: message.counts.expected });
    return {
      summary: `${heading}: ${quiet}`,
      blocks: [
        { type: 'heading', text: heading },
        { type: 'text', text: quiet },
      ],
    };
  }
  const counts = r.counts();
  const blocks: Block[] = [
    { type: 'heading', text: heading },
    { type: 'text', text: `*${counts}*` },
    { type: 'context', text: r.period() },
  ];
  const shown = message.exceptions.slice(0, MAIN_EXCEPTIONS);
  if (shown.length > 0)
    blocks.push({
      type: 'list',
      heading: t('digest.exceptions', { count: message.exceptions.length }),
      items: shown.map((e) => r.exception(e, NOTE_MAIN)),
    });
  if (message.sections.length > 0)
    blocks.push({
      type: 'list',
      heading: t('digest.rollUps'),
      items: message.sections.map((s) => ({
        title: r.sectionTitle(s),
        status: r.rollUp(s),
        detail:
          s.expected === undefined
            ? t('digest.sectionDetail', { updates: s.updates.length, activities: s.activities })
            : t('digest.sectionDetail.reported', { reported: s.reported ?? 0, expected: s.expected }),
      })),
    });
  const inline = updates <= INLINE_UPDATES;
  if (inline && updates > 0)
    blocks.push({
      type: 'list',
      heading: t('digest.updates', { count: updates }),
      items: unique.flatMap((s) => r.updates(s, NOTE_MAIN)),
    });
  if (message.dueNextWeek.length > 0)
    blocks.push({
      type: 'list',
      heading: t('digest.dueNextWeek'),
      items: message.dueNextWeek.map((d) => ({
        title: t('digest.dueRound', { date: r.date(d.date), count: d.activities.length }),
        detail: r.names(d.activities),
      })),
    });
  const hidden = message.exceptions.length - shown.length;
  if (!inline || hidden > 0)
    blocks.push({
      type: 'more',
      label:
        hidden === 0
          ? t('digest.more.updates', { updates })
          : inline
            ? t('digest.more.exceptions', { exceptions: hidden })
            : t('digest.more', { updates, exceptions: hidden }),
      text: r.moreText(inline ? 0 : MAIN_EXCEPTIONS, !inline),
      command: detailsCommand(message.networkId),
      // A channel's weekly digest gets its details in a thread where the platform has them.
      ...(message.kind === 'weekly' ? { thread: true } : {}),
    });
  return { summary: `${heading}: ${counts}`, blocks };
}

/** Every exception and every update of a digest: what the "more" button or `… detaljer` shows. */
export function renderDigestDetails(message: DigestMessage, t: Translate, locale: Locale): Reply {
  const r = new DigestText(message, t, locale);
  const heading = t('digest.details.heading', { network: message.networkName });
  const blocks: Block[] = [
    { type: 'heading', text: heading },
    { type: 'context', text: `${r.counts()} · ${r.period()}` },
  ];
  if (message.exceptions.length > 0)
    blocks.push({
      type: 'list',
      heading: t('digest.exceptions', { count: message.exceptions.length }),
      items: message.exceptions.map((e) => r.exception(e, NOTE_DETAILS)),
    });
  for (const s of uniqueUpdates(message.sections))
    blocks.push({ type: 'list', heading: r.sectionTitle(s), items: r.updates(s, NOTE_DETAILS) });
  if (blocks.length === 2) blocks.push({ type: 'text', text: t('digest.details.none') });
  return { summary: heading, blocks };
}

/** Wording shared by the digest and its details. */
class DigestText {
  // Formatting a date builds an Intl formatter; a busy week has a thousand dates, most the same day.
  private readonly dates = new Map<string, string>();

  constructor(
    private readonly message: DigestMessage,
    private readonly t: Translate,
    private readonly locale: Locale,
  ) {}

  /** A local date as the reader writes it ("26 november 2026"). */
  date(localDate: string): string {
    let shown = this.dates.get(localDate);
    if (shown === undefined) {
      shown = formatLocalDate(localDate, this.locale);
      this.dates.set(localDate, shown);
    }
    return shown;
  }

  /** The local date of a UTC instant, formatted. */
  dateOf(iso: string): string {
    return this.date(toLocal(new Date(iso), this.message.timeZone).date);
  }

  counts(): string {
    const c = this.message.counts;
    const parts = [this.t('digest.counts.reported', { reported: c.reported, expected: c.expected })];
    if (c.blocked > 0) parts.push(this.t('digest.counts.blocked', { count: c.blocked }));
    if (c.atRisk > 0) parts.push(this.t('digest.counts.atRisk', { count: c.atRisk }));
    if (c.missing > 0) parts.push(this.t('digest.counts.missing', { count: c.missing }));
    return parts.join(' · ');
  }

  period(): string {
    return this.t('digest.period', {
      from: this.dateOf(this.message.periodFrom),
      to: this.dateOf(this.message.periodTo),
    });
  }

  badge(code: string | undefined): StatusBadge | undefined {
    const status = this.message.statuses.find((s) => s.code === code);
    return status && { label: this.locale === 'en' ? status.labelEn : status.label, tone: status.tone };
  }

  label(code: string): string {
    return this.badge(code)?.label ?? code;
  }

  rollUp(section: DigestSection): StatusBadge {
    return this.badge(section.rollUp) ?? { label: this.t('status.noCheckIns'), tone: 'grey' };
  }

  sectionTitle(section: DigestSection): string {
    if (section.number !== undefined)
      return this.t('digest.section.goal', { number: section.number, title: section.title });
    return this.t(section.followUp ? 'digest.section.followUpArea' : 'digest.section.focusArea', {
      title: section.title,
    });
  }

  exception(e: DigestException, noteChars: number): ListItem {
    const badge = this.badge(e.statusCode);
    return {
      title: e.name,
      ...(badge ? { status: badge } : {}),
      detail: e.reasons.map((reason) => this.reason(reason, e, noteChars)).join('\n'),
      action: { kind: 'command', label: this.t('digest.open'), command: `delmal aktivitet ${e.activityId}` },
    };
  }

  private reason(reason: ExceptionReason, e: DigestException, noteChars: number): string {
    const owners = e.owners.join(', ') || this.t('digest.noOwner');
    switch (reason.kind) {
      case 'blocked':
      case 'at_risk':
        return reason.note
          ? this.t('digest.reason.note', {
              author: reason.author ?? owners,
              note: cut(reason.note, noteChars),
            })
          : this.t('digest.reason.owners', { owners });
      case 'changed':
        return this.t('digest.reason.changed', { from: this.label(reason.from), to: this.label(reason.to) });
      case 'needs_support':
        return reason.note
          ? this.t('digest.reason.support.note', { author: reason.author, note: cut(reason.note, noteChars) })
          : this.t('digest.reason.support', { author: reason.author });
      case 'overdue':
        return this.t('digest.reason.overdue', {
          date: this.dateOf(reason.deadline),
          owners,
        });
    }
  }

  updates(section: DigestSection, noteChars: number): ListItem[] {
    return section.updates.map((u) => {
      const badge = this.badge(u.statusCode);
      const date = this.dateOf(u.at);
      return {
        title: u.name,
        ...(badge ? { status: badge } : {}),
        detail: u.note.trim()
          ? this.t('digest.update.note', { author: u.author, date, note: cut(u.note, noteChars) })
          : this.t('digest.update', { author: u.author, date }),
      };
    });
  }

  names(names: readonly string[]): string {
    const shown = names.slice(0, DUE_NAMES).join(', ');
    return names.length > DUE_NAMES
      ? this.t('digest.andMore', { names: shown, count: names.length - DUE_NAMES })
      : shown;
  }

  /** The plain text behind "more": the exceptions not shown, then (for a busy week) every update. */
  moreText(skipExceptions: number, withUpdates: boolean): string {
    const exceptions = this.message.exceptions.slice(skipExceptions);
    const sections = withUpdates ? uniqueUpdates(this.message.sections) : [];
    const total =
      exceptions.reduce((n, e) => n + 1 + e.reasons.length, 0) +
      sections.reduce((n, s) => n + 2 + s.updates.length, 0);
    // Lines are made only until the text is full: a busy week has thousands, the text holds ~6000 characters.
    const lines = this.moreLines(exceptions, sections);
    let text = '';
    let used = 0;
    for (const line of lines) {
      if (text.length + line.length + 1 > MORE_TEXT_CHARS) {
        const command = detailsCommand(this.message.networkId);
        text += `\n${this.t('digest.more.cut', { count: total - used, command })}`;
        break;
      }
      text += (used++ > 0 ? '\n' : '') + line;
    }
    return text;
  }

  private *moreLines(
    exceptions: readonly DigestException[],
    sections: readonly DigestSection[],
  ): Generator<string> {
    for (const e of exceptions) {
      const badge = this.badge(e.statusCode);
      yield `• ${e.name}${badge ? ` [${badge.label}]` : ''}`;
      for (const reason of e.reasons) yield `  ${this.reason(reason, e, NOTE_MAIN)}`;
    }
    for (const s of sections) {
      yield '';
      yield `*${this.sectionTitle(s)}*`;
      for (const u of s.updates) {
        const [item] = this.updates({ ...s, updates: [u] }, NOTE_MAIN);
        if (item)
          yield `• ${item.title}${item.status ? ` [${item.status.label}]` : ''} – ${item.detail ?? ''}`;
      }
    }
  }
}

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
