import type { svGovernance } from './sv-governance.js';

/** English for the audit log, a person's data and authorisation refusals. */
export const enGovernance: Readonly<Record<keyof typeof svGovernance, string>> = {
  'cli.help.audit': 'show the audit log: check-ins and administrative changes',
  'cli.help.auditActivity': 'only entries about the activity with this id',
  'cli.help.auditPerson': 'only entries by or about the person with this e-mail',
  'cli.help.auditSince': 'only entries on or after this date (YYYY-MM-DD)',
  'cli.help.auditFormat': 'text or json',
  'cli.help.person': "a person's data: export or delete",
  'cli.help.personExport': 'print everything delmal holds about the person, as JSON',
  'cli.help.personDelete': "delete the person's data by the retention rules",
  'cli.help.personEmail': "the person's e-mail address",
  'cli.help.personMode':
    'pseudonymise (the text stays, the author becomes a pseudonym) or erase (the text is emptied too)',
  'cli.audit.none': 'No entries in the audit log.',
  'cli.audit.line': '{at} · {action} · {who} · {platform}{subject}{activity}{fields} · request {request}',
  'cli.audit.operator': 'operator {name}',
  'cli.audit.system': 'delmal',
  'cli.audit.removedPerson': 'deleted person ({id})',
  'cli.audit.sinceInvalid': '--since "{value}" is not a date. Write e.g. --since 2026-11-01.',
  'cli.person.emailInvalid':
    '"{value}" is not an e-mail address. Write e.g. delmal person export anna@example.org.',
  'cli.person.notFound': 'delmal holds nothing about {email}.',
  'cli.person.dryRun': 'Dry run – nothing was changed. This is how {email} would be deleted ({mode}):',
  'cli.person.deleted': '{email} is deleted ({mode}). This was done:',
  'cli.person.mode.pseudonymise': 'pseudonymised: the text stays, the author is now "{pseudonym}"',
  'cli.person.mode.erase': 'erased: the text is emptied and the author is now "{pseudonym}"',
  'cli.person.counts':
    '  {checkIns} check-ins and {versions} earlier versions now carry the pseudonym; {texts} texts emptied',
  'cli.person.chat':
    '  {identities} chat identities and {dms} direct-message conversations removed; {away} absences and {prompts} check-in prompts removed',
  'cli.person.outbox':
    '  {removed} deliveries to the person removed ({cancelled} of them pending, now never sent); the name replaced in {scrubbed} other stored messages',
  'cli.person.catalog':
    'Note: the person is still in the catalog file, which the plan administrator owns: remove {email} there (owner of {owner}; chair of {chair}; member of {member}). Otherwise the next import adds them again, without history.',
  'cli.person.catalogNone': 'The person had no roles in the catalog.',
  'cli.person.dryRunHint': 'Run the same command without --dry-run to delete.',
  'authz.denied.admin':
    'Only plan administrators (admin: true in the catalog) can do this. Contact Område Välfärd och folkhälsa if you need it.',
};
