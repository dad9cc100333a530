import type { Block } from '../../src/chat/reply.js';
import type { DigestMessage } from '../../src/digest/digest-message.js';
import { renderDigest, renderDigestDetails } from '../../src/digest/render-digest.js';
import { type Locale, translator } from '../../src/i18n/i18n.js';
import { type RenderedMail, renderReplyMail } from './render-email.js';

/**
 * A network digest for a chair who asked for it by e-mail: the subject says which network and
 * which week ("Veckosammanfattning – LAG missbruk, 7–14 december 2026"); the body is the digest
 * whole — counts, every exception, the roll-up per delmål, every update, what is due next week —
 * since e-mail has no thread or "more" button to hold the rest. Accessible HTML and plain text as
 * every mail (render-email.ts).
 */
export function renderDigestMail(message: DigestMessage, locale: Locale): RenderedMail {
  const t = translator(locale);
  const period = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: message.timeZone,
  }).formatRange(new Date(message.periodFrom), new Date(message.periodTo));
  const title = t('email.subject.digest', { network: message.networkName, period });
  // The details hold every exception and update; the chat digest adds its roll-ups and next week.
  const [, counts, ...details] = renderDigestDetails(message, t, locale).blocks;
  const exceptions = t('digest.exceptions', { count: message.exceptions.length });
  const isList = (heading: string) => (b: Block) => b.type === 'list' && b.heading === heading;
  const chat = renderDigest(message, t, locale).blocks;
  const blocks: Block[] = [
    { type: 'heading', text: title },
    ...(counts ? [counts] : []),
    ...details.filter(isList(exceptions)),
    ...chat.filter(isList(t('digest.rollUps'))),
    ...details.filter((b) => !isList(exceptions)(b)),
    ...chat.filter(isList(t('digest.dueNextWeek'))),
    { type: 'divider' },
    { type: 'context', text: t('email.digestFooter') },
  ];
  return renderReplyMail({ summary: title, blocks }, locale);
}
