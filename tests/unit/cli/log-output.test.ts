import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { wantsReadableLog } from '../../../src/cli/log-output.js';
import { prettyLogStream } from '../../../src/cli/pretty-log.js';
import { createLogger } from '../../../src/logger.js';

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

describe('the console of delmal serve', () => {
  it('is readable lines in local mode and at a terminal, JSON in production', () => {
    expect(wantsReadableLog('local', false)).toBe(true);
    expect(wantsReadableLog('test', true)).toBe(true);
    expect(wantsReadableLog('test', false)).toBe(false);
    expect(wantsReadableLog('production', true)).toBe(false);
    expect(wantsReadableLog('production', false)).toBe(false);
  });

  it('writes one readable line per entry in Stockholm time, fields after, free text still hidden', () => {
    const out = sink();
    const logger = createLogger('info', prettyLogStream('Europe/Stockholm', out.stream, false));
    logger.info({ port: 3000, note: 'Anna Andersson ringde' }, 'delmal listening');
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0[12]:00\] INFO: delmal listening /);
    expect(lines[0]).toContain('"port":3000');
    expect(lines[0]).not.toContain('Anna');
    expect(lines[0]).not.toMatch(/^\{/);
  });
});
