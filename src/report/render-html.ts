import type { Translate } from '../i18n/i18n.js';
import type { Chart } from './charts.js';
import { activityEntry, splitReported, unreportedLine } from './report-entry.js';
import type { FollowUpReport, ReportActivity, ReportFocusArea } from './report-model.js';
import { summaryParagraphs } from './report-summary.js';
import { appendixRows, comparisonLines, documentTitle, focusAreaData, slug } from './report-text.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{font-family:Arial,"Liberation Sans",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:2rem;color:#1f3864}h2{margin-top:2.4rem;color:#1f3864;border-bottom:1px solid #ccc}h3{color:#1f3864}h4{margin-bottom:.3rem}
.title-page p{margin:.2rem 0}.editor{background:#fff4ce;border-left:4px solid #8a5a00;padding:.4rem .8rem}
.notes{margin:.2rem 0 .4rem 1rem;padding:0;list-style:none}.notes li{margin:.2rem 0}
table{border-collapse:collapse;margin:.3rem 0 1rem;width:100%}td,th{border:1px solid #999;padding:.2rem .5rem;text-align:left;vertical-align:top}th{background:#d9e2f3}
figure{margin:1rem 0}figcaption{font-style:italic}caption{text-align:left;font-style:italic;padding:.2rem 0}`;

const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
const h = (level: number, text: string, id?: string) =>
  `<h${level}${id ? ` id="${escapeHtml(id)}"` : ''}>${escapeHtml(text)}</h${level}>`;
const editor = (t: Translate, text: string) =>
  `<p class="editor"><strong>${escapeHtml(t('report.editorLabel'))}:</strong> ${escapeHtml(text)}</p>`;

/**
 * The follow-up report as one self-contained, accessible HTML page with the DOCX's content:
 * `lang`, one h1 and nested headings, a table of contents, charts as inline SVG with a text
 * alternative, tables with header cells.
 */
export function renderHtml(report: FollowUpReport, charts: readonly Chart[], t: Translate): string {
  const sections: { id: string; title: string; html: string[] }[] = [];
  const add = (title: string, html: string[]) => sections.push({ id: slug(title), title, html });
  add(t('report.intro.heading'), [editor(t, t('report.intro.editor'))]);
  add(t('report.context.heading'), [editor(t, t('report.context.editor'))]);
  const summary = summaryParagraphs(report, t).map(p);
  for (const chart of charts)
    summary.push(
      h(3, chart.title),
      `<figure><div role="img" aria-label="${escapeHtml(chart.alt)}">${chart.svg}</div><figcaption>${escapeHtml(chart.caption)}</figcaption></figure>`,
    );
  if (report.comparison) {
    const c = comparisonLines(report, report.comparison, t);
    summary.push(
      h(3, c.heading),
      p(c.intro),
      `<ul>${c.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
    );
  }
  add(t('report.summary.heading'), summary);
  for (const area of report.focusAreas)
    add(t('report.focusArea.heading', { title: area.title }), focusArea(report, area, t));
  add(t('report.development.heading'), [editor(t, t('report.development.editor'))]);
  if (report.unplaced.length > 0)
    add(
      t('report.unplaced.heading'),
      report.unplaced.map((a) => activity(report, a, t)),
    );
  const appendix = appendixRows(report, t);
  add(t('report.appendix.heading'), [
    `<table><caption>${escapeHtml(t('report.appendix.caption'))}</caption><thead><tr>${appendix.header.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>`,
    ...appendix.rows.map(
      ([name = '', ...rest]) =>
        `<tr><th scope="row">${escapeHtml(name)}</th>${rest.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`,
    ),
    '</tbody></table>',
  ]);
  add(t('report.about.heading'), [p(t('report.about.text', { timezone: report.period.timezone }))]);
  const body = [
    '<header class="title-page">',
    h(1, report.title),
    ...(report.planName ? [`<p><strong>${escapeHtml(report.planName)}</strong></p>`] : []),
    p(t('report.titlePage.period', { from: report.period.from, to: report.period.to })),
    p(t('report.organisation')),
    p(t('report.titlePage.date', { date: report.generatedAt.slice(0, 10) })),
    `<p><em>${escapeHtml(t('report.titlePage.note'))}</em></p>`,
    '</header>',
    `<nav aria-labelledby="toc">${h(2, t('report.toc.heading'), 'toc')}<ol>${sections
      .map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`)
      .join('')}</ol></nav>`,
    '<main>',
    ...sections.map((s) =>
      [`<section aria-labelledby="${escapeHtml(s.id)}">`, h(2, s.title, s.id), ...s.html, '</section>'].join(
        '\n',
      ),
    ),
    '</main>',
  ];
  return `<!doctype html>
<html lang="${report.locale === 'sv' ? 'sv-SE' : 'en-GB'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(documentTitle(report))}</title><style>${STYLE}</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}

function focusArea(report: FollowUpReport, area: ReportFocusArea, t: Translate): string[] {
  const out = focusAreaData(report, area, t).map(p);
  const { groups, quiet } = splitReported(area.areas);
  for (const group of groups)
    out.push(h(3, group.area.title), ...group.activities.map((a) => activity(report, a, t)));
  if (quiet.length > 0)
    out.push(
      h(3, t('report.unreported.heading')),
      p(t('report.unreported.intro')),
      `<ul>${quiet.map((a) => `<li>${escapeHtml(unreportedLine(report, a, t))}</li>`).join('')}</ul>`,
    );
  return out;
}

function activity(report: FollowUpReport, a: ReportActivity, t: Translate): string {
  const entry = activityEntry(report, a, t);
  const line = (label: string, value: string) =>
    `<p><strong>${escapeHtml(label)}:</strong> ${escapeHtml(value)}</p>`;
  const out = [`<article>`, h(4, a.name), line(t('report.activity.status'), entry.status)];
  if (entry.needsSupport) out.push(`<p><strong>${escapeHtml(entry.needsSupport)}</strong></p>`);
  if (entry.notes.length > 0) {
    out.push(
      `<p><strong>${escapeHtml(t('report.activity.happened'))}:</strong></p><ul class="notes">`,
      ...entry.notes.map(
        (n) => `<li><strong>${escapeHtml(`${n.date}, ${n.author}:`)}</strong> ${escapeHtml(n.text)}</li>`,
      ),
      '</ul>',
    );
    if (entry.olderNotes) out.push(`<p><em>${escapeHtml(entry.olderNotes)}</em></p>`);
  }
  if (entry.changes) out.push(line(t('report.activity.changes'), entry.changes));
  if (entry.nextStep) out.push(line(t('report.activity.nextStep'), entry.nextStep));
  if (entry.reportedBy) out.push(line(t('report.activity.reportedBy'), entry.reportedBy));
  out.push('</article>');
  return out.join('\n');
}
