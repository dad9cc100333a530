import fc from 'fast-check';

/**
 * How many generated inputs each entry point's property runs: 1,000 in CI (a fixed number, so the
 * suite's time is known), more with `FUZZ_RUNS=20000 npx vitest run tests/fuzz`. `FUZZ_SEED`
 * replays a failure fast-check reported.
 */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1000));
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** fast-check parameters for one property: the run count, and the seed when replaying. */
export const fuzzParameters = <T>(runs = FUZZ_RUNS): fc.Parameters<T> => ({
  numRuns: runs,
  ...(seed !== undefined ? { seed } : {}),
});

/** A vitest timeout that grows with the run count (the box is small and shared). */
export const fuzzTimeout = (perRunMs = 40, runs = FUZZ_RUNS) => 60_000 + runs * perRunMs;

/** Inputs sent at once in one property run: the server sees concurrent hostile requests, CI stays fast. */
const FUZZ_BATCH = 8;

/**
 * Checks `check` for {@link FUZZ_RUNS} generated inputs, {@link FUZZ_BATCH} at a time: each
 * fast-check run is one batch sent concurrently (so a counterexample shrinks to the one input that
 * fails, with the rest of its batch).
 */
export async function assertEach<T>(
  arbitrary: fc.Arbitrary<T>,
  check: (input: T) => Promise<void>,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(arbitrary, { minLength: FUZZ_BATCH, maxLength: FUZZ_BATCH }), async (batch) => {
      await Promise.all(batch.map(check));
    }),
    fuzzParameters(Math.ceil(FUZZ_RUNS / FUZZ_BATCH)),
  );
}

/** Any JSON value, with the odd shapes that break naive handlers weighted in. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(null, [], {}, '', 0, true, 'null', -1) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A text people might type: unicode, digits, command words, mentions, very long on occasion. */
export const chatText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc
    .tuple(
      fc.constantFrom('', 'delmal ', '/delmal ', '<@UBOT> ', '<at>delmal</at> '),
      fc.constantFrom(
        '',
        '5',
        '-1',
        '0',
        '99',
        'sok ',
        'aktivitet ',
        'avstamning cross ',
        'hjälp',
        'mina',
        '5 sida ',
      ),
      fc.string({ maxLength: 30 }),
    )
    .map((parts) => parts.join('')),
  fc.integer({ min: 1900, max: 5000 }).map((n) => 'ensamhet '.repeat(Math.ceil(n / 9)).slice(0, n)),
);

/**
 * Replaces the value at a random path of `value` with an arbitrary JSON value (or removes it):
 * a valid payload made wrong in one place, which is what breaks handlers that trust their input.
 */
export function mutate(value: unknown): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (node: unknown, path: string[]) => {
    paths.push(path);
    if (node && typeof node === 'object' && path.length < 5)
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(value, []);
  return fc
    .tuple(fc.constantFrom(...paths), fc.oneof(anyJson, fc.constant(undefined)))
    .map(([path, replacement]) => setPath(structuredClone(value), path, replacement));
}

function setPath(root: unknown, path: readonly string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  let node = root as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path.at(-1) as string;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return root;
}
