import type { DigestMessage } from '../../src/digest/digest-message.js';
import { renderDigestDetails } from '../../src/digest/render-digest.js';
import { type Locale, translator } from '../../src/i18n/i18n.js';
import { type RenderedMail, renderReplyMail } from './render-email.js';

/**
 * A network digest for a chair who asked for it by e-mail: the subject says which network and
 * which week ("Veckosammanfattning – LAG missbruk, 7–14 december 2026"); the body is the digest
 * with everything in it — counts, every exception, every update — since e-mail has no thread or
 * "more" button to hold the rest. Accessible HTML and plain text as every mail (render-email.ts).
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
  const details = renderDigestDetails(message, t, locale);
  const [, ...rest] = details.blocks;
  return renderReplyMail(
    {
      summary: title,
      blocks: [
        { type: 'heading', text: title },
        ...rest,
        { type: 'divider' },
        { type: 'context', text: t('email.digestFooter') },
      ],
    },
    locale,
  );
}
