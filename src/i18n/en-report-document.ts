import type { svReportDocument } from './sv-report-document.js';

/** English: the parts of the annual follow-up document (title page, summary, entries, appendix, PDF). */
export const enReportDocument: Readonly<Record<keyof typeof svReportDocument, string>> = {
  'report.status.noCheckIn': 'No check-in',
  'report.status.ongoing': 'Ongoing',
  'report.activity.statusReportedYear': '{status} (according to the {year} follow-up)',
  'report.activity.statusReportedYearText': '{status} (according to the {year} follow-up: {text})',
  'report.organisation': 'Region Örebro län – Welfare and Public Health',
  'report.titlePage.period': 'Follow-up for the period {from} – {to}',
  'report.titlePage.date': 'Date: {date}',
  'report.titlePage.note':
    'Compiled by delmal from the activity owners’ check-ins. Sections marked “Written by the editor” are filled in before publication.',
  'report.toc.heading': 'Contents',
  'report.editorLabel': 'Written by the editor',
  'report.intro.heading': 'Introduction',
  'report.intro.editor': 'What the report covers, which action plans it follows up and who it is for.',
  'report.context.heading': 'The year in context',
  'report.context.editor':
    'What marked the year – world, economy, organisation – and how it affected the work.',
  'report.development.heading': 'Some areas for development',
  'report.development.editor': 'What needs developing next: priorities, cooperation and resources.',
  'report.summary.heading': 'Summary',
  'report.summary.overview':
    'The follow-up covers {activities} activities in {areas} common focus areas. In the period {reported} of them checked in, {checkIns} {checkIns|check-in|check-ins} in all.',
  'report.summary.statuses': 'Status at the end of the period: {counts}.',
  'report.summary.changed': 'In the period {count} {count|activity|activities} changed status: {list}.',
  'report.summary.noneChanged': 'No activity changed status in the period.',
  'report.summary.support': 'Needing support, at risk or blocked at the end of the period: {list}.',
  'report.summary.noneSupport':
    'No activity asked for support or was at risk or blocked at the end of the period.',
  'report.summary.silent':
    'Gone silent – checked in earlier but not in the last {days} days of the period: {list}.',
  'report.summary.unreported':
    '{count} {count|activity has|activities have} no check-in in the period. They are listed together at the end of each focus area.',
  'report.summary.fromReport':
    '{count} {count|activity has|activities have} never checked in; for them the status of the {year} follow-up is given.',
  'report.summary.more': '{list} and {count} more',
  'report.change.item': '{name} ({to} {date})',
  'report.focusArea.data':
    '{activities} {activities|activity|activities}, {reported} of which checked in during the period. At the end of the period: {counts}. Overall status: {status}.',
  'report.focusArea.areas': 'Activity areas: {list}.',
  'report.activity.happened': 'What happened',
  'report.activity.olderNotes': '… and {count} older {count|note|notes}.',
  'report.activity.changes': 'Status changes',
  'report.activity.earlierChanges': '{count} earlier',
  'report.activity.nextStep': 'Next step',
  'report.activity.reportedBy': 'Reported by',
  'report.activity.reportedByText': '{names} ({count} {count|check-in|check-ins})',
  'report.activity.needsSupport': 'Needs support: the latest check-in asked for support.',
  'report.unreported.heading': 'Nothing reported in the period',
  'report.unreported.intro': 'No check-in in the period. The status is the latest known.',
  'report.appendix.heading': 'Appendix: All activities',
  'report.appendix.caption': 'All activities of the follow-up with their status at the end of the period.',
  'report.appendix.activity': 'Activity',
  'report.appendix.status': 'Status at the end of the period',
  'report.appendix.last': 'Latest check-in',
  'report.appendix.owner': 'Owner',
  'report.appendix.never': 'none',
  'report.page': 'Page',
  'report.pageOf': 'of',
  'report.chart.alt.focusAreas':
    'Horizontal stacked bars, one per focus area, showing activities per status at the end of the period. {list}.',
  'report.chart.alt.goals':
    'Bars per month for each goal showing activities per status at each month’s end. At the end of the period: {list}.',
  'report.chart.alt.area': '{area}: {counts}',
  'report.compare.heading': 'Compared with {label}',
  'report.compare.intro':
    '{count} {count|activity has|activities have} a different status at the end of the period than at the end of {label} ({to}); {unchanged} the same.',
  'report.compare.item': '{name}: {before} → {after}',
  'cli.help.compareWith': 'compare with an earlier year (YYYY), e.g. 2025',
  'cli.report.badCompare':
    '--compare-with "{value}" is not a year. Give a year before the period, e.g. 2025.',
  'cli.report.pdfMissing':
    'PDF needs LibreOffice (the soffice command), which is not installed here. Install LibreOffice (e.g. apt-get install libreoffice-writer-nogui) or choose --format docx and save it as PDF in Word.',
  'cli.report.pdfFailed': 'LibreOffice could not convert the report to PDF: {detail}',
  'cli.report.summary':
    'Report written: {file} ({pages}{activities} activities, {checkIns} {checkIns|check-in|check-ins} used, {seconds} s).',
  'cli.report.pages': '{pages} pages, ',
};
