import { createHash, randomUUID } from 'node:crypto';

/**
 * The request id the audit log keeps for a chat submission: a short hash of its submission key
 * (platform, workspace and the platform's message or interaction ids). The key itself can hold
 * what someone typed (a playground form), so it is never stored as it is; the same submission
 * twice has the same id. Without a key (tests, the CLI) each request gets a fresh id.
 */
export function auditRequestId(submissionKey: string | undefined): string {
  if (submissionKey === undefined) return randomUUID();
  return createHash('sha256').update(submissionKey).digest('hex').slice(0, 16);
}
