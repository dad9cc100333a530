import { Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import type { Translate } from '../i18n/i18n.js';
import { type Chart, chartPng } from './charts.js';
import type { FollowUpReport, ReportActivity, ReportFocusArea } from './report-model.js';
import { activityCount, countsText, day, statusAtEndText } from './report-text.js';

/** Widest image on an A4 page with Word's default margins, in pixels at 96 dpi. */
const MAX_IMAGE_WIDTH = 600;

type Child = Paragraph;

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level });
const para = (text: string) => new Paragraph({ text });
const labelled = (label: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });

/** The follow-up report as a Word document (opens in Word and LibreOffice); charts embedded as PNG. */
export async function renderDocx(
  report: FollowUpReport,
  charts: readonly Chart[],
  t: Translate,
): Promise<Buffer> {
  const children: Child[] = [
    heading(report.title, HeadingLevel.TITLE),
    new Paragraph({
      children: [
        new TextRun({
          text: t('report.period', { from: report.period.from, to: report.period.to }),
          bold: true,
        }),
      ],
    }),
    new Paragraph({
      children: [
        new TextRun({
          text: t('report.generated', { date: day(report, report.generatedAt) }),
          italics: true,
        }),
      ],
    }),
    heading(t('report.overview.heading'), HeadingLevel.HEADING_1),
    para(
      t('report.overview.text', {
        areas: report.focusAreas.length,
        activities: activityCount(report),
        checkIns: report.checkInCount,
      }),
    ),
    para(t('report.overview.totals', { counts: countsText(report.totals, t) })),
  ];
  for (const chart of charts) children.push(...chartParagraphs(chart));
  const closing: Child[] = [];
  if (report.unplaced.length > 0) {
    closing.push(heading(t('report.unplaced.heading'), HeadingLevel.HEADING_1));
    for (const a of report.unplaced) closing.push(...activity(report, a, t));
  }
  closing.push(
    heading(t('report.about.heading'), HeadingLevel.HEADING_1),
    para(t('report.about.text', { timezone: report.period.timezone })),
  );
  // One section per insatsområde: each starts on a new page, as in the region's report, and the
  // docx library's per-element section look-up stays short (it scans to the end of a section).
  const document = new Document({
    creator: 'delmal',
    title: `${report.title} ${report.period.from} – ${report.period.to}`,
    styles: { default: { document: { run: { font: 'DejaVu Sans', size: 21 } } } },
    sections: [
      { children },
      ...report.focusAreas.map((area) => ({ children: focusArea(report, area, t) })),
      { children: closing },
    ],
  });
  return Packer.toBuffer(document);
}

function chartParagraphs(chart: Chart): Paragraph[] {
  const scale = Math.min(1, MAX_IMAGE_WIDTH / chart.width);
  return [
    heading(chart.title, HeadingLevel.HEADING_2),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: chartPng(chart),
          transformation: {
            width: Math.round(chart.width * scale),
            height: Math.round(chart.height * scale),
          },
          altText: { name: chart.title, title: chart.title, description: chart.caption },
        }),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: chart.caption, italics: true })] }),
  ];
}

function focusArea(report: FollowUpReport, area: ReportFocusArea, t: Translate): Child[] {
  const out: Child[] = [
    heading(t('report.focusArea.heading', { title: area.title }), HeadingLevel.HEADING_1),
    new Paragraph({
      children: [new TextRun({ text: t('report.focusArea.intro'), bold: true, highlight: 'yellow' })],
    }),
    para(t('report.focusArea.summary', { status: area.rollUp.label, counts: countsText(area.counts, t) })),
  ];
  for (const group of area.areas) {
    out.push(heading(group.title, HeadingLevel.HEADING_2));
    for (const a of group.activities) out.push(...activity(report, a, t));
  }
  out.push(heading(t('report.ended.heading'), HeadingLevel.HEADING_3));
  if (area.pausedOrFinished.length === 0) out.push(para(t('report.ended.none')));
  for (const e of area.pausedOrFinished)
    out.push(
      new Paragraph({
        text: t('report.ended.item', {
          name: e.name,
          status: e.status.label,
          date: day(report, e.at),
          author: e.author,
        }),
        bullet: { level: 0 },
      }),
    );
  return out;
}

function activity(report: FollowUpReport, a: ReportActivity, t: Translate): Child[] {
  const out: Child[] = [
    heading(a.name, HeadingLevel.HEADING_3),
    labelled(t('report.activity.status'), statusAtEndText(report, a.status, t)),
    labelled(
      t('report.activity.owners'),
      a.owners.length > 0 ? a.owners.join(', ') : t('report.activity.noOwner'),
    ),
    labelled(t('report.activity.checkIns'), String(a.checkInsInPeriod)),
  ];
  if (a.narrative) {
    out.push(
      labelled(
        t('report.activity.narrative'),
        t('report.activity.narrativeBy', { author: a.narrative.author, date: day(report, a.narrative.at) }),
      ),
      ...a.narrative.note
        .split(/\r?\n/)
        .map(
          (line) =>
            new Paragraph({ children: [new TextRun({ text: line, italics: true })], indent: { left: 360 } }),
        ),
    );
  } else
    out.push(
      new Paragraph({ children: [new TextRun({ text: t('report.activity.noNarrative'), italics: true })] }),
    );
  if (a.timeline.length === 0)
    out.push(
      new Paragraph({ children: [new TextRun({ text: t('report.activity.noChanges'), italics: true })] }),
    );
  // One line per change in a single paragraph, not a four-column table: a year's timeline has
  // tens of thousands of changes, and a table row costs the docx library ~13 objects to build and
  // serialise (row, 4 cells, 4 paragraphs, 4 runs) against one run here — most of the DOCX time.
  else
    out.push(
      new Paragraph({ children: [new TextRun({ text: t('report.activity.timeline'), bold: true })] }),
      new Paragraph({
        indent: { left: 360 },
        children: a.timeline.map(
          (c, i) =>
            new TextRun({
              text: t('report.timeline.item', {
                date: day(report, c.at),
                from: c.from.label,
                to: c.to.label,
                author: c.author,
              }),
              ...(i > 0 ? { break: 1 } : {}),
            }),
        ),
      }),
    );
  return out;
}
