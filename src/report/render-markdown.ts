import type { Translate } from '../i18n/i18n.js';
import type { Chart } from './charts.js';
import type { FollowUpReport, ReportActivity, ReportFocusArea } from './report-model.js';
import { activityCount, countsText, day, statusAtEndText } from './report-text.js';

/** A chart as Markdown refers to it: an SVG file written beside the report. */
export interface MarkdownChart {
  readonly chart: Chart;
  readonly file: string;
}

/** Free text in Markdown: no HTML, no accidental tables or headings. */
const escapeMd = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
const quote = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => `> ${escapeMd(line)}`)
    .join('\n');

/** The follow-up report as Markdown, charts linked as SVG files beside it. */
export function renderMarkdown(
  report: FollowUpReport,
  charts: readonly MarkdownChart[],
  t: Translate,
): string {
  const out: string[] = [
    `# ${report.title}`,
    '',
    t('report.period', { from: report.period.from, to: report.period.to }),
    '',
  ];
  out.push(`*${t('report.generated', { date: day(report, report.generatedAt) })}*`, '');
  out.push(`## ${t('report.overview.heading')}`, '');
  out.push(
    t('report.overview.text', {
      areas: report.focusAreas.length,
      activities: activityCount(report),
      checkIns: report.checkInCount,
    }),
    '',
    t('report.overview.totals', { counts: countsText(report.totals, t) }),
    '',
  );
  for (const { chart, file } of charts)
    out.push(`### ${chart.title}`, '', `![${chart.title}](${file})`, '', `*${chart.caption}*`, '');
  for (const area of report.focusAreas) out.push(...focusArea(report, area, t));
  if (report.unplaced.length > 0) {
    out.push(`## ${t('report.unplaced.heading')}`, '');
    for (const a of report.unplaced) out.push(...activity(report, a, t));
  }
  out.push(
    `## ${t('report.about.heading')}`,
    '',
    t('report.about.text', { timezone: report.period.timezone }),
    '',
  );
  return out.join('\n');
}

function focusArea(report: FollowUpReport, area: ReportFocusArea, t: Translate): string[] {
  const out = [
    `## ${t('report.focusArea.heading', { title: area.title })}`,
    '',
    `**${t('report.focusArea.intro')}**`,
    '',
  ];
  out.push(
    t('report.focusArea.summary', { status: area.rollUp.label, counts: countsText(area.counts, t) }),
    '',
  );
  for (const group of area.areas) {
    out.push(`### ${escapeMd(group.title)}`, '');
    for (const a of group.activities) out.push(...activity(report, a, t));
  }
  out.push(`### ${t('report.ended.heading')}`, '');
  if (area.pausedOrFinished.length === 0) out.push(t('report.ended.none'), '');
  else {
    for (const e of area.pausedOrFinished)
      out.push(
        `- ${escapeMd(t('report.ended.item', { name: e.name, status: e.status.label, date: day(report, e.at), author: e.author }))}`,
      );
    out.push('');
  }
  return out;
}

function activity(report: FollowUpReport, a: ReportActivity, t: Translate): string[] {
  const out = [`#### ${escapeMd(a.name)}`, ''];
  out.push(`- **${t('report.activity.status')}:** ${escapeMd(statusAtEndText(report, a.status, t))}`);
  out.push(
    `- **${t('report.activity.owners')}:** ${escapeMd(a.owners.length > 0 ? a.owners.join(', ') : t('report.activity.noOwner'))}`,
  );
  out.push(`- **${t('report.activity.checkIns')}:** ${a.checkInsInPeriod}`, '');
  if (a.narrative) {
    out.push(
      `**${t('report.activity.narrative')}** (${escapeMd(t('report.activity.narrativeBy', { author: a.narrative.author, date: day(report, a.narrative.at) }))}):`,
      '',
      quote(a.narrative.note),
      '',
    );
  } else out.push(`*${t('report.activity.noNarrative')}*`, '');
  if (a.timeline.length === 0) out.push(`*${t('report.activity.noChanges')}*`, '');
  else {
    out.push(
      `**${t('report.activity.timeline')}**`,
      '',
      `| ${t('report.timeline.date')} | ${t('report.timeline.from')} | ${t('report.timeline.to')} | ${t('report.timeline.by')} |`,
      '|---|---|---|---|',
    );
    for (const c of a.timeline)
      out.push(
        `| ${day(report, c.at)} | ${escapeMd(c.from.label)} | ${escapeMd(c.to.label)} | ${escapeMd(c.author)} |`,
      );
    out.push('');
  }
  return out;
}
