import { expect, it } from 'vitest';
import { SLACK_CALL_TIMEOUT_MS } from '../../../adapters/slack/slack-port.js';
import { workerSettings } from '../../../src/delivery/outbox-options.js';

it('aborts a Slack call on the client before the outbox gives up on the send', () => {
  const settings = workerSettings({});
  expect(SLACK_CALL_TIMEOUT_MS).toBeLessThan(settings.sendTimeoutMs);
  // After an unknown outcome nothing is looked up or resent before the send timeout and a margin.
  expect(settings.unknownMarginMs).toBeGreaterThan(0);
});
