/** Swedish: e-mail prompts, the answer page, its accessibility statement, and their configuration. */
export const svEmail = {
  'config.email.missingSmtpUrl':
    '{variable} är satt men SMTP_URL saknas. Sätt SMTP_URL=smtp://användare:lösenord@relä.example.se:587 för att slå på e-post, eller ta bort {variable}.',
  'config.email.smtpUrl':
    '{variable} ska vara en smtp://- eller smtps://-adress, t.ex. smtp://relä.example.se:587 (fick "{value}").',
  'config.email.missingFrom':
    'MAIL_FROM saknas: ange avsändaren, t.ex. MAIL_FROM="delmal <delmal@regionorebrolan.se>".',
  'config.email.from':
    '{variable} ska vara en e-postadress, t.ex. "delmal <delmal@regionorebrolan.se>" (fick "{value}").',
  'config.email.publicUrl':
    '{variable} ska vara den publika adressen till delmal med http(s), t.ex. https://delmal.regionorebrolan.se (fick "{value}").',
  'config.email.missingPublicUrl':
    'PUBLIC_URL saknas: svarssidans länkar i e-post behöver delmals publika adress, t.ex. PUBLIC_URL=https://delmal.regionorebrolan.se.',
  'config.email.missingLinkSecret':
    'DELMAL_LINK_SECRET saknas: länkarna i e-post signeras med den. Skapa en med `openssl rand -hex 32`.',
  'config.email.shortLinkSecret':
    '{variable} är för kort: minst 32 tecken. Skapa en med `openssl rand -hex 32`.',
  'config.email.rate':
    '{variable} ska vara ett antal meddelanden per sekund större än 0, t.ex. 10 (fick "{value}").',
  'config.email.dkimIncomplete':
    '{variable} saknas: DKIM behöver DKIM_DOMAIN, DKIM_SELECTOR och DKIM_PRIVATE_KEY tillsammans (eller ingen av dem).',
  'config.email.dkimKey':
    '{variable} ska vara en privat nyckel i PEM-format ("-----BEGIN PRIVATE KEY-----…"); radbrytningar kan skrivas \\n.',
  'email.subject.prompt': 'Avstämning: {names} – svara senast {deadline}',
  'email.subject.reminder': 'Påminnelse: avstämning av {names} – svara senast {deadline}',
  'email.subject.catchUp': 'Avstämning efter frånvaro: {names} – svara senast {deadline}',
  'email.subject.answered': 'Avstämningen är besvarad: {names}',
  'email.subject.digest': 'Veckosammanfattning – {network}, {period}',
  'email.digestFooter':
    'Du får sammanfattningen som ordförande i nätverket, eftersom du har bett om den via e-post. Säg till plan-administratören om du vill sluta få den.',
  'email.answerLink': 'Svara på avstämningen',
  'email.answerHint':
    'Länken är personlig och gäller tills nästa avstämning börjar. Ingen inloggning behövs. Att öppna den ändrar ingenting – svaret sparas först när du skickar det.',
  'email.noLink': 'Svara i Slack eller Teams, eller hör av dig till din processledare.',
  'email.footer':
    'Du får det här meddelandet eftersom du är ansvarig för en aktivitet i Region Örebro läns handlingsplan. Frågor? Kontakta din processledare.',
  'email.test.subject': 'Testmeddelande från delmal',
  'email.test.body': 'Det här är ett testmeddelande från delmal. Om du läser det fungerar e-posten.',
  'answer.title': 'Avstämning – delmal',
  'answer.heading': 'Avstämning',
  'answer.intro':
    'Hej {name}! Välj en status för varje aktivitet. Text är valfri. Svara gärna senast {deadline}.',
  'answer.legend': 'Status för {activity}',
  'answer.note': 'Vad har hänt? (valfritt)',
  'answer.noteHint': 'Skriv om aktiviteten, aldrig om enskilda personer. Personnummer tas inte emot.',
  'answer.nextStep': 'Nästa steg (valfritt)',
  'answer.needsSupport': 'Behöver stöd från nätverket',
  'answer.current': 'Senast rapporterad status: {status}',
  'answer.yourAnswer': 'Ditt svar {time}: {status}. Du kan ändra det fram till nästa avstämning.',
  'answer.otherAnswer': '{name} har svarat {time}: {status}. Ditt svar sparas som kommentar.',
  'answer.submit': 'Skicka svar',
  'answer.submitEdit': 'Spara ändringar',
  'answer.saved': 'Tack! Ditt svar är sparat.',
  'answer.savedEdited': 'Tack! Ditt svar är ändrat (tidigare versioner sparas).',
  'answer.savedLate': 'Svaret kom efter sista svarsdag och är markerat som sent.',
  'answer.errorSummary': 'Svaret kunde inte sparas. Rätta {n|felet|felen} nedan – din text finns kvar.',
  'answer.error.status': 'Välj en status för {activity}.',
  'answer.error.personalNumber':
    'Texten verkar innehålla ett personnummer. Ta bort det – skriv om aktiviteten, aldrig om enskilda personer.',
  'answer.error.length': 'Texten är för lång: högst {max} tecken.',
  'answer.error.notOwner': 'Du är inte längre ansvarig för {activity}. Hör av dig till din processledare.',
  'answer.expired.title': 'Länken har gått ut',
  'answer.expired.text':
    'Den här avstämningen är avslutad, så länken fungerar inte längre. Du får en ny länk när nästa avstämning börjar.',
  'answer.invalid.title': 'Länken fungerar inte',
  'answer.invalid.text':
    'Länken är ofullständig eller har ändrats. Öppna den direkt från e-postmeddelandet, eller kopiera hela adressen.',
  'answer.foreign.title': 'Länken hör inte till dig',
  'answer.foreign.text':
    'Den här länken gäller en annan person eller aktiviteter du inte längre ansvarar för. Använd länken i ditt eget e-postmeddelande.',
  'answer.tooMany.title': 'För många försök',
  'answer.tooMany.text': 'Vänta en minut och försök igen.',
  'answer.method': 'Sidan kan bara visas eller skickas från formuläret.',
  'answer.footer.statement': 'Tillgänglighetsredogörelse',
  'answer.footer.region': 'delmal · Region Örebro län',
  'answer.skip': 'Hoppa till innehållet',
  'statement.title': 'Tillgänglighetsredogörelse – delmal',
  'statement.heading': 'Tillgänglighetsredogörelse för delmals svarssida',
  'statement.intro':
    'Region Örebro län står bakom den här webbsidan. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur svarssidan för avstämningar uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända tillgänglighetsproblem och hur du kan rapportera brister.',
  'statement.status.heading': 'Hur tillgänglig är webbplatsen?',
  'statement.status.text':
    'Svarssidan är helt förenlig med WCAG 2.1 nivå AA. Den fungerar utan JavaScript, med enbart tangentbord, med skärmläsare, vid 200 % förstoring och i 320 pixlar breda fönster.',
  'statement.feedback.heading': 'Vad kan du göra om du inte kan använda sidan?',
  'statement.feedback.text':
    'Om du behöver innehållet på annat sätt, eller upptäcker brister, kontakta din processledare på Område Välfärd och folkhälsa, Region Örebro län. Du kan också svara på avstämningen i Slack eller Teams, eller genom att svara på e-postmeddelandet till din processledare.',
  'statement.supervision.heading': 'Tillsyn',
  'statement.supervision.text':
    'Myndigheten för digital förvaltning (Digg) ansvarar för tillsyn över lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det (digg.se/tdosanmalan).',
  'statement.method.heading': 'Hur vi testat sidan',
  'statement.method.text':
    'Sidan granskas automatiskt med axe-core i Chromium vid varje ändring, och för hand med tangentbord, förstoring och smal skärm. Redogörelsen uppdaterades {date}.',
  'statement.back': 'Tillbaka',
  'mail.cli.sent': 'Relät tog emot meddelandet till {to}: {response} (meddelande-id {id}).',
  'mail.cli.failed': 'Meddelandet till {to} kunde inte skickas: {error}',
  'mail.cli.off':
    'E-post är avstängt: sätt SMTP_URL och MAIL_FROM (se docs/email.md). Lokalt hamnar e-post i lekplatsens inkorg.',
  'mail.cli.badAddress': '"{to}" är ingen e-postadress.',
  'cli.help.mail': 'e-post: skicka ett testmeddelande (delmal mail test ‹adress›)',
  'cli.help.mailTest': 'skicka ett testmeddelande till ‹adress› och visa vad reläet svarade',
  'doctor.email': 'E-post:',
  'doctor.email.off': '  av (ingen SMTP_URL) – ägare med reach email/chat-then-email kan inte nås',
  'doctor.email.on':
    '  på: relä {relay}, avsändare {from}, högst {rate}/s, DKIM {dkim}, länkar till {publicUrl}',
  'doctor.email.local': '  lokalt: e-post visas i lekplatsens inkorg (/playground/mail)',
  'playground.mail.title': 'E-post – delmal lekplats',
  'playground.mail.heading': 'E-post',
  'playground.mail.intro':
    'Det här hade skickats med e-post. Länkarna fungerar: de öppnar svarssidan som den ansvariga ser.',
  'playground.mail.empty':
    'Inga e-postmeddelanden ännu. Ange "reach: email" för en person i katalogen och kör en avstämning.',
  'playground.mail.to': 'Till',
  'playground.mail.back': 'Till lekplatsen',
  'doctor.reachedBy': 'Avstämningsfrågor senaste 14 dagarna nådde ägarna via: {list}',
} as const;
