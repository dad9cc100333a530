/** Swedish messages for the thesaurus and for questions with an intent (who, how, which, what changed). */
export const svAnswers = {
  'thesaurus.expected.words':
    'förväntade en lista med minst två ord eller uttryck, t.ex. [missbruk, beroende].',
  'thesaurus.expected.groups': 'förväntade en lista med grupper (id och words).',
  'thesaurus.duplicateId': 'gruppen "{value}" finns redan tidigare i filen. Varje grupp behöver ett eget id.',
  'search.goalTitle': '{term} {number}: {title}',
  'search.olderGoalTitle': '{term} {number} ({plan}): {title}',
  'search.noteWhere': 'avstämning {date}',
  'playground.welcome.title': 'Fråga om planen med egna ord',
  'playground.welcome.text':
    'Välj vem du är till vänster och skriv en fråga nedan – eller börja med ett av exemplen. Boten svarar från planen och de senaste avstämningarna.',
  'playground.welcome.channel':
    'I en nätverkskanal svarar boten när du tilltalar den: /delmal eller @delmal först. Exemplen gör det åt dig.',
  'playground.example.goal': 'delmal 5',
  'playground.example.search': 'vem jobbar med ensamhet bland äldre?',
  'playground.example.owner': 'vem äger CROSS?',
  'playground.example.progress': 'hur går det för delmål 7?',
  'playground.example.status': 'vilka aktiviteter är pausade?',
  'playground.example.changes': 'vad har ändrats sedan förra veckan?',
  'cmd.intent.summary':
    'frågor med egna ord: vem äger, hur går det, vilka är pausade, vad har ändrats sedan …',
  'intent.none': 'Inga aktiviteter just nu.',
  'intent.owner.heading': 'Ansvariga för {subject}',
  'intent.owner.searchHeading': 'Vem arbetar med "{subject}"',
  'intent.progress.heading': 'Så går det för {subject}',
  'intent.progress.rollUp': 'Samlad status',
  'intent.progress.checkedIn': 'Aktiviteter med avstämning',
  'intent.progress.note': '{author}, {date}: {note}',
  'intent.status.heading': 'Aktiviteter med status {status}',
  'intent.status.none': 'Inga aktiviteter har status {status} just nu.',
  'intent.status.ongoing': 'Aktiviteter som pågår',
  'intent.changes.heading': 'Ändrat sedan {date}',
  'intent.changes.none': 'Inga avstämningar sedan {date}.',
  'intent.changes.detail': 'avstämd av {author}, {date}',
  'intent.level.heading': 'Aktiviteter på insatsnivån {level}',
  'intent.group.heading': 'Aktiviteter för {group}',
  'intent.group.none': 'Jag hittade inga aktiviteter för {group}.',
} as const;
