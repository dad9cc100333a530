/** Swedish: configuration, catalog files, the command line and doctor — what operators read. */
export const svAdmin = {
  'config.heading': 'delmal kan inte starta: konfigurationen behöver rättas.',
  'config.port.invalid':
    'PORT är "{value}" men måste vara ett heltal mellan 1 och 65535. Exempel: PORT=3978 (standard om variabeln saknas).',
  'config.databaseUrl.scheme':
    'DATABASE_URL "{value}" har en databastyp som delmal inte stöder. Använd en sökväg till en SQLite-fil (t.ex. ./data/delmal.sqlite) eller en PostgreSQL-adress som börjar med postgres://.',
  'config.databaseUrl.postgresMalformed':
    'DATABASE_URL "{value}" är ingen giltig PostgreSQL-adress. Formen är postgres://användare@värd:5432/databas.',
  'config.databaseUrl.postgresHost':
    'DATABASE_URL "{value}" saknar värdnamn. Formen är postgres://användare@värd:5432/databas.',
  'config.databaseUrl.postgresDatabase':
    'DATABASE_URL "{value}" saknar databasnamn. Lägg till det sist, t.ex. postgres://delmal@127.0.0.1:5432/delmal.',
  'config.databaseUrl.directory':
    'DATABASE_URL "{value}" pekar på en mapp. Ange en fil, t.ex. ./data/delmal.sqlite.',
  'config.locale.invalid': 'DELMAL_LOCALE är "{value}" men måste vara en av: {allowed}.',
  'config.timezone.invalid':
    'DELMAL_TIMEZONE är "{value}", vilket inte är en känd tidszon. Använd ett IANA-namn, t.ex. Europe/Stockholm.',
  'config.logLevel.invalid': 'LOG_LEVEL är "{value}" men måste vara en av: {allowed}.',
  'config.lease.invalid':
    'DELMAL_LEASE_SECONDS är "{value}" men måste vara ett heltal mellan 2 och 3600 (sekunder). Standard är 60.',
  'config.metricsToken.short':
    'DELMAL_METRICS_TOKEN är för kort: använd minst 16 slumpmässiga tecken, t.ex. från `openssl rand -hex 24`.',
  'config.env.invalid': 'DELMAL_ENV är "{value}" men måste vara en av: {allowed}.',
  'config.env.productionWithoutPlatform':
    'DELMAL_ENV=production kräver att Slack eller Teams är konfigurerat (SLACK_BOT_TOKEN eller TEAMS_CLIENT_ID). Sätt uppgifterna, eller kör lokalt med DELMAL_ENV=local.',
  'config.slack.missingBotToken':
    '{variable} är satt men SLACK_BOT_TOKEN saknas. Sätt SLACK_BOT_TOKEN (xoxb-…) eller ta bort {variable}.',
  'config.slack.botTokenPrefix':
    'SLACK_BOT_TOKEN måste vara en bot-token som börjar med xoxb-. Du hittar den under OAuth & Permissions i Slack-appens inställningar.',
  'config.slack.appTokenPrefix':
    'SLACK_APP_TOKEN måste vara en app-token som börjar med xapp- (Basic Information → App-Level Tokens, behörighet connections:write).',
  'config.slack.missingSigningSecret':
    'SLACK_SIGNING_SECRET saknas. Den behövs för att verifiera anrop från Slack över HTTP (Basic Information → Signing Secret). Sätt den, eller använd Socket Mode med SLACK_APP_TOKEN.',
  'config.slack.apiUrl':
    'SLACK_API_URL är "{value}" men måste vara en http(s)-adress, t.ex. https://slack.com/api/.',
  'config.teams.missingClientId':
    '{variable} är satt men TEAMS_CLIENT_ID saknas. Sätt TEAMS_CLIENT_ID (appens id i Azure) eller ta bort {variable}.',
  'config.teams.guid':
    '{variable} är "{value}" men måste vara ett GUID, t.ex. 00000000-0000-0000-0000-000000000000.',
  'config.teams.missingSecret':
    'TEAMS_CLIENT_SECRET saknas. Skapa en klienthemlighet för appen i Azure och sätt den, eller ta bort TEAMS_CLIENT_ID.',
  'catalog.missing': 'värdet saknas men krävs här.',
  'catalog.unknownField':
    'fältet "{value}" finns inte i katalogformatet. Kontrollera stavningen (fältnamn skrivs som i exporten, t.ex. reportedStatus).',
  'catalog.expected.id':
    '"{value}" är inget giltigt id. Ett id skrivs med små bokstäver a–z, siffror och bindestreck, t.ex. sv-delmal-5.',
  'catalog.expected.idList': 'förväntade en lista med id:n, t.ex. [sv-delmal-3, sv-delmal-5].',
  'catalog.expected.text': 'förväntade en text, fick "{value}".',
  'catalog.expected.number': 'förväntade ett heltal (1, 2, 3 …), fick "{value}".',
  'catalog.expected.year': 'förväntade ett årtal, t.ex. 2019, fick "{value}".',
  'catalog.expected.period':
    'förväntade år eller år och månad, t.ex. "2021" eller "2021-09", fick "{value}".',
  'catalog.expected.email': '"{value}" är ingen giltig e-postadress.',
  'catalog.expected.emailList': 'förväntade en lista med e-postadresser.',
  'catalog.expected.boolean': 'förväntade true eller false, fick "{value}".',
  'catalog.expected.code':
    '"{value}" är ingen giltig statuskod. Använd små bokstäver och understreck, t.ex. on_track.',
  'catalog.expected.colour': '"{value}" är ingen tillåten färg. Välj green, yellow, red, grey eller blue.',
  'catalog.expected.planKind':
    '"{value}" är ingen tillåten plantyp. Välj action_plan, programme eller roadmap.',
  'catalog.expected.reportedStatus':
    '"{value}" är ingen tillåten status. Välj planned, ongoing, paused eller finished.',
  'catalog.expected.reach':
    '"{value}" är inget sätt att nå en person. Välj chat, email eller chat-then-email.',
  'catalog.expected.locale': '"{value}" är inget språk som delmal talar. Välj sv eller en.',
  'catalog.expected.format':
    'filen har format "{value}", men delmal läser format 1. Skriv format: 1 överst i filen.',
  'catalog.expected.other': 'värdet "{value}" godtas inte här ({detail}).',
  'catalog.reference.unknown':
    '"{value}" finns inte. Förväntade id för ett {kind} som finns i filen eller redan i databasen.',
  'catalog.duplicate':
    '"{value}" förekommer mer än en gång (först vid {first}). Varje id får bara finnas en gång.',
  'catalog.goal.numberTaken':
    'nummer {value} används redan av {other} i samma plan. Varje delmål behöver ett eget nummer.',
  'catalog.plan.severalCurrent':
    'planen "{value}" är markerad som aktuell, men en annan plan i filen är det redan. Bara en plan kan vara aktuell.',
  'catalog.plan.noneCurrent':
    'ingen plan är markerad som aktuell. Sätt current: true på den plan som /delmal ska svara från.',
  'catalog.file.extension': 'filtypen "{value}" känns inte igen. Använd .yaml, .yml eller .csv.',
  'catalog.file.yamlSyntax': 'filen är ingen giltig YAML: {detail}',
  'catalog.file.csvSyntax': 'filen är ingen giltig CSV: {detail}',
  'catalog.file.csvHeader':
    'rubrikraden har okända kolumner ({value}) eller saknar id och name. Tillåtna kolumner: {expected}.',
  'catalog.file.notAMapping':
    'filen ska börja med fält som format: 1, plans: och activities:, inte med en lista eller en text.',
  'catalog.kind.rus': 'utvecklingsstrategi',
  'catalog.kind.overallGoal': 'övergripande mål',
  'catalog.kind.effectGoal': 'effektmål',
  'catalog.kind.interventionLevel': 'insatsnivå',
  'catalog.kind.plan': 'plan',
  'catalog.kind.focusArea': 'insatsområde',
  'catalog.kind.commonFocusArea': 'gemensamt insatsområde',
  'catalog.kind.planFocusArea': 'insatsområde i samma plan',
  'catalog.kind.goal': 'delmål',
  'catalog.kind.followUp': 'uppföljning',
  'catalog.kind.activityArea': 'aktivitetsområde',
  'catalog.kind.activity': 'aktivitet',
  'catalog.kind.person': 'person',
  'catalog.kind.network': 'nätverk',
  'cli.help.program': 'delmal – uppföljning av Handlingsplan Social välfärd i Slack och Microsoft Teams',
  'cli.help.serve': 'starta boten (Slack, Teams och den lokala testmiljön)',
  'cli.help.migrate': 'uppdatera databasens struktur till senaste versionen',
  'cli.help.doctor': 'visa konfigurationen och kontrollera databasen',
  'cli.help.catalog': 'importera och exportera plankatalogen',
  'cli.help.import': 'läs in en katalogfil (YAML eller CSV) – allt eller inget',
  'cli.help.importFile': 'katalogfil (.yaml, .yml eller .csv)',
  'cli.help.dryRun': 'visa vad som skulle ändras utan att ändra något',
  'cli.help.export': 'skriv ut katalogen',
  'cli.help.format': 'format: yaml eller csv',
  'cli.help.formatInvalid': 'välj ett av: {allowed}',
  'cli.help.ask': 'ställ en fråga till boten som i Slack eller Teams och skriv ut svaret',
  'cli.help.askText': 'det du skulle skriva i chatten, t.ex. "/delmal 5"',
  'cli.help.askAs': 'fråga som personen med den här e-postadressen',
  'cli.help.askFormat': 'text, json (neutral modell), slack (Block Kit) eller teams (Adaptive Card)',
  'cli.ask.slackLimits': 'Svaret bryter mot Slacks gränser: {problems}',
  'cli.help.usage': 'Användning:',
  'cli.help.options': 'Flaggor:',
  'cli.help.commands': 'Kommandon:',
  'cli.help.arguments': 'Argument:',
  'cli.help.help': 'visa hjälp för kommandot',
  'cli.help.default': 'standard: {value}',
  'cli.value.options': 'flaggor',
  'cli.value.command': 'kommando',
  'cli.value.date': 'datum',
  'cli.value.file': 'fil',
  'cli.value.format': 'format',
  'cli.value.count': 'antal',
  'cli.value.time': 'tid',
  'cli.value.id': 'id',
  'cli.value.email': 'e-post',
  'cli.value.mode': 'sätt',
  'cli.value.text': 'text',
  'cli.value.network': 'nätverk',
  'cli.error.unknownCommand': 'Kommandot "{value}" finns inte. Skriv delmal --help för att se kommandona.',
  'cli.error.unknownOption':
    'Flaggan "{value}" finns inte för det här kommandot. Lägg till --help för att se flaggorna.',
  'cli.error.missingArgument':
    'Argumentet "{value}" saknas. Lägg till --help efter kommandot för att se hur det skrivs.',
  'cli.error.optionMissingArgument': 'Flaggan "{value}" behöver ett värde.',
  'cli.error.invalidArgument': 'Värdet "{value}" för {option} godtas inte: {reason}.',
  'cli.error.excessArguments':
    'Kommandot fick fler argument än det tar emot. Lägg till --help efter kommandot för att se hur det skrivs.',
  'cli.error.usage': 'Kommandot kunde inte tolkas. Skriv delmal --help.',
  'cli.seeded': 'Databasen var tom. Plankatalogen från db/catalog/ har lästs in ({database}).',
  'cli.databaseUnavailable':
    'Databasen svarar inte ({database}): {detail}. Kontrollera DATABASE_URL och att databasservern är igång.',
  'cli.catalog.unreadable': 'Filen {file} gick inte att läsa: {detail}',
  'cli.catalog.rejected':
    'Katalogfilen lästes inte in – {count} {count|fel|fel} hittades och ingenting har ändrats i databasen:',
  'cli.catalog.column': '(kolumn {column})',
  'cli.catalog.noChanges':
    '{file}: inga ändringar – databasen har redan samma innehåll ({unchanged} poster).',
  'cli.catalog.wouldChange': '{file}: torrkörning – {count} {count|post|poster} skulle ändras:',
  'cli.catalog.changed': '{file}: {count} {count|post|poster} ändrades:',
  'cli.catalog.added': 'ny {kind} {id} "{label}"',
  'cli.catalog.updated': 'ändrad {kind} {id} "{label}"',
  'cli.catalog.summary':
    '{unchanged} oförändrade. {kept} finns bara i databasen och behålls (import tar aldrig bort något).',
  'cli.catalog.dryRunHint':
    'Inget har sparats. Kör samma kommando utan --dry-run för att genomföra ändringarna.',
  'cli.migrate.upToDate': 'Databasen är redan uppdaterad ({database}).',
  'cli.migrate.applied': '{count} {count|migrering|migreringar} genomförda i {database}: {names}',
  'cli.serve.port': 'Porten {port} går inte att använda: {detail}. Välj en annan med PORT=…',
  'cli.serve.slackRejected':
    'Slack avvisade SLACK_BOT_TOKEN ({detail}). Kontrollera att token hör till appen och att appen är installerad i arbetsytan (OAuth & Permissions).',
  'cli.node.tooOld':
    'delmal behöver Node ≥ {required}, du har {actual}. Installera Node 22: `nvm install` (läser .nvmrc) eller https://nodejs.org/en/download.',
  'cli.serve.local': 'Ingen Slack- eller Teams-konfiguration: delmal kör lokalt på http://localhost:{port}/',
  'doctor.heading': 'delmal doctor',
  'doctor.configuration': 'Konfiguration (hemligheter maskerade):',
  'doctor.derived': 'härledd: inga plattformsuppgifter satta',
  'doctor.unset': '(inte satt)',
  'doctor.platforms': 'Plattformar:',
  'doctor.slackHttp': 'Slack via HTTP på POST /slack/events',
  'doctor.slackSocket': 'Slack via Socket Mode (ingen publik adress behövs)',
  'doctor.slackOff': 'Slack är inte konfigurerat (SLACK_BOT_TOKEN saknas)',
  'doctor.teamsOn': 'Microsoft Teams på POST /api/messages (klient-id satt, tenant {tenant})',
  'doctor.anyTenant': 'alla',
  'doctor.teamsOff': 'Microsoft Teams är inte konfigurerat (TEAMS_CLIENT_ID saknas)',
  'doctor.teamsLocal': 'Microsoft Teams är inte konfigurerat; lokalt tas oautentiserade anrop emot för test',
  'doctor.playground': 'Lokal testmiljö på http://localhost:{port}/',
  'doctor.database': 'Databas:',
  'doctor.databaseOk': 'svarar: {database}',
  'doctor.pending':
    '{count} {count|migrering|migreringar} väntar. Kör delmal migrate (eller starta boten, den migrerar själv).',
  'doctor.contents':
    '{plans} planer, {goals} delmål och målbilder, {activities} aktiviteter, {people} personer, {networks} nätverk',
  'delivery.unreachable.not_in_workspace': 'Personen finns inte i arbetsytan eller organisationen.',
  'delivery.unreachable.not_installed': 'Appen är inte installerad för personen eller i kanalen.',
  'delivery.unreachable.blocked': 'Personen har blockerat appen.',
  'delivery.unreachable.channel_archived': 'Kanalen är arkiverad.',
  'delivery.unreachable.not_found': 'Kanalen eller personen finns inte längre.',
  'delivery.unreachable.rejected': 'Plattformen tog inte emot meddelandet.',
  'delivery.unreachable.not_supported': 'Plattformen har ingen sådan plats (en App Home finns bara i Slack).',
  'delivery.unreachable.gaveUp': 'Gav upp efter flera försök med tillfälliga fel.',
  'doctor.outbox': 'Leveranser: {interactive} svar och {bulk} utskick väntar, {failed} misslyckade för gott',
  'doctor.oldestDue': 'Det som väntat längst skulle ha skickats {at}',
  'doctor.failedRecipient': '{recipient}: {reason} ({count} st, senast {at})',
  'doctor.allGood': 'Allt ser bra ut.',
  'doctor.needsAttention': 'Något behöver åtgärdas – se ✗ ovan.',
  'teams.package.noClientId':
    'TEAMS_CLIENT_ID saknas. Sätt appens id från Azure (och TEAMS_CLIENT_SECRET) och kör igen: TEAMS_CLIENT_ID=… npm run package:teams',
  'teams.package.written':
    'Teams-paketet är skrivet: {file}. Ladda upp det i Teams administrationscenter (Teams-appar → Hantera appar → Ladda upp).',
} as const;
