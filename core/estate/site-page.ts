/**
 * The frame shared by the estate pages (index and dashboard): screen CSS, and a small script that
 * sorts any table whose header cells are clicked. Pages are plain files that work offline; every
 * piece of plan text in them is escaped, and the script is the page's own (a hash in the page's
 * Content-Security-Policy allows it and nothing else).
 */
import { esc } from '../render/html.js';
import { host } from '../host/host.js';

const CSS = `
:root { --ok: #1b6e3a; --warn: #8a5a00; --bad: #b00020; --muted: #555; --line: #c8c8c8; }
* { box-sizing: border-box; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 15px; line-height: 1.45; color: #111; margin: 0; padding: 24px 32px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 2px solid #111; padding-bottom: 4px; }
p.lead { color: var(--muted); margin: 0 0 16px; }
nav a { margin-right: 16px; }
a { color: #0b4f9c; }
.tiles { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.tile { border: 1px solid var(--line); border-left: 6px solid #111; padding: 10px 14px; min-width: 150px; }
.tile b { display: block; font-size: 28px; }
.tile.ok { border-left-color: var(--ok); } .tile.warn { border-left-color: var(--warn); } .tile.bad { border-left-color: var(--bad); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; position: sticky; top: 0; }
th.sortable { cursor: pointer; user-select: none; }
th.sortable::after { content: " \\2195"; color: var(--muted); }
th[aria-sort="ascending"]::after { content: " \\2191"; } th[aria-sort="descending"]::after { content: " \\2193"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 13px; font-weight: bold; white-space: nowrap; }
.badge.ready, .badge.ok { background: #e3f4e8; color: var(--ok); }
.badge.warnings, .badge.due-soon { background: #fff1d6; color: var(--warn); }
.badge.fails-checks, .badge.overdue { background: #fde4e7; color: var(--bad); }
.badge.unknown { background: #eee; color: var(--muted); }
.matrix td, .matrix th { padding: 3px 4px; text-align: center; font-size: 13px; }
.matrix th.section { writing-mode: vertical-rl; transform: rotate(180deg); white-space: normal; height: 210px; max-height: 210px; text-align: left; vertical-align: top; font-weight: normal; font-size: 12.5px; line-height: 1.2; }
.matrix td.practice, .matrix th.practice { text-align: left; white-space: nowrap; }
.cell-present { color: var(--ok); } .cell-empty { background: #fff1d6; color: var(--warn); font-weight: bold; } .cell-missing { background: #fde4e7; color: var(--bad); font-weight: bold; }
.chart text { font-size: 12px; fill: #111; }
.chart rect.overdue { fill: var(--bad); } .chart rect.soon { fill: var(--warn); } .chart rect.later { fill: #4a6fa5; } .chart rect.none { fill: #999; }
input[type=search] { font-size: 15px; padding: 6px 10px; width: min(420px, 100%); margin: 8px 0; }
.muted { color: var(--muted); }
@media print { nav, input[type=search] { display: none; } thead th { position: static; } }
`;

// Sorts by each cell's data-sort (numbers numerically), keeps a filter box in step with the rows.
const SCRIPT = `
document.querySelectorAll('table.sortable').forEach(function (table) {
  var heads = table.querySelectorAll('thead th');
  heads.forEach(function (th, col) {
    th.classList.add('sortable');
    th.tabIndex = 0;
    var sort = function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (r) { var c = r.cells[col]; var v = c ? (c.getAttribute('data-sort') || c.textContent) : ''; var n = Number(v); return v !== '' && !isNaN(n) ? n : v.toLowerCase(); };
      rows.sort(function (a, b) { var x = key(a), y = key(b); var r = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)); return asc ? r : -r; });
      rows.forEach(function (r) { body.appendChild(r); });
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
  });
});
document.querySelectorAll('input[data-filter]').forEach(function (input) {
  var table = document.getElementById(input.getAttribute('data-filter'));
  input.addEventListener('input', function () {
    var q = input.value.trim().toLowerCase();
    Array.prototype.forEach.call(table.tBodies[0].rows, function (r) { r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) === -1; });
  });
});
`;

const SCRIPT_HASH = host().sha256(SCRIPT, 'base64');

export function sitePage(title: string, body: string): string {
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** A coloured label that also says its meaning in words (never colour alone). */
export function badge(kind: string, text: string): string {
  return `<span class="badge ${esc(kind)}">${esc(text)}</span>`;
}

/** Relative link for a path inside the site, with each segment URL-encoded. */
export function href(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
