/**
 * What may leave a third-party SDK's log call. The Slack and Teams SDKs log whole request bodies
 * and activities at debug/trace level (`Handling activity {…}`), and error messages that quote
 * input (`Unexpected token … "…" is not valid JSON`). People type personal data into chat; none
 * of it may reach delmal's log at any level. So SDK log arguments are reduced to what says what
 * happened, not what was said: objects become their `type`/`name`, strings lose quoted and
 * JSON-looking parts and anything shaped like a personnummer, and everything is cut short.
 */

const MAX_LENGTH = 300;

// 6 or 8 digits, an optional separator, 4 digits: a personnummer or samordningsnummer.
const PERSONAL_NUMBER = /\b(?:\d{2})?\d{6}[-+ ]?\d{4}\b/g;
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g;

/** One SDK log argument, reduced to what is safe to log. */
function scrubLogArgument(value: unknown): string {
  if (typeof value === 'string') return scrubLogText(value);
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return `${value.name}${typeof code === 'string' ? ` ${code}` : ''}: ${scrubLogText(value.message)}`;
  }
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[list of ${value.length}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const label = ['type', 'name', 'method', 'status', 'statusCode']
      .filter((key) => typeof record[key] === 'string' || typeof record[key] === 'number')
      .map((key) => `${key}=${scrubLogText(String(record[key]))}`);
    return `{${label.join(' ')}}`;
  }
  return typeof value;
}

/** A log text without quotes, JSON, personnummer, and at most {@link MAX_LENGTH} characters. */
function scrubLogText(text: string): string {
  const jsonStart = text.search(/[{[]/);
  const head = jsonStart >= 0 ? `${text.slice(0, jsonStart)}{…}` : text;
  const scrubbed = head.replace(QUOTED, '"…"').replace(PERSONAL_NUMBER, '[personnummer]');
  return scrubbed.length > MAX_LENGTH ? `${scrubbed.slice(0, MAX_LENGTH)}…` : scrubbed;
}

/** The arguments of one SDK log call as one safe message. */
export function scrubLogArguments(args: readonly unknown[]): string {
  return args.map(scrubLogArgument).join(' ');
}
