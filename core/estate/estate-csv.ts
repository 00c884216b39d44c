/** The estate as CSV for spreadsheets (UTF-8 with a BOM, CRLF, as Excel opens it): one row per plan, one column per required or recommended section. */
import type { EstateRow } from './estate-row.js';

function cell(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  // Quote when needed. Text starting with = + - @ would run as a formula in a spreadsheet: neutralised.
  const safe = typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function estateCsv(rows: EstateRow[], sections: { id: string; title: string }[]): string {
  const header = [
    'Practice',
    'ODS code',
    'ICB',
    'Plan file',
    'State',
    'Errors',
    'Warnings',
    'Next review',
    'Days to review',
    'Review',
    'Last tested',
    'Test',
    'Contacts verified',
    ...sections.map((s) => s.title),
  ];
  const lines = [header.map(cell).join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.practiceName,
        r.odsCode,
        r.icb,
        r.path,
        r.state,
        r.errors,
        r.warnings,
        r.nextReview,
        r.reviewInDays,
        r.review,
        r.lastTested,
        r.test,
        r.contactsVerified,
        ...sections.map((s) => r.sections[s.id] ?? ''),
      ]
        .map(cell)
        .join(','),
    );
  }
  // A UTF-8 byte order mark first: without it Excel reads the file as the local code page and practice
  // names such as "Ynys Môn" or "St Mary's – Ashford" come out garbled.
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
