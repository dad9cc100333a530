import type { DelmalEnv } from '../config/config.js';

/**
 * Whether `delmal serve` writes its log for people (readable lines) or for machines (JSON): readable
 * in local mode and at a terminal, JSON in production — where a log collector reads stdout — even
 * when someone runs it by hand.
 */
export function wantsReadableLog(env: DelmalEnv, stdoutIsTerminal: boolean): boolean {
  if (env === 'production') return false;
  return env === 'local' || stdoutIsTerminal;
}

/**
 * Where serve's logger writes: `stdout` itself (JSON lines) or a pino-pretty stream in front of it.
 * pino-pretty is loaded only when it is used, so production start-up does not pay for it.
 */
export async function logDestination(
  env: DelmalEnv,
  timeZone: string,
  stdout: NodeJS.WriteStream = process.stdout,
): Promise<NodeJS.WritableStream> {
  if (!wantsReadableLog(env, stdout.isTTY === true)) return stdout;
  const { prettyLogStream } = await import('./pretty-log.js');
  return prettyLogStream(timeZone, stdout, stdout.isTTY === true);
}
