import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * What one answer link grants: one owner (catalog e-mail), one round, its activities, until the
 * round closes. Carried in the link itself, signed with HMAC-SHA256: nothing is stored per link.
 */
export interface AnswerClaim {
  readonly owner: string;
  readonly round: string;
  readonly activities: readonly string[];
  /** Unix seconds after which the link no longer works (the round's close). */
  readonly expires: number;
}

const payloadSchema = z.strictObject({
  v: z.literal(1),
  o: z.email(),
  r: z.string().min(1).max(300),
  a: z.array(z.string().min(1).max(200)).min(1).max(40),
  e: z.number().int().positive(),
});

const mac = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

/** The link token for `claim`: `<payload>.<signature>`, both base64url. */
export function signAnswerClaim(claim: AnswerClaim, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({ v: 1, o: claim.owner, r: claim.round, a: claim.activities, e: claim.expires }),
  ).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** The claim a token carries when its signature is ours; undefined for anything else (tampered, cut short). */
export function verifyAnswerToken(token: string, secret: string): AnswerClaim | undefined {
  const match = /^([A-Za-z0-9_-]{1,4000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) return undefined;
  const expected = Buffer.from(mac(match[1], secret));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
  } catch {
    // Signed by us, so this cannot happen unless the secret leaked: refused like a forgery.
    return undefined;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { o, r, a, e } = parsed.data;
  return { owner: o, round: r, activities: a, expires: e };
}
