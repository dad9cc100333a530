import { slackManifest } from './manifest.js';

/** Where a self-hosted delmal answers; replace with your own address when you create the app. */
const EXAMPLE_BASE_URL = 'https://delmal.example.org';

const HEADER = (variant: string) =>
  `# delmal – Slack app manifest (${variant}). Generated from manifest/slack/manifest.ts by \`npm run manifest:slack\`.\n# Create the app at https://api.slack.com/apps → "From a manifest" and paste this file.\n`;

/** The manifest files shipped in manifest/slack/, as text. */
export function slackManifestFiles(stringify: (value: unknown) => string): Record<string, string> {
  return {
    'manifest.http.yaml': `${HEADER(`HTTP: replace ${EXAMPLE_BASE_URL} with your public address`)}${stringify(slackManifest({ socketMode: false, baseUrl: EXAMPLE_BASE_URL }))}`,
    'manifest.socket.yaml': `${HEADER('Socket Mode: no public address; set SLACK_APP_TOKEN')}${stringify(slackManifest({ socketMode: true }))}`,
  };
}
