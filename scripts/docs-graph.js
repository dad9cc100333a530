#!/usr/bin/env node
// `npm run docs:graph`: redraws the dependency graphs in docs/architecture.md from the code, with
// dependency-cruiser and the layers of .dependency-cruiser.cjs. Mermaid, so GitHub draws it.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { layers } = require('../.dependency-cruiser.cjs');
const DOC = join(root, 'docs', 'architecture.md');
const START = '<!-- graph:start (npm run docs:graph) -->';
const END = '<!-- graph:end -->';

const cruise = JSON.parse(
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs'),
      ...['src', 'adapters', 'commands', 'db'],
      ...['--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    ],
    { cwd: root, maxBuffer: 256 * 1024 * 1024 },
  ),
);

/** The folder a module is drawn in: src/<folder>, adapters/<platform>, commands, db (or a src/ file). */
const folderOf = (path) => {
  const [top, second] = path.split('/');
  if (top === 'src') return path.split('/').length > 2 ? `src/${second}` : path;
  if (top === 'adapters') return `adapters/${second}`;
  return top;
};
const layerOf = (path) => layers.find((layer) => layer.path.some((p) => new RegExp(p).test(path)));
const ours = (path) => /^(src|adapters|commands|db)\//.test(path);
const id = (name) => name.replace(/[^A-Za-z0-9]/g, '_');

const folders = new Map(); // folder → layer name
const folderEdges = new Set();
const layerEdges = new Map(); // "from>to" → imports
for (const module of cruise.modules) {
  if (!ours(module.source)) continue;
  const from = folderOf(module.source);
  const fromLayer = layerOf(module.source)?.name ?? '?';
  folders.set(from, fromLayer);
  for (const dependency of module.dependencies) {
    if (!ours(dependency.resolved)) continue;
    const to = folderOf(dependency.resolved);
    const toLayer = layerOf(dependency.resolved)?.name ?? '?';
    if (to !== from) folderEdges.add(`${from}>${to}`);
    if (toLayer !== fromLayer) {
      const key = `${fromLayer}>${toLayer}`;
      layerEdges.set(key, (layerEdges.get(key) ?? 0) + 1);
    }
  }
}

const top = [...layers].reverse();
const layerGraph = [
  '```mermaid',
  'flowchart TB',
  ...top.map((layer) => `  ${id(layer.name)}["${layer.name}"]`),
  ...[...layerEdges]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => {
      const [from, to] = key.split('>');
      return `  ${id(from)} -->|${n}| ${id(to)}`;
    }),
  '```',
];

// Every folder imports the foundation; those arrows are left out so the rest stays readable.
const foundation = new Set([...folders].filter(([, layer]) => layer === layers[0].name).map(([f]) => f));
const folderGraph = [
  '```mermaid',
  'flowchart TB',
  ...top.flatMap((layer) => {
    const inLayer = [...folders]
      .filter(([, l]) => l === layer.name)
      .map(([f]) => f)
      .sort();
    return [
      `  subgraph ${id(layer.name)}_layer["${layer.name}"]`,
      ...inLayer.map((folder) => `    ${id(folder)}["${folder}"]`),
      '  end',
    ];
  }),
  ...[...folderEdges]
    .sort()
    .map((key) => key.split('>'))
    .filter(([from, to]) => !foundation.has(to) || foundation.has(from))
    .map(([from, to]) => `  ${id(from)} --> ${id(to)}`),
  '```',
];

const generated = [
  START,
  '',
  'Imports between layers (the number on an arrow: how many imports):',
  '',
  ...layerGraph,
  '',
  'Imports between folders (arrows into the foundation left out: every layer uses it):',
  '',
  ...folderGraph,
  '',
  END,
].join('\n');

const doc = readFileSync(DOC, 'utf8');
const start = doc.indexOf(START);
const end = doc.indexOf(END);
if (start < 0 || end < start) throw new Error(`${DOC} has no ${START} … ${END} block to fill`);
writeFileSync(DOC, doc.slice(0, start) + generated + doc.slice(end + END.length));
process.stdout.write(`docs/architecture.md: ${folders.size} folders, ${folderEdges.size} folder imports\n`);
