/**
 * Print CSS: A4, black-and-white friendly, large type, and page-break rules from the structure
 * (headings never end a page, table rows and steps are not split, each card and form starts a page).
 * Fonts are the system's: nothing is fetched.
 */
import { COLUMN_SHARES, EMERGENCY_SIZES, type EmergencyDensity } from './emergency-layout.js';

const pct = (share: number) => `${Math.round(share * 100)}%`;

export const PAGE_MARGINS = { top: '22mm', bottom: '24mm', left: '16mm', right: '16mm' };

/** Where the contents list's page numbers go: rows of fixed height below a fixed-height heading. */
export const TOC_GEOMETRY = {
  headingMm: 14,
  rowMm: 7.5,
  baselineFromRowBottomMm: 2,
  fontSizePt: 12,
  /** More rows than fit on one page: numbers come from a second layout pass instead. */
  maxRows: 30,
};

export const PRINT_CSS = `
@page { size: A4; margin: ${PAGE_MARGINS.top} ${PAGE_MARGINS.right} ${PAGE_MARGINS.bottom} ${PAGE_MARGINS.left}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: Arial, "Liberation Sans", Helvetica, "DejaVu Sans", sans-serif; font-size: 12pt; line-height: 1.4; color: #000; margin: 0; }
h1 { font-size: 24pt; margin: 0 0 8pt; line-height: 1.15; }
h2 { font-size: 17pt; margin: 18pt 0 6pt; padding-bottom: 3pt; border-bottom: 2pt solid #000; }
h3 { font-size: 13.5pt; margin: 12pt 0 4pt; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
p, li { orphans: 3; widows: 3; }
li { break-inside: avoid; margin: 0 0 4pt; }
tr, .slip, .box, .pair { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-size: 10.5pt; }
th, td { border: 0.75pt solid #000; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead th { background: #e6e6e6; }
blockquote { margin: 6pt 0; padding: 6pt 10pt; border: 1pt solid #000; border-left-width: 4pt; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 10pt; }
a { color: #000; text-decoration: none; }
.print-note { font-style: italic; }
.nowrap { white-space: nowrap; }
.plan-section { break-before: auto; }
.plan-section:first-child { break-before: page; }
.plan-section > h2:first-child { margin-top: 0; }
/* Page 1: the page used in the dark. Its type is as large as its content allows on one page
   (emergency-layout.ts picks the density and gives the sizes); nothing on it is smaller than 11pt. */
.emergency { break-after: page; }
.emergency-kicker { font-size: 11pt; text-transform: uppercase; letter-spacing: 0.06em; margin: 0 0 3pt; }
.emergency h1 { font-size: 22pt; border: 3pt solid #000; padding: 3pt 10pt; margin-bottom: 8pt; }
.first-steps { padding-left: 22pt; margin: 0 0 4pt; }
.numbers h2 { font-size: 15pt; margin: 4pt 0 4pt; }
.numbers table { margin: 0 0 4pt; table-layout: fixed; }
.numbers th, .numbers td { padding-left: 4pt; padding-right: 4pt; vertical-align: baseline; }
.numbers thead td { font-size: 11pt; font-weight: bold; background: #e6e6e6; padding-top: 1.5pt; padding-bottom: 1.5pt; }
.numbers tbody th { background: #fff; }
.numbers td.phone, .numbers td.alt { font-weight: bold; }
.numbers td.phone { white-space: nowrap; }
.numbers td.phone.long { white-space: normal; overflow-wrap: anywhere; }
.numbers thead td:nth-child(1) { width: ${pct(COLUMN_SHARES.who)}; }
.numbers thead td:nth-child(2) { width: ${pct(COLUMN_SHARES.phone)}; }
.numbers thead td:nth-child(3) { width: ${pct(COLUMN_SHARES.alt)}; }
.numbers thead td:nth-child(4) { width: ${pct(COLUMN_SHARES.note)}; }
.then { border-top: 1pt solid #000; padding-top: 3pt; margin: 4pt 0 0; }
${(Object.keys(EMERGENCY_SIZES) as EmergencyDensity[])
  .map((d) => {
    const z = EMERGENCY_SIZES[d];
    return `.emergency[data-density="${d}"] .first-steps, .emergency[data-density="${d}"] .then { font-size: ${z.step}pt; line-height: ${z.lineHeight}; }
