import { describe, expect, it } from 'vitest';
import { serviceUrlPolicy } from '../../../adapters/teams/service-urls.js';

const LOOPBACK_CONNECTORS = [
  'http://localhost:56150/_connector', // Microsoft 365 Agents Playground
  'http://127.0.0.1:56150/_connector',
  'http://[::1]:56150/_connector',
  'http://localhost:60219/', // Bot Framework Emulator
];

describe('where delmal may send Teams answers', () => {
  it('allows Bot Framework’s connectors over HTTPS, with or without the local tools', () => {
    for (const policy of [serviceUrlPolicy(), serviceUrlPolicy([], { loopback: true })]) {
      expect(policy('https://smba.trafficmanager.net/emea/')).toBe(true);
      expect(policy('https://europe.webchat.botframework.com/')).toBe(true);
      expect(policy('http://smba.trafficmanager.net/emea/')).toBe(false);
      expect(policy('https://evil.example/')).toBe(false);
    }
  });

  it('refuses loopback connectors outside local development (production, test)', () => {
    const strict = serviceUrlPolicy();
    for (const url of LOOPBACK_CONNECTORS) expect(strict(url)).toBe(false);
  });

  it('allows the Agents Playground and the Emulator on loopback in local development', () => {
    const local = serviceUrlPolicy([], { loopback: true });
    for (const url of LOOPBACK_CONNECTORS) expect(local(url)).toBe(true);
  });

  it.each([
    'https://localhost:56150/', // the tools speak plain HTTP; anything else is not them
    'http://localhost/_connector', // no explicit port
    'http://user:pw@localhost:56150/',
    'http://localhost.evil.example:56150/',
    'http://127.0.0.2:56150/',
    'http://10.0.0.5:56150/',
  ])('refuses %s even in local development', (url) => {
    expect(serviceUrlPolicy([], { loopback: true })(url)).toBe(false);
  });
});
