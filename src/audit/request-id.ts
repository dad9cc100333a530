import { createHash, randomUUID } from 'node:crypto';
import { currentRequestId } from '../request-id.js';

/**
 * The request id the audit log keeps for a change: the id of the HTTP request it was made in (the
 * caller's `x-request-id` when well-formed, else the one delmal gave it — the id on that request's
 * log lines and its response header). Outside a request, a short hash of the submission key
 * (platform, workspace and the platform's message or interaction ids; the key itself can hold what
 * someone typed, so it is never stored as it is), or without a key (the CLI) a fresh id.
 */
export function auditRequestId(submissionKey: string | undefined): string {
  const request = currentRequestId();
  if (request !== undefined) return request;
  if (submissionKey === undefined) return randomUUID();
  return createHash('sha256').update(submissionKey).digest('hex').slice(0, 16);
}
