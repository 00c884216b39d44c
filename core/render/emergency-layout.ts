/**
 * How large page 1 can print and still be one page: the page read by torchlight uses all of its
 * space, in the largest type its steps and numbers fit. Worked out from the text before printing (an
 * estimate of each line's width in Arial, calibrated against Chromium's layout with room to spare), so
 * the same plan always prints the same. styles.ts prints the sizes given here.
 */

export type EmergencyDensity = 'roomy' | 'normal' | 'compact' | 'tight';

export interface EmergencyRow {
  who: string;
  phone: string;
  alt: string;
  note: string;
}

export interface EmergencySizes {
  /** Type sizes in points. */
  step: number;
  who: number;
  phone: number;
  alt: number;
  note: number;
  lineHeight: number;
  /** Space above and below each table cell's text, in points. */
  cellPad: number;
  /** Space after each step, in points. */
  stepGap: number;
}

/** Largest first. Nothing on page 1 is smaller than 11pt. */
export const EMERGENCY_SIZES: Record<EmergencyDensity, EmergencySizes> = {
  roomy: { step: 14, who: 13, phone: 17, alt: 14, note: 13, lineHeight: 1.3, cellPad: 3, stepGap: 4 },
  normal: { step: 13, who: 12, phone: 15, alt: 13, note: 12, lineHeight: 1.25, cellPad: 2.5, stepGap: 3 },
  compact: { step: 12, who: 11, phone: 13, alt: 12, note: 11, lineHeight: 1.2, cellPad: 1.5, stepGap: 2 },
  tight: { step: 11, who: 11, phone: 12, alt: 11, note: 11, lineHeight: 1.15, cellPad: 1, stepGap: 1 },
};

/** A number longer than this (a placeholder, a number with words) may wrap; shorter ones never do. */
export const SHORT_NUMBER = 15;

/** The widths of the numbers table's columns, as shares of the page (styles.ts prints them). */
export const COLUMN_SHARES = { who: 0.32, phone: 0.25, alt: 0.22, note: 0.21 };

const MM_PER_PT = 25.4 / 72;
/** Arial's width per character, as a share of its size, for the plans' text (calibrated, rounded up). */
const CHAR_WIDTH_EM = 0.47;
const BOLD_WIDTH_EM = 0.6;
/** The page inside its margins (A4 less styles.ts PAGE_MARGINS), less room for what is not estimated. */
const PAGE_HEIGHT_MM = 297 - 22 - 24 - 1;
const PAGE_WIDTH_MM = 210 - 16 - 16;
/** The parts whose size does not change: kicker, boxed title, "Numbers to ring", table header, rules. */
const FIXED_MM = 6 + 14 + 10 + 7 + 4;

function lines(text: string, widthMm: number, sizePt: number, em = CHAR_WIDTH_EM): number {
  const perLine = Math.max(6, Math.floor(widthMm / (sizePt * MM_PER_PT * em)));
  // Words wrap whole: count by words, not characters.
  let count = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let len = word.length;
    while (len > perLine) {
      // A word longer than the line breaks where it must.
      count += used > 0 ? 1 : 0;
      len -= perLine;
      used = 0;
    }
    if (used > 0 && used + 1 + len > perLine) {
      count++;
      used = len;
    } else used += (used > 0 ? 1 : 0) + len;
  }
  return count;
}

/** Estimated height of page 1's content at these sizes, in millimetres. */
function emergencyHeightMm(steps: string[], rows: EmergencyRow[], then: string, z: EmergencySizes): number {
  const lineMm = (pt: number) => pt * MM_PER_PT * z.lineHeight;
  let mm = FIXED_MM;
  for (const s of steps) mm += lines(s, PAGE_WIDTH_MM - 9, z.step) * lineMm(z.step) + z.stepGap * MM_PER_PT;
  const cell = (text: string, share: number, pt: number, em?: number) =>
    text ? lines(text, PAGE_WIDTH_MM * share - 3.5, pt, em) * lineMm(pt) : lineMm(pt);
  for (const r of rows) {
    const text = Math.max(
      cell(r.who, COLUMN_SHARES.who, z.who, BOLD_WIDTH_EM),
      cell(r.phone, COLUMN_SHARES.phone, z.phone, BOLD_WIDTH_EM),
      cell(r.alt, COLUMN_SHARES.alt, z.alt, BOLD_WIDTH_EM),
      cell(r.note, COLUMN_SHARES.note, z.note),
    );
    mm += text + 2 * z.cellPad * MM_PER_PT + 0.3;
  }
  mm += lines(then, PAGE_WIDTH_MM, z.step) * lineMm(z.step);
  return mm;
}

/** The largest type page 1 fits on one page in; the smallest when even that may not. */
export function emergencyDensity(steps: string[], rows: EmergencyRow[], then: string): EmergencyDensity {
  for (const density of ['roomy', 'normal', 'compact'] as const) {
    if (emergencyHeightMm(steps, rows, then, EMERGENCY_SIZES[density]) <= PAGE_HEIGHT_MM) return density;
  }
  return 'tight';
}
