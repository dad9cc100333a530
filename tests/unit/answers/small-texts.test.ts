import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { teamsLogger } from '../../../adapters/teams/teams-logger.js';
import { renderText } from '../../../src/chat/render-text.js';
import { translate, translator } from '../../../src/i18n/i18n.js';
import { createLogger } from '../../../src/logger.js';

describe('small texts', () => {
  it('never ends a sentence with two full stops when a message ends one', () => {
    const text = translate('sv', 'checkin.failed', { problems: 'Ingenting har sparats.' });
    expect(text).toBe('Avstämningen sparades inte: Ingenting har sparats.');
    expect(translate('sv', 'checkin.failed', { problems: 'fel status' })).toBe(
      'Avstämningen sparades inte: fel status.',
    );
  });

  it('shows one arrow per command line in text output, even when the label has its own', () => {
    const text = renderText(
      {
        summary: 's',
        blocks: [
          { type: 'actions', actions: [{ kind: 'command', label: 'Delmål 6 →', command: 'delmal 6' }] },
        ],
      },
      translator('sv'),
    );
    expect(text).toContain('→ Delmål 6: delmal 6');
    expect(text.match(/→/g)).toHaveLength(1);
  });

  it('keeps an expected Teams SDK warning out of the warnings, and lets others through', () => {
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const logger = teamsLogger(createLogger('debug', sink), 'teams', [
      /dangerouslyAllowUnauthenticatedRequests is enabled/,
    ]);
    logger
      .child('http')
      .warn('No credentials configured, but dangerouslyAllowUnauthenticatedRequests is enabled.');
    logger.warn('Something else went wrong');
    expect(lines.map((l) => [l.level, l.msg.slice(0, 14)])).toEqual([
      [20, 'No credentials'],
      [40, 'Something else'],
    ]);
  });
});
