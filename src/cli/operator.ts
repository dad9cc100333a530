import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AuditActor } from '../../db/audit-log.repository.js';
import type { CliContext } from './context.js';

// A login name as the shell gives it; anything else is not recorded.
const loginName = z
  .string()
  .trim()
  .regex(/^[\w.@-]{1,100}$/)
  .optional()
  .catch(undefined);

/**
 * The CLI's operator, as the audit log records them: the CLI is the operator's trust boundary
 * (whoever has the shell and the database has every right), so changes made here are the
 * operator's — named by `DELMAL_OPERATOR`, else the login name (`USER`, `LOGNAME`). Each run is
 * one request with its own id.
 */
export function operatorActor(ctx: CliContext): AuditActor {
  const name = loginName.parse(ctx.env.DELMAL_OPERATOR) ?? loginName.parse(ctx.env.USER ?? ctx.env.LOGNAME);
  return { kind: 'operator', id: name ?? null, platform: 'cli', requestId: randomUUID() };
}
