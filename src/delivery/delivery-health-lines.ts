import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { deliveryHealth } from '../../db/delivery-health.repository.js';
import type { Translate } from '../i18n/i18n.js';
import { describeFailure } from './unreachable-text.js';

/**
 * Delivery health of the outbox as lines for an administrator (`delmal doctor`; the admin command
 * can show the same): what waits per lane, the longest wait, and who could not be reached and why,
 * in plain words. The first line starts with `!` when something failed for good.
 */
export async function deliveryHealthLines(db: Kysely<Database>, t: Translate, now: Date): Promise<string[]> {
  const health = await deliveryHealth(db, now.toISOString(), 5);
  const lines = [
    `${health.failed > 0 ? '!' : '✓'} ${t('doctor.outbox', {
      interactive: health.pending.interactive,
      bulk: health.pending.bulk,
      failed: health.failed,
    })}`,
  ];
  if (health.oldestDue) lines.push(`  ${t('doctor.oldestDue', { at: health.oldestDue.dueAt })}`);
  for (const f of health.failedRecipients)
    lines.push(
      `  ${t('doctor.failedRecipient', {
        recipient: f.recipient,
        reason: describeFailure(f.reason, t),
        count: f.count,
        at: f.lastAt,
      })}`,
    );
  return lines;
}
