import type { svAdmin } from './sv-admin.js';

/** English for operators; every Swedish key has its counterpart (the type checks it). */
export const enAdmin: Readonly<Record<keyof typeof svAdmin, string>> = {
  'config.heading': 'delmal cannot start: the configuration needs fixing.',
  'config.port.invalid':
    'PORT is "{value}" but must be a whole number between 1 and 65535. Example: PORT=3978 (the default when unset).',
  'config.databaseUrl.scheme':
    'DATABASE_URL "{value}" names a database delmal does not support. Use a path to an SQLite file (e.g. ./data/delmal.sqlite) or a PostgreSQL URL starting with postgres://.',
  'config.databaseUrl.postgresMalformed':
    'DATABASE_URL "{value}" is not a valid PostgreSQL URL. The form is postgres://user@host:5432/database.',
  'config.databaseUrl.postgresHost':
    'DATABASE_URL "{value}" has no host name. The form is postgres://user@host:5432/database.',
  'config.databaseUrl.postgresDatabase':
    'DATABASE_URL "{value}" has no database name. Add it at the end, e.g. postgres://delmal@127.0.0.1:5432/delmal.',
  'config.databaseUrl.directory':
    'DATABASE_URL "{value}" points at a directory. Name a file, e.g. ./data/delmal.sqlite.',
  'config.locale.invalid': 'DELMAL_LOCALE is "{value}" but must be one of: {allowed}.',
  'config.timezone.invalid':
    'DELMAL_TIMEZONE is "{value}", which is not a known time zone. Use an IANA name such as Europe/Stockholm.',
  'config.logLevel.invalid': 'LOG_LEVEL is "{value}" but must be one of: {allowed}.',
  'config.lease.invalid':
    'DELMAL_LEASE_SECONDS is "{value}" but must be a whole number between 2 and 3600 (seconds). The default is 60.',
  'config.metricsToken.short':
    'DELMAL_METRICS_TOKEN is too short: use at least 16 random characters, e.g. from `openssl rand -hex 24`.',
  'config.env.invalid': 'DELMAL_ENV is "{value}" but must be one of: {allowed}.',
  'config.env.productionWithoutPlatform':
    'DELMAL_ENV=production needs Slack or Teams configured (SLACK_BOT_TOKEN or TEAMS_CLIENT_ID). Set the credentials, or run locally with DELMAL_ENV=local.',
  'config.slack.missingBotToken':
    '{variable} is set but SLACK_BOT_TOKEN is missing. Set SLACK_BOT_TOKEN (xoxb-…) or remove {variable}.',
  'config.slack.botTokenPrefix':
    'SLACK_BOT_TOKEN must be a bot token starting with xoxb-. Find it under OAuth & Permissions in the Slack app settings.',
  'config.slack.appTokenPrefix':
    'SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write).',
  'config.slack.missingSigningSecret':
    'SLACK_SIGNING_SECRET is missing. It verifies requests from Slack over HTTP (Basic Information → Signing Secret). Set it, or use Socket Mode with SLACK_APP_TOKEN.',
  'config.slack.apiUrl':
    'SLACK_API_URL is "{value}" but must be an http(s) URL, e.g. https://slack.com/api/.',
  'config.teams.missingClientId':
    '{variable} is set but TEAMS_CLIENT_ID is missing. Set TEAMS_CLIENT_ID (the app id in Azure) or remove {variable}.',
  'config.teams.guid':
    '{variable} is "{value}" but must be a GUID, e.g. 00000000-0000-0000-0000-000000000000.',
  'config.teams.missingSecret':
    'TEAMS_CLIENT_SECRET is missing. Create a client secret for the app in Azure and set it, or remove TEAMS_CLIENT_ID.',
  'catalog.missing': 'the value is missing but required here.',
  'catalog.unknownField':
    'the field "{value}" is not part of the catalog format. Check the spelling (field names are written as in the export, e.g. reportedStatus).',
  'catalog.expected.id':
    '"{value}" is not a valid id. Ids use lower-case a–z, digits and hyphens, e.g. sv-delmal-5.',
  'catalog.expected.idList': 'expected a list of ids, e.g. [sv-delmal-3, sv-delmal-5].',
  'catalog.expected.text': 'expected text, got "{value}".',
  'catalog.expected.number': 'expected a whole number (1, 2, 3 …), got "{value}".',
  'catalog.expected.year': 'expected a year such as 2019, got "{value}".',
  'catalog.expected.period': 'expected a year or year and month, e.g. "2021" or "2021-09", got "{value}".',
  'catalog.expected.email': '"{value}" is not a valid e-mail address.',
  'catalog.expected.emailList': 'expected a list of e-mail addresses.',
  'catalog.expected.boolean': 'expected true or false, got "{value}".',
  'catalog.expected.code':
    '"{value}" is not a valid status code. Use lower-case letters and underscores, e.g. on_track.',
  'catalog.expected.colour': '"{value}" is not an allowed colour. Choose green, yellow, red, grey or blue.',
  'catalog.expected.planKind':
    '"{value}" is not an allowed plan kind. Choose action_plan, programme or roadmap.',
  'catalog.expected.reportedStatus':
    '"{value}" is not an allowed status. Choose planned, ongoing, paused or finished.',
  'catalog.expected.reach':
    '"{value}" is not a way to reach a person. Choose chat, email or chat-then-email.',
  'catalog.expected.locale': '"{value}" is not a language delmal speaks. Choose sv or en.',
  'catalog.expected.format':
    'the file has format "{value}", but delmal reads format 1. Put format: 1 at the top of the file.',
  'catalog.expected.other': 'the value "{value}" is not accepted here ({detail}).',
  'catalog.reference.unknown':
    '"{value}" does not exist. Expected the id of a {kind} defined in the file or already in the database.',
  'catalog.duplicate': '"{value}" appears more than once (first at {first}). Each id may appear only once.',
  'catalog.goal.numberTaken':
    'number {value} is already used by {other} in the same plan. Each goal needs its own number.',
  'catalog.plan.severalCurrent':
    'the plan "{value}" is marked current, but another plan in the file already is. Only one plan can be current.',
  'catalog.plan.noneCurrent':
    'no plan is marked current. Set current: true on the plan /delmal should answer from.',
  'catalog.file.extension': 'the file type "{value}" is not recognised. Use .yaml, .yml or .csv.',
  'catalog.file.yamlSyntax': 'the file is not valid YAML: {detail}',
  'catalog.file.csvSyntax': 'the file is not valid CSV: {detail}',
  'catalog.file.csvHeader':
    'the header row has unknown columns ({value}) or lacks id and name. Allowed columns: {expected}.',
  'catalog.file.notAMapping':
    'the file should start with fields such as format: 1, plans: and activities:, not a list or a text.',
  'catalog.kind.rus': 'development strategy',
  'catalog.kind.overallGoal': 'overall goal',
  'catalog.kind.effectGoal': 'effect goal',
  'catalog.kind.interventionLevel': 'intervention level',
  'catalog.kind.plan': 'plan',
  'catalog.kind.focusArea': 'focus area',
  'catalog.kind.commonFocusArea': 'common focus area',
  'catalog.kind.planFocusArea': 'focus area of the same plan',
  'catalog.kind.goal': 'goal (delmål)',
  'catalog.kind.followUp': 'follow-up',
  'catalog.kind.activityArea': 'activity area',
  'catalog.kind.activity': 'activity',
  'catalog.kind.person': 'person',
  'catalog.kind.network': 'network',
  'cli.help.program': 'delmal – follow-up of Handlingsplan Social välfärd in Slack and Microsoft Teams',
  'cli.help.serve': 'start the bot (Slack, Teams and the local playground)',
  'cli.help.migrate': 'bring the database structure up to date',
  'cli.help.doctor': 'show the configuration and check the database',
  'cli.help.catalog': 'import and export the plan catalog',
  'cli.help.import': 'load a catalog file (YAML or CSV) – all or nothing',
  'cli.help.importFile': 'catalog file (.yaml, .yml or .csv)',
  'cli.help.dryRun': 'show what would change without changing anything',
  'cli.help.export': 'print the catalog',
  'cli.help.format': 'format: yaml or csv',
  'cli.help.formatInvalid': 'choose one of: {allowed}',
  'cli.help.ask': 'ask the bot as in Slack or Teams and print the reply',
  'cli.help.askText': 'what you would type in chat, e.g. "/delmal 5"',
  'cli.help.askAs': 'ask as the person with this e-mail address',
  'cli.help.askFormat': 'text, json (neutral model), slack (Block Kit) or teams (Adaptive Card)',
  'cli.ask.slackLimits': 'The reply breaks Slack limits: {problems}',
  'cli.help.usage': 'Usage:',
  'cli.help.options': 'Options:',
  'cli.help.commands': 'Commands:',
  'cli.help.arguments': 'Arguments:',
  'cli.help.help': 'show help for the command',
  'cli.help.default': 'default: {value}',
  'cli.value.options': 'options',
  'cli.value.command': 'command',
  'cli.value.date': 'date',
  'cli.value.file': 'file',
  'cli.value.format': 'format',
  'cli.value.count': 'n',
  'cli.value.time': 'iso',
  'cli.value.id': 'id',
  'cli.value.email': 'email',
  'cli.value.mode': 'mode',
  'cli.value.text': 'text',
  'cli.value.network': 'network',
  'cli.error.unknownCommand': 'There is no command "{value}". Type delmal --help to see the commands.',
  'cli.error.unknownOption':
    'The option "{value}" does not exist for this command. Add --help to see the options.',
  'cli.error.missingArgument':
    'The argument "{value}" is missing. Add --help after the command to see how to write it.',
  'cli.error.optionMissingArgument': 'The option "{value}" needs a value.',
  'cli.error.invalidArgument': 'The value "{value}" for {option} is not accepted: {reason}.',
  'cli.error.excessArguments':
    'The command got more arguments than it takes. Add --help after the command to see how to write it.',
  'cli.error.usage': 'The command could not be understood. Type delmal --help.',
  'cli.seeded': 'The database was empty. The plan catalog from db/catalog/ has been loaded ({database}).',
  'cli.databaseUnavailable':
    'The database does not answer ({database}): {detail}. Check DATABASE_URL and that the database server is running.',
  'cli.catalog.unreadable': 'The file {file} could not be read: {detail}',
  'cli.catalog.rejected':
    'The catalog file was not loaded – {count} {count|problem|problems} found and nothing in the database changed:',
  'cli.catalog.column': '(column {column})',
  'cli.catalog.noChanges':
    '{file}: no changes – the database already has the same content ({unchanged} entries).',
  'cli.catalog.wouldChange': '{file}: dry run – {count} {count|entry|entries} would change:',
  'cli.catalog.changed': '{file}: {count} {count|entry|entries} changed:',
  'cli.catalog.added': 'new {kind} {id} "{label}"',
  'cli.catalog.updated': 'changed {kind} {id} "{label}"',
  'cli.catalog.summary':
    '{unchanged} unchanged. {kept} exist only in the database and are kept (imports never delete).',
  'cli.catalog.dryRunHint': 'Nothing was saved. Run the same command without --dry-run to apply the changes.',
  'cli.migrate.upToDate': 'The database is already up to date ({database}).',
  'cli.migrate.applied': '{count} {count|migration|migrations} applied to {database}: {names}',
  'cli.serve.port': 'Port {port} cannot be used: {detail}. Choose another with PORT=…',
  'cli.serve.slackRejected':
    'Slack rejected SLACK_BOT_TOKEN ({detail}). Check that the token belongs to the app and that the app is installed in the workspace (OAuth & Permissions).',
  'cli.node.tooOld':
    'delmal needs Node ≥ {required}, you have {actual}. Install Node 22: `nvm install` (reads .nvmrc) or https://nodejs.org/en/download.',
  'cli.serve.local': 'No Slack or Teams configuration: delmal runs locally at http://localhost:{port}/',
  'doctor.heading': 'delmal doctor',
  'doctor.configuration': 'Configuration (secrets masked):',
  'doctor.derived': 'derived: no platform credentials set',
  'doctor.unset': '(not set)',
  'doctor.platforms': 'Platforms:',
  'doctor.slackHttp': 'Slack over HTTP at POST /slack/events',
  'doctor.slackSocket': 'Slack over Socket Mode (no public address needed)',
  'doctor.slackOff': 'Slack is not configured (SLACK_BOT_TOKEN missing)',
  'doctor.teamsOn': 'Microsoft Teams at POST /api/messages (client id set, tenant {tenant})',
  'doctor.anyTenant': 'any',
  'doctor.teamsOff': 'Microsoft Teams is not configured (TEAMS_CLIENT_ID missing)',
  'doctor.teamsLocal':
    'Microsoft Teams is not configured; locally, unauthenticated requests are accepted for testing',
  'doctor.playground': 'Local playground at http://localhost:{port}/',
  'doctor.database': 'Database:',
  'doctor.databaseOk': 'answers: {database}',
  'doctor.pending':
    '{count} {count|migration|migrations} pending. Run delmal migrate (or start the bot, it migrates itself).',
  'doctor.contents':
    '{plans} plans, {goals} goals (delmål and målbilder), {activities} activities, {people} people, {networks} networks',
  'delivery.unreachable.not_in_workspace': 'The person is not in the workspace or organisation.',
  'delivery.unreachable.not_installed': 'The app is not installed for the person or in the channel.',
  'delivery.unreachable.blocked': 'The person has blocked the app.',
  'delivery.unreachable.channel_archived': 'The channel is archived.',
  'delivery.unreachable.not_found': 'The channel or person no longer exists.',
  'delivery.unreachable.rejected': 'The platform did not accept the message.',
  'delivery.unreachable.not_supported': 'The platform has no such place (an App Home exists only in Slack).',
  'delivery.unreachable.gaveUp': 'Gave up after several attempts with temporary errors.',
  'doctor.outbox':
    'Deliveries: {interactive} answers and {bulk} bulk messages waiting, {failed} failed for good',
  'doctor.oldestDue': 'The longest-waiting item was due {at}',
  'doctor.failedRecipient': '{recipient}: {reason} ({count}, latest {at})',
  'doctor.allGood': 'All good.',
  'doctor.needsAttention': 'Something needs attention – see ✗ above.',
  'teams.package.noClientId':
    'TEAMS_CLIENT_ID is missing. Set the app id from Azure (and TEAMS_CLIENT_SECRET) and run again: TEAMS_CLIENT_ID=… npm run package:teams',
  'teams.package.written':
    'The Teams package is written: {file}. Upload it in the Teams admin center (Teams apps → Manage apps → Upload).',
};
