import type { Reply } from '../chat/reply.js';
import type { MessageParams, Translate } from '../i18n/i18n.js';
import { MATRIX, type MatrixEntry, type MatrixId } from './matrix.js';

/** The refusal the matrix names for `id`, as a reply: what a person who may not is told. */
export function refusal(t: Translate, id: MatrixId, params: MessageParams = {}): Reply {
  const entry: MatrixEntry = MATRIX[id];
  const message = t(entry.refusal ?? 'authz.denied.admin', params);
  return { summary: message, blocks: [{ type: 'text', text: message }], privately: true };
}
