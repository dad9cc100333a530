import type { Translate } from '../i18n/i18n.js';
import type { Chart } from './charts.js';
import { activityEntry, splitReported, unreportedLine } from './report-entry.js';
import type { FollowUpReport, ReportActivity, ReportFocusArea } from './report-model.js';
import { summaryParagraphs } from './report-summary.js';
import { appendixRows, comparisonLines, focusAreaData } from './report-text.js';

/** A chart as Markdown refers to it: an SVG file written beside the report. */
export interface MarkdownChart {
  readonly chart: Chart;
  readonly file: string;
}

/** Free text in Markdown: no HTML, no accidental tables or headings. */
const escapeMd = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
const editor = (t: Translate, text: string) => `> **${t('report.editorLabel')}:** ${escapeMd(text)}`;

/** The follow-up report as Markdown with the DOCX's content, charts linked as SVG files beside it. */
export function renderMarkdown(
  report: FollowUpReport,
  charts: readonly MarkdownChart[],
  t: Translate,
): string {
  const out: string[] = [`# ${escapeMd(report.title)}`, ''];
  if (report.planName) out.push(`**${escapeMd(report.planName)}**`, '');
  out.push(
    t('report.titlePage.period', { from: report.period.from, to: report.period.to }),
    '',
    t('report.organisation'),
    '',
    t('report.titlePage.date', { date: report.generatedAt.slice(0, 10) }),
    '',
    `*${escapeMd(t('report.titlePage.note'))}*`,
    '',
  );
  out.push(`## ${t('report.intro.heading')}`, '', editor(t, t('report.intro.editor')), '');
  out.push(`## ${t('report.context.heading')}`, '', editor(t, t('report.context.editor')), '');
  out.push(`## ${t('report.summary.heading')}`, '');
  for (const text of summaryParagraphs(report, t)) out.push(escapeMd(text), '');
  for (const { chart, file } of charts)
    out.push(`### ${chart.title}`, '', `![${escapeMd(chart.alt)}](${file})`, '', `*${chart.caption}*`, '');
  if (report.comparison) {
    const c = comparisonLines(report, report.comparison, t);
    out.push(`### ${c.heading}`, '', escapeMd(c.intro), '', ...c.items.map((i) => `- ${escapeMd(i)}`), '');
  }
  for (const area of report.focusAreas) out.push(...focusArea(report, area, t));
  out.push(`## ${t('report.development.heading')}`, '', editor(t, t('report.development.editor')), '');
  if (report.unplaced.length > 0) {
    out.push(`## ${t('report.unplaced.heading')}`, '');
    for (const a of report.unplaced) out.push(...activity(report, a, t));
  }
  const appendix = appendixRows(report, t);
  out.push(
    `## ${t('report.appendix.heading')}`,
    '',
    `| ${appendix.header.join(' | ')} |`,
    `|${appendix.header.map(() => '---').join('|')}|`,
    ...appendix.rows.map((row) => `| ${row.map(escapeMd).join(' | ')} |`),
    '',
    `## ${t('report.about.heading')}`,
    '',
    t('report.about.text', { timezone: report.period.timezone }),
    '',
  );
  return out.join('\n');
}

function focusArea(report: FollowUpReport, area: ReportFocusArea, t: Translate): string[] {
  const out = [`## ${t('report.focusArea.heading', { title: area.title })}`, ''];
  for (const text of focusAreaData(report, area, t)) out.push(escapeMd(text), '');
  const { groups, quiet } = splitReported(area.areas);
  for (const group of groups) {
    out.push(`### ${escapeMd(group.area.title)}`, '');
    for (const a of group.activities) out.push(...activity(report, a, t));
  }
  if (quiet.length > 0) {
    out.push(`### ${t('report.unreported.heading')}`, '', t('report.unreported.intro'), '');
    for (const a of quiet) out.push(`- ${escapeMd(unreportedLine(report, a, t))}`);
    out.push('');
  }
  return out;
}

function activity(report: FollowUpReport, a: ReportActivity, t: Translate): string[] {
  const entry = activityEntry(report, a, t);
  const out = [
    `#### ${escapeMd(a.name)}`,
    '',
    `**${t('report.activity.status')}:** ${escapeMd(entry.status)}`,
    '',
  ];
  if (entry.needsSupport) out.push(`**${escapeMd(entry.needsSupport)}**`, '');
  if (entry.notes.length > 0) {
    out.push(`**${t('report.activity.happened')}:**`, '');
    for (const n of entry.notes) out.push(`- **${escapeMd(`${n.date}, ${n.author}`)}:** ${escapeMd(n.text)}`);
    if (entry.olderNotes) out.push(`- *${escapeMd(entry.olderNotes)}*`);
    out.push('');
  }
  if (entry.changes) out.push(`**${t('report.activity.changes')}:** ${escapeMd(entry.changes)}`, '');
  if (entry.nextStep) out.push(`**${t('report.activity.nextStep')}:** ${escapeMd(entry.nextStep)}`, '');
  if (entry.reportedBy) out.push(`**${t('report.activity.reportedBy')}:** ${escapeMd(entry.reportedBy)}`, '');
  return out;
}
