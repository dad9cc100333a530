import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyJson, assertEach, chatText, FUZZ_RUNS, fuzzTimeout, mutate } from '../support/fuzz.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** The playground's POST: any body gets 200 or a 4xx with a Swedish message, never a 5xx. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const bodies = fc.oneof(
  anyJson.map((body) => JSON.stringify(body) ?? ''),
  fc.string({ maxLength: 50 }),
  chatText
    .chain((text) => mutate({ conversation: 'dm', text, as: 'someone@example.org' }))
    .map((b) => JSON.stringify(b) ?? ''),
  chatText.map((text) => JSON.stringify({ conversation: 'network:missbruk', text: `/delmal ${text}` })),
);

describe(`playground under ${FUZZ_RUNS} generated messages`, () => {
  it(
    'answers 200 or 4xx',
    async () => {
      await assertEach(
        fc.tuple(
          bodies,
          fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8'),
        ),
        async ([body, type]) => {
          const response = await fetch(`${server.base}/playground/api/messages`, {
            method: 'POST',
            headers: { 'content-type': type },
            body,
          });
          expect(response.status === 200 || (response.status >= 400 && response.status < 500)).toBe(true);
          if (response.status >= 400)
            expect(((await response.json()) as { error: string }).error).toBeTruthy();
        },
      );
    },
    fuzzTimeout(),
  );
});
