// Reads the Swedish dictionary into the compound lexicon off the main thread (see `warmLexicon`).
import { parentPort } from 'node:worker_threads';
import { loadLexicon, packLexicon } from './compounds.js';

const packed = packLexicon(loadLexicon());
parentPort?.postMessage(packed, [
  packed.leading.starts.buffer,
  packed.words.starts.buffer,
  packed.trailing.starts.buffer,
]);
