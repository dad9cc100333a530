import type { UnreachableReason } from '../chat/chat-port.js';
import type { MessageKey, Translate } from '../i18n/i18n.js';

const KEYS: Readonly<Record<UnreachableReason, MessageKey>> = {
  not_in_workspace: 'delivery.unreachable.not_in_workspace',
  not_installed: 'delivery.unreachable.not_installed',
  blocked: 'delivery.unreachable.blocked',
  channel_archived: 'delivery.unreachable.channel_archived',
  not_found: 'delivery.unreachable.not_found',
  rejected: 'delivery.unreachable.rejected',
  not_supported: 'delivery.unreachable.not_supported',
};

/**
 * Why a delivery failed for good, in plain words for an administrator (`delmal doctor`,
 * `delmal leveranser`). `reason` is a stored `UnreachableReason`, or null when retries ran out.
 */
export function describeFailure(reason: string | null, t: Translate): string {
  const key = reason !== null ? KEYS[reason as UnreachableReason] : undefined;
  return t(key ?? 'delivery.unreachable.gaveUp');
}
