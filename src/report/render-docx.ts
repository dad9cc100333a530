import {
  Document,
  HeadingLevel,
  ImageRun,
  type ISectionOptions,
  Packer,
  Paragraph,
  TableOfContents,
  TextRun,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import type { Translate } from '../i18n/i18n.js';
import { type Chart, chartPng } from './charts.js';
import {
  A4,
  DOCX_FONT,
  dataTable,
  documentStyles,
  editorSection,
  headerAndFooter,
  labelled,
  TEXT_WIDTH_PX,
} from './docx-parts.js';
import { activityEntry, splitReported, unreportedLine } from './report-entry.js';
import type { FollowUpReport, ReportActivity, ReportFocusArea } from './report-model.js';
import { summaryParagraphs } from './report-summary.js';
import { appendixRows, comparisonLines, documentTitle, focusAreaData } from './report-text.js';

/** Above this many activities the TOC's page numbers are left for Word to fill in (see below). */
const PAGE_ESTIMATE_MAX_ACTIVITIES = 300;

type Child = Paragraph | TableOfContents | ReturnType<typeof dataTable>;
type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];

const heading = (text: string, level: Level, extra: { pageBreakBefore?: boolean } = {}) =>
  new Paragraph({ text, heading: level, ...extra });
const para = (text: string) => new Paragraph({ text });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 }, spacing: { after: 40 } });

/**
 * The follow-up report as a Word document built like the region's own: title page, a table of
 * contents that Word updates on opening, editor sections, a summary from the data, one section per
 * insatsområde, "Några utvecklingsområden" and an appendix table. Accessible by construction:
 * heading styles, document language, title metadata, alt text on every chart, repeated table headers.
 */
export async function renderDocx(
  report: FollowUpReport,
  charts: readonly Chart[],
  t: Translate,
): Promise<Buffer> {
  const language = report.locale === 'sv' ? 'sv-SE' : 'en-GB';
  const title = documentTitle(report);
  const { headers, footers } = headerAndFooter(title, t);
  const page = {
    size: { width: A4.width, height: A4.height },
    margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin },
  };
  const section = (children: Child[], first = false): ISectionOptions => ({
    properties: { page, ...(first ? { titlePage: true } : {}) },
    headers: first ? headers : { default: headers.default },
    footers: first ? footers : { default: footers.default },
    children,
  });
  const opening: Child[] = [
    ...titlePage(report, t),
    new Paragraph({
      pageBreakBefore: true,
      children: [new TextRun({ text: t('report.toc.heading'), bold: true, size: 32, color: '1F3864' })],
    }),
    new TableOfContents(t('report.toc.heading'), { hyperlink: true, headingStyleRange: '1-2' }),
    heading(t('report.intro.heading'), HeadingLevel.HEADING_1, { pageBreakBefore: true }),
    editorSection(t('report.editorLabel'), t('report.intro.editor')),
    heading(t('report.context.heading'), HeadingLevel.HEADING_1),
    editorSection(t('report.editorLabel'), t('report.context.editor')),
    heading(t('report.summary.heading'), HeadingLevel.HEADING_1),
    ...summaryParagraphs(report, t).map(para),
  ];
  for (const chart of charts) opening.push(...chartParagraphs(chart));
  if (report.comparison) {
    const { heading: text, intro, items } = comparisonLines(report, report.comparison, t);
    opening.push(heading(text, HeadingLevel.HEADING_2), para(intro), ...items.map(bullet));
  }
  const closing: Child[] = [
    heading(t('report.development.heading'), HeadingLevel.HEADING_1),
    editorSection(t('report.editorLabel'), t('report.development.editor')),
  ];
  if (report.unplaced.length > 0) {
    closing.push(heading(t('report.unplaced.heading'), HeadingLevel.HEADING_1));
    for (const a of report.unplaced) closing.push(...activity(report, a, t));
  }
  const appendix = appendixRows(report, t);
  closing.push(
    heading(t('report.appendix.heading'), HeadingLevel.HEADING_1, { pageBreakBefore: true }),
    para(t('report.appendix.caption')),
    dataTable(appendix.header, appendix.rows, [38, 30, 14, 18]),
    heading(t('report.about.heading'), HeadingLevel.HEADING_1),
    para(t('report.about.text', { timezone: report.period.timezone })),
  );
  // One section per insatsområde: each starts on a new page, as in the region's report, and the
  // docx library's per-element section look-up stays short (it scans to the end of a section).
  const document = new Document({
    creator: 'delmal',
    title,
    subject: t('report.titlePage.period', { from: report.period.from, to: report.period.to }),
    description: t('report.organisation'),
    lastModifiedBy: 'delmal',
    features: { updateFields: true },
    // The table of contents is written with its page numbers (LibreOffice and PDF show them as they
    // are); Word still updates the field on opening (updateFields). Laying out the pages costs about
    // a minute for a thousand activities, so a catalog that large leaves the numbers to Word.
    ...(report.activities.length <= PAGE_ESTIMATE_MAX_ACTIVITIES
      ? { pageNumbers: estimatePageNumbersWith({ guess: true }) }
      : {}),
    styles: documentStyles(language),
    sections: [
      section(opening, true),
      ...report.focusAreas.map((area) => section(focusArea(report, area, t))),
      section(closing),
    ],
  });
  return Packer.toBuffer(document);
}

