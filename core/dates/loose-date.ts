/**
 * Read a date a person wrote in a British way ("01/03/2026", "1 March 2026", "1st Mar 2026") so a fix
 * can offer the ISO form. Ambiguous or impossible dates give undefined: no fix is better than a wrong one.
 */
/** The months as written in full, January first: what dates are printed with and read from. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3).toLowerCase());

function iso(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function looseDateToIso(input: string): string | undefined {
  const s = input.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return iso(+m[3], +m[2], +m[1]); // UK order: day/month/year
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase());
    if (month >= 0) return iso(+m[3], month + 1, +m[1]);
  }
  return undefined;
}

/** "1 March 2026" for an ISO date, as printed on the page. */
export function formatLongDate(isoDate: string): string {
  const [y, mo, d] = isoDate.split('-').map(Number);
  return `${d} ${MONTH_NAMES[mo - 1]} ${y}`;
}
