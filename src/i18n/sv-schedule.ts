/** Swedish: schedules in the catalog file, `delmal schedule preview`, and being away. */
export const svSchedule = {
  'catalog.kind.schedule': 'schema',
  'catalog.expected.time':
    'förväntade ett klockslag som "09:00" (24-timmarsklocka, inom citattecken), fick "{value}".',
  'catalog.expected.cadence':
    '"{value}" är ingen tillåten intervall. Välj weekly, every_n_weeks, monthly_nth_weekday eller quarterly.',
  'catalog.expected.weekday':
    '"{value}" är ingen veckodag. Skriv monday, tuesday, wednesday, thursday, friday, saturday eller sunday.',
  'catalog.expected.weeks': 'förväntade antal veckor mellan avstämningarna, 2–12, fick "{value}".',
  'catalog.expected.date': 'förväntade ett datum som 2026-01-13, fick "{value}".',
  'catalog.expected.nth': 'förväntade vilken veckodag i månaden: 1, 2, 3, 4 eller last, fick "{value}".',
  'catalog.expected.monthInQuarter':
    'förväntade månad i kvartalet: 1 (jan/apr/jul/okt), 2 eller 3, fick "{value}".',
  'catalog.expected.dayOfMonth': 'förväntade en dag i månaden, 1–31, fick "{value}".',
  'catalog.expected.timeZone':
    '"{value}" är ingen känd tidszon. Använd ett IANA-namn, t.ex. Europe/Stockholm.',
  'catalog.expected.summerPause':
    'förväntade { fromWeek: 28, toWeek: 31 } (veckonummer) eller false för inget sommaruppehåll.',
  'catalog.expected.quietHours':
    'förväntade { from: "17:00", until: "08:00" } eller false för inga tysta timmar.',
  'catalog.schedule.scope':
    'ett schema gäller precis ett av plan, network eller activity – ange ett av dem med id:t det gäller.',
  'catalog.schedule.notForCadence':
    'fältet används inte av den här intervallen. weekly: weekday · every_n_weeks: weeks, anchor · monthly_nth_weekday: nth, weekday · quarterly: monthInQuarter och antingen day eller nth + weekday.',
  'catalog.schedule.dayOrWeekday':
    'ange antingen day (dag i månaden) eller nth + weekday för ett kvartalsschema, inte båda.',
  'catalog.schedule.twoForScope':
    '"{value}" har redan ett aktivt schema ({other}). Två aktiva scheman skulle fråga samma personer två gånger – sätt active: false på det ena.',
  'cli.help.schedule': 'schemalagda avstämningar',
  'cli.help.schedulePreview': 'visa kommande avstämningsfrågor, påminnelser och dagar som hoppas över',
  'cli.help.from': 'första dagen att visa (ÅÅÅÅ-MM-DD; i dag om den saknas)',
  'cli.help.weeks': 'antal veckor att visa (1–104)',
  'cli.schedule.badDate': '--from "{value}" är inget datum. Skriv t.ex. --from 2027-01-04.',
  'cli.schedule.badWeeks': '--weeks "{value}" måste vara ett heltal mellan 1 och 104.',
  'cli.schedule.heading': 'Avstämningar {from} – {to}',
  'cli.schedule.none': 'Inga aktiva scheman. Lägg till ett under schedules: i katalogfilen.',
  'cli.schedule.round':
    '{date} kl. {time} ({zone}) · schema {schedule} · {owners} {owners|person|personer} tillfrågas',
  'cli.schedule.moved': '  flyttad från {slot}: {why}',
  'cli.schedule.prompt': '  {owner} <{email}>: {activities}',
  'cli.schedule.away': '  {owner} <{email}>: ingen fråga – borta till och med {until} ({activities})',
  'cli.schedule.noOwner': '  utan ansvarig, ingen att fråga: {activities}',
  'cli.schedule.reminder': '  påminnelse {date} kl. {time} till den som inte har svarat',
  'cli.schedule.noReminder.summer': '  ingen påminnelse: sommaruppehåll',
  'cli.schedule.noReminder.next_round': '  ingen påminnelse: nästa avstämning kommer först',
  'cli.schedule.skipped': '{date} · schema {schedule} · hoppas över: {why}',
  'cli.schedule.why.holiday': '{name}',
  'cli.schedule.why.bridge': 'klämdag ({name})',
  'cli.schedule.why.weekend': 'helg',
  'cli.schedule.why.summer': 'sommaruppehåll (vecka {from}–{to})',
  'cli.schedule.summary':
    '{rounds} {rounds|avstämning|avstämningar}, {prompts} {prompts|fråga|frågor}, {skipped} överhoppade',
  'cmd.away.summary': 'markera att du är borta till ett datum – inga avstämningsfrågor under tiden',
  'cmd.back.summary': 'du är tillbaka: avstämningsfrågor som vanligt igen',
  'arg.date': 'datum',
  'arg.awayNote': 'anteckning',
  'arg.date.missing': 'ange sista dagen du är borta, t.ex. 2027-08-10, 10 augusti eller 10/8.',
  'away.badDate':
    'Jag förstår inte datumet "{value}". Skriv t.ex. delmal borta 2027-08-10, delmal borta 10 augusti eller delmal borta 10/8.',
  'away.past': '{date} har redan varit. Ange den sista dagen du är borta – i dag eller senare.',
  'away.tooFar': 'Du kan markera dig som borta högst ett år framåt ({date} är längre bort).',
  'away.personalNumber':
    'Anteckningen innehåller ett personnummer eller samordningsnummer. Skriv den utan numret – ingenting har sparats.',
  'away.saved':
    'Du är borta till och med {until}. Du får inga avstämningsfrågor under tiden, och en samlad fråga när du är tillbaka.',
  'away.saved.note': 'Anteckning: {note}',
  'away.saved.hint': 'Kommer du tillbaka tidigare? Skriv delmal tillbaka.',
  'away.noEmail': 'Jag vet inte vem du är. I Slack och Teams känner jag igen dig på din e-postadress.',
  'away.unknownPerson':
    'Jag hittar ingen person med adressen {email} i katalogen, så jag kan inte spara din frånvaro. Be planadministratören lägga till dig.',
  'away.unavailable': 'Frånvaro kan inte sparas härifrån.',
  'back.done': 'Välkommen tillbaka! Du får avstämningsfrågor som vanligt igen.',
  'back.notAway': 'Du är inte markerad som borta, så inget ändrades.',
  'mine.away':
    'Du är borta till och med {until}: inga avstämningsfrågor. Skriv delmal tillbaka när du är tillbaka.',
} as const;
