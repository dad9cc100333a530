import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  type IStylesOptions,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Translate } from '../i18n/i18n.js';

/**
 * Building blocks of the follow-up document that carry its accessibility: real heading styles,
 * Swedish as the document language, running header and page numbers, tables whose header row
 * repeats on every page. Kept apart from the report's content so each can be read on its own.
 */

/** Arial in Word; LibreOffice substitutes the metric-compatible Liberation Sans. */
export const DOCX_FONT = 'Arial';
/** A4 in twentieths of a point, with 2.5 cm margins. */
export const A4 = { width: 11906, height: 16838, margin: 1418 } as const;
/** Text width on the page in pixels at 96 dpi (what docx's image sizes are in). */
export const TEXT_WIDTH_PX = Math.floor(((A4.width - 2 * A4.margin) / 1440) * 96);

const heading = (size: number, before: number) => ({
  run: { font: DOCX_FONT, size, bold: true, color: '1F3864' },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

/** Styles: the default run's language is sv-SE (or en-GB), headings are Word's own Heading 1–3. */
export function documentStyles(language: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: DOCX_FONT, size: 22, language: { value: language } },
        paragraph: { spacing: { after: 120 } },
      },
      title: {
        run: { font: DOCX_FONT, size: 52, bold: true, color: '1F3864' },
        paragraph: { spacing: { after: 240 } },
      },
      heading1: heading(32, 360),
      heading2: heading(26, 280),
      heading3: heading(23, 200),
    },
  };
}

/** The running header (report title and period) and the page-number footer, "Sida 3 av 20". */
export function headerAndFooter(
  text: string,
  t: Translate,
): { headers: { default: Header; first: Header }; footers: { default: Footer; first: Footer } } {
  const small = { size: 18, color: '404040' };
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text, ...small })] }),
        ],
      }),
      first: new Header({ children: [new Paragraph({})] }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                ...small,
                children: [
                  `${t('report.page')} `,
                  PageNumber.CURRENT,
                  ` ${t('report.pageOf')} `,
                  PageNumber.TOTAL_PAGES,
                ],
              }),
            ],
          }),
        ],
      }),
      first: new Footer({ children: [new Paragraph({})] }),
    },
  };
}

/** A section the editor writes: shaded, with a bar and the words "Skrivs av redaktören" (not colour alone). */
export function editorSection(label: string, text: string): Paragraph {
  return new Paragraph({
    shading: { type: ShadingType.CLEAR, fill: 'FFF4CE', color: 'auto' },
    border: { left: { style: BorderStyle.SINGLE, size: 24, color: '8A5A00', space: 8 } },
    spacing: { before: 120, after: 240 },
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun({ text })],
  });
}

/** "Label: value" on one line, the label bold. */
export function labelled(label: string, value: string, options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    keepNext: options.keepNext ?? false,
    spacing: { after: 60 },
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
  });
}

/** A table with one header row that Word and LibreOffice repeat at the top of every page. */
export function dataTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
): Table {
  const cell = (text: string, bold: boolean, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      ...(bold ? { shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } } : {}),
      children: [new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text, bold, size: 18 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => cell(h, true, widths[i] ?? 25)),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) => cell(text, false, widths[i] ?? 25)),
          }),
      ),
    ],
  });
}