.emergency[data-density="${d}"] .first-steps li { margin-bottom: ${z.stepGap}pt; }
.emergency[data-density="${d}"] .numbers table { line-height: ${z.lineHeight}; }
.emergency[data-density="${d}"] .numbers tbody th, .emergency[data-density="${d}"] .numbers tbody td { padding-top: ${z.cellPad}pt; padding-bottom: ${z.cellPad}pt; }
.emergency[data-density="${d}"] .numbers tbody th { font-size: ${z.who}pt; }
.emergency[data-density="${d}"] .numbers td.phone { font-size: ${z.phone}pt; }
.emergency[data-density="${d}"] .numbers td.alt { font-size: ${z.alt}pt; }
.emergency[data-density="${d}"] .numbers td.note { font-size: ${z.note}pt; }`;
  })
  .join('\n')}
/* Cover and contents */
.cover { break-after: page; }
.classification { font-weight: bold; letter-spacing: 0.08em; }
.subtitle { font-size: 16pt; margin: 0 0 14pt; }
.control th { width: 30%; background: #f0f0f0; }
.uncontrolled { font-weight: bold; border: 1.5pt solid #000; padding: 6pt; }
/* The contents page has a fixed geometry (TOC_GEOMETRY) so page numbers can be printed onto it
   after layout, in one pass. */
.toc { break-before: page; break-after: page; }
.toc h2 { height: ${TOC_GEOMETRY.headingMm}mm; margin: 0; padding: 0; box-sizing: border-box; }
.toc ol { list-style: none; padding: 0; margin: 0; font-size: 12pt; }
.toc li { display: flex; align-items: flex-end; height: ${TOC_GEOMETRY.rowMm}mm; margin: 0; padding-bottom: ${TOC_GEOMETRY.baselineFromRowBottomMm}mm; line-height: 1; white-space: nowrap; overflow: hidden; }
.toc .dots { flex: 1; border-bottom: 1pt dotted #000; margin: 0 4pt; }
.toc .page { min-width: 2.4em; text-align: right; }
/* Action cards */
.card { break-before: page; }
.card-head { border: 2.5pt solid #000; padding: 6pt 10pt; margin-bottom: 8pt; }
.card-head h2 { font-size: 24pt; border: 0; margin: 0 0 4pt; padding: 0; }
.card-kicker { margin: 0; text-transform: uppercase; font-size: 10.5pt; letter-spacing: 0.06em; }
.card-head p { margin: 0; }
.card-steps { list-style: none; padding: 0; font-size: 13pt; }
.card-section { font-weight: bold; margin: 10pt 0 4pt; border-bottom: 1pt solid #000; }
.card-step { display: flex; gap: 8pt; }
.tick { flex: none; width: 13pt; height: 13pt; border: 1.2pt solid #000; margin-top: 2pt; }
/* Forms */
.form { break-before: page; font-size: 11pt; }
.form-head { display: flex; justify-content: space-between; gap: 12pt; border-bottom: 2pt solid #000; margin-bottom: 8pt; }
.form-head h2 { border: 0; margin: 0; padding: 0; font-size: 18pt; }
.form-head p { margin: 2pt 0 6pt; font-size: 10pt; }
.form-practice { text-align: right; font-size: 10pt; min-width: 40%; }
.form-fields { display: flex; flex-wrap: wrap; gap: 4pt 16pt; margin: 6pt 0; }
.field { flex: 1 1 auto; display: flex; gap: 4pt; white-space: nowrap; }
.field .blank { flex: 1; min-width: 25mm; border-bottom: 0.75pt solid #000; }
table.ruled { font-size: 9.5pt; table-layout: fixed; }
table.ruled td { height: 9.5mm; }
table.ruled.compact td { height: 8mm; }
.box { border: 0.75pt solid #000; padding: 3pt 5pt; margin: 5pt 0; }
.pair { display: flex; gap: 6pt; }
.pair .box { flex: 1; }
.rule { height: 7mm; border-bottom: 0.5pt solid #777; }
.slip { border: 1.2pt dashed #000; padding: 6pt 8pt; margin: 0 0 8pt; }
.backentry, .form-note { font-size: 9.5pt; margin-top: 6pt; }
/* Draft stamp: fixed elements repeat on every printed page. */
.draft-stamp { position: fixed; top: 40%; left: 0; right: 0; text-align: center; transform: rotate(-30deg); font-size: 44pt; font-weight: bold; color: rgba(0,0,0,0.16); z-index: 10; pointer-events: none; }
@media screen { body { max-width: 190mm; margin: 12mm auto; } .emergency, .cover, .toc, .card, .form { border-bottom: 1px dashed #999; padding-bottom: 12mm; margin-bottom: 12mm; } }
`;
