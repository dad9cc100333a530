import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { LoopbackServer } from './loopback-server.js';

/**
 * The Bot Framework's token signing keys, on 127.0.0.1: serves the OpenID keys document the Teams
 * SDK fetches, and signs RS256 tokens with a key it publishes (or with one it does not).
 */
export class FakeTokenKeys {
  private readonly published = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly unknown = generateKeyPairSync('rsa', { modulusLength: 2048 });

  private readonly jwk = {
    ...this.published.publicKey.export({ format: 'jwk' }),
    kid: 'delmal-test-key',
    use: 'sig',
    alg: 'RS256',
  };
  private readonly server = new LoopbackServer((req, res) => {
    if (req.url?.endsWith('/keys')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [this.jwk] }));
      return;
    }
    res.writeHead(404);
    res.end();
  });

  start(): Promise<void> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** What delmal is told to fetch keys from (the SDK swaps openidconfiguration for keys). */
  get openIdMetadataUrl(): string {
    return `http://127.0.0.1:${this.server.port}/v1/.well-known/openidconfiguration`;
  }

  /** A token as the Bot Framework issues it, with `claims` overriding the defaults. */
  token(claims: Record<string, unknown>, options: { signWithUnknownKey?: boolean } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: 'delmal-test-key' };
    const payload = { iss: 'https://api.botframework.com', nbf: now - 60, exp: now + 3600, ...claims };
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode(header)}.${encode(payload)}`;
    const key: KeyObject = options.signWithUnknownKey ? this.unknown.privateKey : this.published.privateKey;
    return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url')}`;
  }
}
