import type { DeliveryResult } from '../chat/chat-port.js';

// Network errors raised before a request could have reached the platform: safe to send again blindly.
// ENOTSENT: a port's own word that its request was aborted before the whole of it was written.
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTSENT',
]);

/**
 * A network failure as a delivery result: `transient` when the request cannot have left this
 * machine, else `unknown` — it may have arrived, so the worker looks before sending again.
 */
export function networkResult(error: unknown): DeliveryResult {
  const code = errorCode(error);
  const message = code ?? (error instanceof Error ? error.message : String(error));
  if (code && NEVER_SENT.has(code)) return { ok: false, kind: 'transient', error: code };
  return { ok: false, kind: 'unknown', error: message };
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A Retry-After header as milliseconds: delay-seconds (`120`) or an HTTP date (`Wed, 21 Oct 2026
 * 07:28:00 GMT`, counted from `nowMs`, the wall clock the platform's date is written on); one
 * second when absent, unreadable or already past.
 */
export function retryAfterMs(header: unknown, nowMs: number = Date.now()): number {
  const text = String(header ?? '').trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.max(1, Number(text)) * 1000;
  const at = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isFinite(at) && at - nowMs > 1000) return Math.ceil((at - nowMs) / 1000) * 1000;
  return 1000;
}

/**
 * Runs one platform call under the send's time limit. Aborted before it starts: `transient`
 * (nothing left). Aborted while in flight: `unknown` — the request may have arrived; the call
 * itself runs on and its answer is dropped.
 */
export async function withinSignal(
  signal: AbortSignal | undefined,
  work: () => Promise<DeliveryResult>,
): Promise<DeliveryResult> {
  if (signal?.aborted) return { ok: false, kind: 'transient', error: 'aborted before sending' };
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<DeliveryResult>((resolve) => {
    onAbort = () => resolve({ ok: false, kind: 'unknown', error: 'timed out after the request was sent' });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work(), aborted]);
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
