/**
 * The ICB's estate dashboard: how many plans are ready, which fail their checks, whose review is
 * overdue or due within 30 days (and a chart of reviews due by month), when each was last tested
 * and its contacts verified, and a practice x section matrix of what is missing. One offline file.
 */
import { formatLongDate } from '../dates/loose-date.js';
import { esc } from '../render/html.js';
import type { DateState, EstateRow } from './estate-row.js';
import { badge, href, sitePage } from './site-page.js';

export interface SectionColumn {
  id: string;
  title: string;
  required: boolean;
}

export interface DashboardOptions {
  today: string;
  /** Link each practice to its printed copies (the build's site), when they exist. */
  withOutputs?: boolean;
  /** A link back to the site's index, when the dashboard is part of a build. */
  indexHref?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function stateText(r: EstateRow): string {
  if (r.state === 'fails-checks') return `Fails checks (${plural(r.errors, 'error')})`;
  if (r.state === 'warnings') return `Ready (${plural(r.warnings, 'warning')})`;
  return 'Ready';
}

export function reviewText(r: EstateRow): string {
  if (r.reviewInDays === undefined) return 'No review date';
  if (r.reviewInDays < 0) return `Overdue by ${plural(-r.reviewInDays, 'day')}`;
  if (r.reviewInDays === 0) return 'Due today';
  return `Due in ${plural(r.reviewInDays, 'day')}`;
}

const dateCell = (iso: string | undefined, state?: DateState) =>
  `<td data-sort="${esc(iso ?? '')}">${iso ? esc(formatLongDate(iso)) : '<span class="muted">none</span>'}${state && state !== 'ok' && iso ? ' ' + badge(state, state === 'overdue' ? 'overdue' : 'due soon') : ''}</td>`;

function monthLabel(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 1)).toLocaleDateString('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Reviews due by month: overdue, this month and the next twelve, later, and no date. */
export function reviewsByMonth(
  rows: EstateRow[],
  today: string,
): { label: string; count: number; kind: 'overdue' | 'soon' | 'later' | 'none' }[] {
  const [y, m] = today.split('-').map(Number);
  const months = Array.from({ length: 13 }, (_, i) => ({
    year: y + Math.floor((m - 1 + i) / 12),
    month: (m - 1 + i) % 12,
  }));
  const buckets = [
    { label: 'Overdue', count: 0, kind: 'overdue' as const },
    ...months.map((mm, i) => ({
      label: monthLabel(mm.year, mm.month),
      count: 0,
      kind: i <= 1 ? ('soon' as const) : ('later' as const),
    })),
    { label: 'Later', count: 0, kind: 'later' as const },
    { label: 'No date', count: 0, kind: 'none' as const },
  ];
  for (const r of rows) {
    if (!r.nextReview) buckets[buckets.length - 1].count++;
    else if (r.nextReview < today) buckets[0].count++;
    else {
      const [ry, rm] = r.nextReview.split('-').map(Number);
      const index = (ry - y) * 12 + (rm - m);
      if (index <= 12) buckets[1 + index].count++;
      else buckets[buckets.length - 2].count++;
    }
  }
  return buckets;
}

function chartSvg(bars: ReturnType<typeof reviewsByMonth>): string {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const barW = 46;
  const gap = 10;
  const h = 160;
  const width = bars.length * (barW + gap) + gap;
  const parts = bars.map((b, i) => {
    const x = gap + i * (barW + gap);
    const bh = Math.round((b.count / max) * (h - 20));
    const y = h - bh;
    return `<g><title>${esc(`${b.label}: ${plural(b.count, 'review')}`)}</title><rect class="${b.kind}" x="${x}" y="${y}" width="${barW}" height="${bh}"></rect>
<text x="${x + barW / 2}" y="${y - 4}" text-anchor="middle">${b.count}</text>
<text x="${x + barW / 2}" y="${h + 16}" text-anchor="middle">${esc(b.label.split(' ')[0])}</text>
<text x="${x + barW / 2}" y="${h + 30}" text-anchor="middle">${esc(b.label.split(' ')[1] ?? '')}</text></g>`;
  });
  return `<svg class="chart" role="img" aria-label="Reviews due by month" width="${width}" height="${h + 40}" viewBox="0 0 ${width} ${h + 40}">${parts.join('\n')}<line x1="0" y1="${h}" x2="${width}" y2="${h}" stroke="#111"></line></svg>`;
}

function outputLinks(r: EstateRow): string {
  const o = r.outputs;
  if (!o) return '';
  const links = [
    o.pdf && `<a href="${href(o.pdf)}">PDF</a>`,
    o.forms && `<a href="${href(o.forms)}">Forms</a>`,
    o.html && `<a href="${href(o.html)}">Print page</a>`,
  ].filter(Boolean);
  return links.length ? links.join(' · ') : `<span class="muted">${esc(o.notPrinted ?? 'not printed')}</span>`;
}

export function dashboardHtml(rows: EstateRow[], sections: SectionColumn[], options: DashboardOptions): string {
  const count = (f: (r: EstateRow) => boolean) => rows.filter(f).length;
  const failing = count((r) => r.state === 'fails-checks');
  const overdue = count((r) => r.review === 'overdue');
  const soon = count((r) => r.review === 'due-soon');
  const testOverdue = count((r) => r.test === 'overdue' || r.test === 'unknown');
  const tiles = [
    ['', rows.length, 'plans'],
    ['ok', rows.length - failing, 'pass their checks'],
    [failing ? 'bad' : 'ok', failing, 'fail their checks'],
    [overdue ? 'bad' : 'ok', overdue, 'reviews overdue'],
    [soon ? 'warn' : 'ok', soon, 'reviews due within 30 days'],
    [testOverdue ? 'warn' : 'ok', testOverdue, 'not tested in 12 months'],
  ]
    .map(([kind, n, label]) => `<div class="tile ${kind}"><b>${n}</b>${esc(label)}</div>`)
    .join('');

  const planRows = rows
    .map(
      (r) => `<tr>
<td data-sort="${esc(r.practiceName)}"><b>${esc(r.practiceName)}</b><br><span class="muted">${esc(r.path)}</span></td>
<td>${esc(r.odsCode ?? '')}</td>
<td data-sort="${r.state === 'fails-checks' ? 2 : r.state === 'warnings' ? 1 : 0}">${badge(r.state, stateText(r))}</td>
<td class="num">${r.errors}</td>
<td class="num">${r.warnings}</td>
<td data-sort="${r.reviewInDays ?? 99999}">${r.nextReview ? esc(formatLongDate(r.nextReview)) + '<br>' : ''}${badge(r.review, reviewText(r))}</td>
${dateCell(r.lastTested, r.test)}
${dateCell(r.contactsVerified)}
${options.withOutputs ? `<td>${outputLinks(r)}</td>` : ''}
</tr>`,
    )
    .join('\n');

  const symbol = { present: '✓', empty: 'empty', missing: '✗' };
  const said = { present: 'present', empty: 'heading with nothing under it', missing: 'missing' };
  const matrixRows = rows
    .map((r) => {
      const cells = sections.map((s) => {
        const state = r.sections[s.id] ?? 'missing';
        return `<td class="cell-${state}" title="${esc(`${r.practiceName}: ${s.title} ${said[state]}`)}">${symbol[state]}</td>`;
      });
      return `<tr><td class="practice" data-sort="${esc(r.practiceName)}">${esc(r.practiceName)}</td><td class="num">${Object.values(r.sections).filter((v) => v !== 'present').length}</td>${cells.join('')}</tr>`;
    })
    .join('\n');
  const gaps = sections
    .map((s) => ({ s, n: count((r) => (r.sections[s.id] ?? 'missing') !== 'present') }))
    .filter((g) => g.n > 0);

  const body = `<nav>${options.indexHref ? `<a href="${href(options.indexHref)}">All practices and printed plans</a>` : ''}</nav>
<h1>Continuity plans: estate dashboard</h1>
<p class="lead">${plural(rows.length, 'plan')}, checked on ${esc(formatLongDate(options.today))}. Click a column heading to sort.</p>
<div class="tiles">${tiles}</div>

<h2>Reviews due by month</h2>
<p class="muted">Every plan must be reviewed at least every 12 months. Red: overdue; amber: due this month or next.</p>
${chartSvg(reviewsByMonth(rows, options.today))}

<h2 id="plans">Plans</h2>
<input type="search" placeholder="Find a practice, ODS code or file" data-filter="plan-table" aria-label="Find a practice">
<table class="sortable" id="plan-table">
<thead><tr><th>Practice</th><th>ODS code</th><th>State</th><th>Errors</th><th>Warnings</th><th>Next review</th><th>Last tested</th><th>Contacts verified</th>${options.withOutputs ? '<th>Printed copies</th>' : ''}</tr></thead>
<tbody>
${planRows}
</tbody>
</table>

<h2 id="sections">Sections: practice by section</h2>
<p class="muted">✓ present · <b>empty</b> a heading with nothing under it · <b>✗</b> missing. ${
    gaps.length
      ? 'Most often missing or empty: ' +
        gaps
          .sort((a, b) => b.n - a.n)
          .slice(0, 5)
          .map((g) => `${esc(g.s.title)} (${g.n})`)
          .join(', ') +
        '.'
      : 'Every plan has every section.'
  }</p>
<table class="sortable matrix">
<thead><tr><th class="practice">Practice</th><th>Gaps</th>${sections.map((s) => `<th class="section" title="${esc(s.title)}${s.required ? '' : ' (recommended)'}">${esc(s.title)}${s.required ? '' : ' *'}</th>`).join('')}</tr></thead>
<tbody>
${matrixRows}
</tbody>
</table>
<p class="muted">* recommended, not required.</p>`;
  return sitePage('Continuity plans: estate dashboard', body);
}
