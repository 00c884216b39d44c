/**
 * The dates a printed copy carries. SOURCE_DATE_EPOCH (seconds) makes them reproducible, so two
 * builds of the same plans give byte-identical PDFs; `render` and `build` read it the same way.
 */
import { todayIso } from '../core/index.js';
import { UsageError } from './discover-files.js';

/** SOURCE_DATE_EPOCH (seconds) makes the printed date and PDF dates reproducible. */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not '${raw}'`);
  return new Date(Number(raw) * 1000);
}

export interface PrintDates {
  /** The day plans are checked against and printed as (YYYY-MM-DD). */
  today: string;
  /** The date stamped into the PDFs' metadata. */
  pdfDate: Date;
}

/** --today wins, then SOURCE_DATE_EPOCH, then the clock; the PDF date follows the epoch when there is one. */
export function printDates(today: string | undefined): PrintDates {
  const epoch = sourceDate();
  const day = today ?? (epoch ? epoch.toISOString().slice(0, 10) : todayIso());
  return { today: day, pdfDate: epoch ?? new Date(`${day}T00:00:00Z`) };
}
