import type { Translate } from '../i18n/i18n.js';
import type { Chart } from './charts.js';
import type { FollowUpReport, ReportActivity, ReportFocusArea, ReportStatus } from './report-model.js';
import { activityCount, countsText, day, statusAtEndText } from './report-text.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.8rem}h2{margin-top:2.4rem;border-bottom:1px solid #ccc}h4{margin-bottom:.3rem}
.editor{background:#fff7d6;border-left:4px solid #f9a825;padding:.4rem .8rem;font-weight:bold}
.badge{display:inline-block;padding:0 .45rem;border-radius:.6rem;color:#fff;font-size:.9em}
.green{background:#2e7d32}.yellow{background:#f9a825;color:#1b1b1b}.red{background:#c62828}.grey{background:#757575}.blue{background:#1565c0}
blockquote{margin:.3rem 0 .8rem;padding:.2rem .8rem;border-left:3px solid #bbb;white-space:pre-wrap}
table{border-collapse:collapse;margin:.3rem 0 1rem}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
figure{margin:1rem 0}figcaption{font-style:italic;color:#555}.meta{color:#555}`;

const badge = (s: ReportStatus) => `<span class="badge ${s.tone}">${escapeHtml(s.label)}</span>`;

/** The follow-up report as one self-contained HTML page; charts inline as SVG. */
export function renderHtml(report: FollowUpReport, charts: readonly Chart[], t: Translate): string {
  const lang = report.locale;
  const body: string[] = [
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<p><strong>${escapeHtml(t('report.period', { from: report.period.from, to: report.period.to }))}</strong></p>`,
    `<p class="meta">${escapeHtml(t('report.generated', { date: day(report, report.generatedAt) }))}</p>`,
    `<h2>${escapeHtml(t('report.overview.heading'))}</h2>`,
    `<p>${escapeHtml(t('report.overview.text', { areas: report.focusAreas.length, activities: activityCount(report), checkIns: report.checkInCount }))}</p>`,
    `<p>${escapeHtml(t('report.overview.totals', { counts: countsText(report.totals, t) }))}</p>`,
  ];
  for (const chart of charts)
    body.push(
      `<h3>${escapeHtml(chart.title)}</h3>`,
      `<figure role="img" aria-label="${escapeHtml(chart.title)}">${chart.svg}<figcaption>${escapeHtml(chart.caption)}</figcaption></figure>`,
    );
  for (const area of report.focusAreas) body.push(focusArea(report, area, t));
  if (report.unplaced.length > 0)
    body.push(
      `<h2>${escapeHtml(t('report.unplaced.heading'))}</h2>`,
      ...report.unplaced.map((a) => activity(report, a, t)),
    );
  body.push(
    `<h2>${escapeHtml(t('report.about.heading'))}</h2>`,
    `<p>${escapeHtml(t('report.about.text', { timezone: report.period.timezone }))}</p>`,
  );
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(`${report.title} ${report.period.from} – ${report.period.to}`)}</title><style>${STYLE}</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}

function focusArea(report: FollowUpReport, area: ReportFocusArea, t: Translate): string {
  const out = [
    `<section id="${escapeHtml(area.id)}">`,
    `<h2>${escapeHtml(t('report.focusArea.heading', { title: area.title }))}</h2>`,
    `<p class="editor">${escapeHtml(t('report.focusArea.intro'))}</p>`,
    `<p>${badge(area.rollUp)} ${escapeHtml(t('report.focusArea.summary', { status: area.rollUp.label, counts: countsText(area.counts, t) }))}</p>`,
  ];
  for (const group of area.areas) {
    out.push(`<h3>${escapeHtml(group.title)}</h3>`);
    for (const a of group.activities) out.push(activity(report, a, t));
  }
  out.push(`<h3>${escapeHtml(t('report.ended.heading'))}</h3>`);
  if (area.pausedOrFinished.length === 0) out.push(`<p>${escapeHtml(t('report.ended.none'))}</p>`);
  else
    out.push(
      `<ul>${area.pausedOrFinished
        .map(
          (e) =>
            `<li>${escapeHtml(t('report.ended.item', { name: e.name, status: e.status.label, date: day(report, e.at), author: e.author }))}</li>`,
        )
        .join('')}</ul>`,
    );
  out.push('</section>');
  return out.join('\n');
}

function activity(report: FollowUpReport, a: ReportActivity, t: Translate): string {
  const out = [
    `<article><h4>${escapeHtml(a.name)}</h4><ul>`,
    `<li><strong>${escapeHtml(t('report.activity.status'))}:</strong> ${badge(a.status)} ${escapeHtml(statusAtEndText(report, a.status, t))}</li>`,
    `<li><strong>${escapeHtml(t('report.activity.owners'))}:</strong> ${escapeHtml(a.owners.length > 0 ? a.owners.join(', ') : t('report.activity.noOwner'))}</li>`,
    `<li><strong>${escapeHtml(t('report.activity.checkIns'))}:</strong> ${a.checkInsInPeriod}</li></ul>`,
  ];
  if (a.narrative)
    out.push(
      `<p><strong>${escapeHtml(t('report.activity.narrative'))}</strong> (${escapeHtml(t('report.activity.narrativeBy', { author: a.narrative.author, date: day(report, a.narrative.at) }))})</p>`,
      `<blockquote>${escapeHtml(a.narrative.note)}</blockquote>`,
    );
  else out.push(`<p class="meta">${escapeHtml(t('report.activity.noNarrative'))}</p>`);
  if (a.timeline.length === 0) out.push(`<p class="meta">${escapeHtml(t('report.activity.noChanges'))}</p>`);
  else
    out.push(
      `<p><strong>${escapeHtml(t('report.activity.timeline'))}</strong></p>`,
      `<table><thead><tr><th>${escapeHtml(t('report.timeline.date'))}</th><th>${escapeHtml(t('report.timeline.from'))}</th><th>${escapeHtml(t('report.timeline.to'))}</th><th>${escapeHtml(t('report.timeline.by'))}</th></tr></thead><tbody>`,
      ...a.timeline.map(
        (c) =>
          `<tr><td>${day(report, c.at)}</td><td>${escapeHtml(c.from.label)}</td><td>${escapeHtml(c.to.label)}</td><td>${escapeHtml(c.author)}</td></tr>`,
      ),
      '</tbody></table>',
    );
  out.push('</article>');
  return out.join('\n');
}
