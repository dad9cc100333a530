/** Swedish: scheduled check-in prompts, answers and edits. */
export const svPrompts = {
  'prompt.heading.prompt': 'Dags för avstämning',
  'prompt.heading.reminder': 'Påminnelse: avstämning',
  'prompt.heading.catchUp': 'Välkommen tillbaka – avstämning',
  'prompt.heading.week': '{title} · vecka {week}',
  'prompt.part': 'Del {index} av {count} · aktivitet {first}–{last} av {total}',
  'prompt.part.short': 'del {index} av {count}',
  'prompt.intro.prompt':
    'Hur går det? Du har {n} {n|aktivitet|aktiviteter} att stämma av. Ett tryck på en status räcker; välj Lägg till text om du vill skriva något. Svara gärna senast {deadline}.',
  'prompt.intro.reminder':
    'Vi har inte fått någon avstämning för {n} {n|aktivitet|aktiviteter} ännu. Ett tryck räcker – svara gärna senast {deadline}. Det här är den enda påminnelsen.',
  'prompt.intro.catchUp':
    'Medan du var borta väntade {n} {n|aktivitet|aktiviteter} på avstämning. Svara när du hinner, gärna senast {deadline}.',
  'prompt.allAnswered':
    'Tack! {n|Aktiviteten i den här avstämningen är besvarad|Alla aktiviteter i den här avstämningen är besvarade}.',
  'prompt.current': 'Senast: {status}',
  'prompt.currentAt': 'Senast: {status} ({date})',
  'prompt.answered.byYou': '✓ Du svarade {time}: {status}',
  'prompt.answered.byOther': '✓ {name} svarade {time}: {status}',
  'prompt.answered.late': '(efter sista svarsdag)',
  'prompt.edit': 'Ändra svaret',
  'prompt.comment': 'Lägg till kommentar',
  'prompt.comment.send': 'Skicka kommentar',
  'prompt.addText': 'Lägg till text',
  'prompt.form.note': 'Vad har hänt? (valfritt)',
  'prompt.form.notePlaceholder': 'Om aktiviteten, aldrig om enskilda personer',
  'prompt.form.nextStep': 'Nästa steg (valfritt)',
  'prompt.form.needsSupport': 'Behöver stöd',
  'prompt.form.comment': 'Kommentar',
  'prompt.footer':
    'Svara gärna senast {deadline} – sena svar tas också emot. Du kan ändra ditt svar fram till nästa avstämning.',
  'checkin.saved.late': 'Svaret kom efter sista svarsdag och är markerat som sent.',
  'checkin.saved.comment':
    'Omgången var redan besvarad av en annan ansvarig; ditt svar sparas som kommentar.',
  'checkin.saved.nextStep': 'Nästa steg: {text}',
  'checkin.saved.support': 'Du har bett om stöd – det syns i nätverkets sammanställning.',
  'checkin.error.nextStepLength': 'nästa steg får vara högst {max} tecken',
  'checkin.error.nothingToEdit': 'det finns ingen avstämning av {activity} att ändra ännu',
  'checkin.error.editClosed':
    'avstämningen kan inte längre ändras eftersom en ny avstämningsomgång har börjat – stäm av igen i stället',
  'checkin.edit.heading': 'Ändra avstämning: {activity}',
  'checkin.edit.text': 'Välj status och ändra texten vid behov. Alla versioner sparas.',
  'checkin.edit.saved': 'Ändrat {time} — {status} (version {version}).',
  'checkin.edit.unchanged': 'Inget ändrades – avstämningen säger redan så.',
  'cmd.edit.summary': 'ändra den senaste avstämningen av en aktivitet (fram till nästa omgång)',
} as const;
