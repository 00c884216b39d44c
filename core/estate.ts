/** Public entry for the estate view: plan summaries, the dashboard, the site index and the CSV. */
export { type SectionColumn, dashboardHtml } from './estate/dashboard-html.js';
export { estateCsv } from './estate/estate-csv.js';
export { type EstateRow, type PlanOutputs, sortRows, toEstateRow } from './estate/estate-row.js';
export { type PlanSummary, summarisePlan } from './estate/plan-summary.js';
export { siteIndexHtml } from './estate/site-index-html.js';