function titlePage(report: FollowUpReport, t: Translate): Paragraph[] {
  const line = (text: string, size: number, bold = false) =>
    new Paragraph({
      spacing: { after: 200 },
      children: [new TextRun({ text, size, bold, font: DOCX_FONT })],
    });
  return [
    new Paragraph({ spacing: { before: 2400 }, text: report.title, heading: HeadingLevel.TITLE }),
    ...(report.planName ? [line(report.planName, 30, true)] : []),
    line(t('report.titlePage.period', { from: report.period.from, to: report.period.to }), 28),
    new Paragraph({
      spacing: { before: 1200, after: 200 },
      children: [new TextRun({ text: t('report.organisation'), size: 26, bold: true })],
    }),
    line(t('report.titlePage.date', { date: report.generatedAt.slice(0, 10) }), 24),
    new Paragraph({
      spacing: { before: 1200 },
      children: [new TextRun({ text: t('report.titlePage.note'), italics: true, size: 20 })],
    }),
  ];
}

function chartParagraphs(chart: Chart): Paragraph[] {
  const scale = Math.min(1, TEXT_WIDTH_PX / chart.width);
  return [
    // Heading, picture and caption stay on one page: keepNext on the first two.
    new Paragraph({ text: chart.title, heading: HeadingLevel.HEADING_2, keepNext: true }),
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: chartPng(chart),
          transformation: {
            width: Math.round(chart.width * scale),
            height: Math.round(chart.height * scale),
          },
          altText: { name: chart.title, title: chart.title, description: chart.alt },
        }),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: chart.caption, italics: true })] }),
  ];
}

function focusArea(report: FollowUpReport, area: ReportFocusArea, t: Translate): Child[] {
  const data = focusAreaData(report, area, t);
  const out: Child[] = [
    heading(t('report.focusArea.heading', { title: area.title }), HeadingLevel.HEADING_1),
    ...data.map(para),
  ];
  const { groups, quiet } = splitReported(area.areas);
  for (const group of groups) {
    out.push(heading(group.area.title, HeadingLevel.HEADING_2));
    for (const a of group.activities) out.push(...activity(report, a, t));
  }
  if (quiet.length > 0) {
    out.push(
      heading(t('report.unreported.heading'), HeadingLevel.HEADING_2),
      para(t('report.unreported.intro')),
    );
    for (const a of quiet) out.push(bullet(unreportedLine(report, a, t)));
  }
  return out;
}

function activity(report: FollowUpReport, a: ReportActivity, t: Translate): Paragraph[] {
  const entry = activityEntry(report, a, t);
  const out = [
    new Paragraph({ text: a.name, heading: HeadingLevel.HEADING_3 }),
    labelled(t('report.activity.status'), entry.status, { keepNext: true }),
  ];
  if (entry.needsSupport)
    out.push(new Paragraph({ children: [new TextRun({ text: entry.needsSupport, bold: true })] }));
  if (entry.notes.length > 0) {
    out.push(
      new Paragraph({
        keepNext: true,
        spacing: { after: 40 },
        children: [new TextRun({ text: `${t('report.activity.happened')}:`, bold: true })],
      }),
    );
    for (const note of entry.notes)
      out.push(
        new Paragraph({
          indent: { left: 284 },
          spacing: { after: 60 },
          children: [
            new TextRun({ text: `${note.date}, ${note.author}: `, bold: true, size: 20 }),
            new TextRun({ text: note.text, size: 20 }),
          ],
        }),
      );
    if (entry.olderNotes)
      out.push(
        new Paragraph({
          indent: { left: 284 },
          children: [new TextRun({ text: entry.olderNotes, italics: true, size: 20 })],
        }),
      );
  }
  if (entry.changes) out.push(labelled(t('report.activity.changes'), entry.changes));
  if (entry.nextStep) out.push(labelled(t('report.activity.nextStep'), entry.nextStep));
  if (entry.reportedBy) out.push(labelled(t('report.activity.reportedBy'), entry.reportedBy));
  return out;
}
