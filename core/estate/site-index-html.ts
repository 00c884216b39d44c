/**
 * The published site's front page: every practice, whether its plan passes its checks, when it is
 * due for review, and links to its printed plan (PDF), paper forms and print page. A practice looking
 * for its plan in a hurry finds it with the search box.
 */
import { formatLongDate } from '../dates/loose-date.js';
import { esc } from '../render/html.js';
import { reviewText, stateText } from './dashboard-html.js';
import type { EstateRow } from './estate-row.js';
import { badge, href, sitePage } from './site-page.js';

export interface SiteIndexOptions {
  today: string;
  dashboardHref: string;
  /** e.g. "git 3f2a9c1d0e": where the plans came from. */
  revision?: string;
  toolVersion: string;
}

function links(r: EstateRow): string {
  const o = r.outputs ?? {};
  const parts = [
    o.pdf && `<a href="${href(o.pdf)}">Plan (PDF)</a>`,
    o.forms && `<a href="${href(o.forms)}">Paper forms (PDF)</a>`,
    o.html && `<a href="${href(o.html)}">Print page</a>`,
  ].filter(Boolean);
  if (parts.length) return parts.join(' · ');
  return `<span class="muted">${esc(o.notPrinted ?? 'Not printed')}</span>`;
}

export function siteIndexHtml(rows: EstateRow[], options: SiteIndexOptions): string {
  const printed = rows.filter((r) => r.outputs?.pdf || r.outputs?.html).length;
  const body = `<nav><a href="${href(options.dashboardHref)}">Estate dashboard</a></nav>
<h1>IT outage continuity plans</h1>
<p class="lead">${rows.length} practices; ${printed} printed plans. Built on ${esc(formatLongDate(options.today))}${options.revision ? ` from ${esc(options.revision)}` : ''} with continuity ${esc(options.toolVersion)}.
A plan that fails its checks is not published: open the dashboard to see why.</p>
<input type="search" placeholder="Find a practice, ODS code or ICB" data-filter="practices" aria-label="Find a practice">
<table class="sortable" id="practices">
<thead><tr><th>Practice</th><th>ODS code</th><th>ICB</th><th>State</th><th>Next review</th><th>Printed copies</th></tr></thead>
<tbody>
${rows
  .map(
    (r) => `<tr>
<td data-sort="${esc(r.practiceName)}"><b>${esc(r.practiceName)}</b><br><span class="muted">${esc(r.path)}${r.version ? ` · version ${esc(r.version)}` : ''}</span></td>
<td>${esc(r.odsCode ?? '')}</td>
<td>${esc(r.icb ?? '')}</td>
<td data-sort="${r.state === 'fails-checks' ? 2 : r.state === 'warnings' ? 1 : 0}">${badge(r.state, stateText(r))}</td>
<td data-sort="${r.reviewInDays ?? 99999}">${badge(r.review, reviewText(r))}</td>
<td>${links(r)}</td>
</tr>`,
  )
  .join('\n')}
</tbody>
</table>`;
  return sitePage('IT outage continuity plans', body);
}
