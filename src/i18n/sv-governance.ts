/** Swedish: the audit log, a person's data, and who may do what (authorisation refusals). */
export const svGovernance = {
  'cli.help.audit': 'visa granskningsloggen: avstämningar och administrativa ändringar',
  'cli.help.auditActivity': 'bara poster om aktiviteten med detta id',
  'cli.help.auditPerson': 'bara poster av eller om personen med denna e-postadress',
  'cli.help.auditSince': 'bara poster från och med detta datum (ÅÅÅÅ-MM-DD)',
  'cli.help.auditFormat': 'text eller json',
  'cli.help.person': 'en persons uppgifter: exportera eller radera',
  'cli.help.personExport': 'skriv ut allt delmal har om personen, som JSON',
  'cli.help.personDelete': 'radera personens uppgifter enligt gallringsreglerna',
  'cli.help.personEmail': 'personens e-postadress',
  'cli.help.personMode':
    'pseudonymise (texten behålls, författaren ersätts med en pseudonym) eller erase (även texten töms)',
  'cli.audit.none': 'Inga poster i granskningsloggen.',
  'cli.audit.line': '{at} · {action} · {who} · {platform}{subject}{activity}{fields} · begäran {request}',
  'cli.audit.operator': 'operatör {name}',
  'cli.audit.system': 'delmal',
  'cli.audit.removedPerson': 'borttagen person ({id})',
  'cli.audit.sinceInvalid': '--since "{value}" är inget datum. Skriv t.ex. --since 2026-11-01.',
  'cli.person.emailInvalid':
    '"{value}" är ingen e-postadress. Skriv t.ex. delmal person export anna@example.org.',
  'cli.person.notFound': 'delmal har inga uppgifter om {email}.',
  'cli.person.dryRun': 'Torrkörning – ingenting har ändrats. Så här skulle {email} raderas ({mode}):',
  'cli.person.deleted': '{email} är raderad ({mode}). Det här gjordes:',
  'cli.person.mode.pseudonymise': 'pseudonymisering: texten finns kvar, författaren heter nu "{pseudonym}"',
  'cli.person.mode.erase': 'radering: texten är tömd och författaren heter nu "{pseudonym}"',
  'cli.person.counts':
    '  {checkIns} avstämningar och {versions} tidigare versioner har fått pseudonymen; {texts} texter tömda',
  'cli.person.chat':
    '  {identities} chattidentiteter och {dms} direktmeddelandekanaler borttagna; {away} frånvaroperioder och {prompts} avstämningsfrågor borttagna',
  'cli.person.outbox':
    '  {removed} utskick till personen borttagna (varav {cancelled} väntande, som nu inte skickas); namnet ersatt i {scrubbed} andra lagrade meddelanden',
  'cli.person.catalog':
    'Obs! Personen finns kvar i katalogfilen, som planadministratören äger: ta bort {email} där (ägare av {owner}; ordförande i {chair}; medlem i {member}). Annars läggs personen till igen vid nästa import, utan historik.',
  'cli.person.catalogNone': 'Personen hade inga roller i katalogen.',
  'cli.person.dryRunHint': 'Kör samma kommando utan --dry-run för att radera.',
  'authz.denied.admin':
    'Det här kan bara planadministratörer göra (admin: true i katalogen). Kontakta Område Välfärd och folkhälsa om du behöver det.',
} as const;
