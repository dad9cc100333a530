/** Swedish: the parts of the annual follow-up document (title page, summary, entries, appendix, PDF). */
export const svReportDocument = {
  'report.status.noCheckIn': 'Ingen avstämning',
  'report.status.ongoing': 'Pågår',
  'report.activity.statusReportedYear': '{status} (enligt uppföljningen {year})',
  'report.activity.statusReportedYearText': '{status} (enligt uppföljningen {year}: {text})',
  'report.organisation': 'Region Örebro län – Område Välfärd och folkhälsa',
  'report.titlePage.period': 'Uppföljning för perioden {from} – {to}',
  'report.titlePage.date': 'Datum: {date}',
  'report.titlePage.note':
    'Sammanställd av delmal ur aktivitetsansvarigas avstämningar. Avsnitt märkta ”Skrivs av redaktören” fylls i innan rapporten publiceras.',
  'report.toc.heading': 'Innehåll',
  'report.editorLabel': 'Skrivs av redaktören',
  'report.intro.heading': 'Inledning',
  'report.intro.editor':
    'Vad rapporten omfattar, vilka handlingsplaner den följer upp och vem den riktar sig till.',
  'report.context.heading': 'Årets sammanhang',
  'report.context.editor':
    'Vad som präglade året – omvärld, ekonomi, organisation – och hur det påverkade arbetet.',
  'report.development.heading': 'Några utvecklingsområden',
  'report.development.editor': 'Vad som behöver utvecklas framåt: prioriteringar, samverkan och resurser.',
  'report.summary.heading': 'Sammanfattning',
  'report.summary.overview':
    'Uppföljningen omfattar {activities} aktiviteter i {areas} gemensamma insatsområden. Under perioden stämdes {reported} av dem av, med sammanlagt {checkIns} {checkIns|avstämning|avstämningar}.',
  'report.summary.statuses': 'Status vid periodens slut: {counts}.',
  'report.summary.changed': 'Under perioden ändrade {count} {count|aktivitet|aktiviteter} status: {list}.',
  'report.summary.noneChanged': 'Ingen aktivitet ändrade status under perioden.',
  'report.summary.support': 'Behöver stöd eller har risk eller hinder vid periodens slut: {list}.',
  'report.summary.noneSupport':
    'Ingen aktivitet bad om stöd eller hade risk eller hinder vid periodens slut.',
  'report.summary.silent':
    'Har tystnat – stämde av tidigare men inte under periodens sista {days} dagar: {list}.',
  'report.summary.unreported':
    '{count} {count|aktivitet|aktiviteter} har ingen avstämning under perioden. De listas samlat sist under varje insatsområde.',
  'report.summary.fromReport':
    '{count} {count|aktivitet|aktiviteter} har aldrig stämts av; för dem anges den status uppföljningen {year} gav.',
  'report.summary.more': '{list} och {count} till',
  'report.change.item': '{name} ({to} {date})',
  'report.focusArea.data':
    '{activities} {activities|aktivitet|aktiviteter}, varav {reported} stämdes av under perioden. Vid periodens slut: {counts}. Samlad status: {status}.',
  'report.focusArea.areas': 'Aktivitetsområden: {list}.',
  'report.activity.happened': 'Det här hände',
  'report.activity.olderNotes': '… och {count} {count|äldre anteckning|äldre anteckningar}.',
  'report.activity.changes': 'Statusändringar',
  'report.activity.earlierChanges': '{count} tidigare',
  'report.activity.nextStep': 'Nästa steg',
  'report.activity.reportedBy': 'Rapporterat av',
  'report.activity.reportedByText': '{names} ({count} {count|avstämning|avstämningar})',
  'report.activity.needsSupport': 'Behöver stöd: den senaste avstämningen bad om stöd.',
  'report.unreported.heading': 'Inget rapporterat under perioden',
  'report.unreported.intro': 'Ingen avstämning under perioden. Status är den senast kända.',
  'report.appendix.heading': 'Bilaga: Alla aktiviteter',
  'report.appendix.caption': 'Alla aktiviteter i uppföljningen med status vid periodens slut.',
  'report.appendix.activity': 'Aktivitet',
  'report.appendix.status': 'Status vid periodens slut',
  'report.appendix.last': 'Senaste avstämning',
  'report.appendix.owner': 'Ansvarig',
  'report.appendix.never': 'ingen',
  'report.page': 'Sida',
  'report.pageOf': 'av',
  'report.chart.alt.focusAreas':
    'Liggande staplade staplar, en per insatsområde, som visar antal aktiviteter per status vid periodens slut. {list}.',
  'report.chart.alt.goals':
    'Staplar per månad för varje delmål som visar antal aktiviteter per status vid månadens slut. Vid periodens slut: {list}.',
  'report.chart.alt.area': '{area}: {counts}',
  'report.compare.heading': 'Jämfört med {label}',
  'report.compare.intro':
    '{count} {count|aktivitet|aktiviteter} har en annan status vid periodens slut än vid slutet av {label} ({to}); {unchanged} har samma.',
  'report.compare.item': '{name}: {before} → {after}',
  'cli.help.compareWith': 'jämför med ett tidigare år (ÅÅÅÅ), t.ex. 2025',
  'cli.report.badCompare': '--compare-with "{value}" är inget år. Skriv ett år före perioden, t.ex. 2025.',
  'cli.report.pdfMissing':
    'PDF kräver LibreOffice (kommandot soffice), som inte finns på den här datorn. Installera LibreOffice (t.ex. apt-get install libreoffice-writer-nogui) eller välj --format docx och spara som PDF i Word.',
  'cli.report.pdfFailed': 'LibreOffice kunde inte göra om rapporten till PDF: {detail}',
  'cli.report.summary':
    'Rapporten är skriven: {file} ({pages}{activities} aktiviteter, {checkIns} {checkIns|avstämning|avstämningar} använda, {seconds} s).',
  'cli.report.pages': '{pages} sidor, ',
} as const;
