/** The cover and document-control block, then the contents list (page numbers filled in later). */
import { esc } from './html.js';
import { longDate, type PlanFacts } from './plan-facts.js';

export interface TocEntry {
  id: string;
  title: string;
  page?: number;
  /** The heading that starts this entry in the printed document, when not `title`. */
  matchTitle?: string;
}

export function coverHtml(facts: PlanFacts, revision: string, printedDate: string): string {
  const row = (label: string, value: string) => (value ? `<tr><th>${esc(label)}</th><td>${esc(value)}</td></tr>` : '');
  const approvals = facts.approvers
    .map((a) => `${a.name}, ${a.role}${a.date ? `, ${longDate(a.date)}` : ''}`)
    .join('; ');
  const copies = facts.hardCopies.map((h) => `${h.location} (${h.holder}${h.offSite ? ', off site' : ''})`).join('; ');
  return `<section class="cover" id="cover">
<p class="classification">${esc(facts.classification)}</p>
<h1>${esc(facts.practiceName)}</h1>
<p class="subtitle">${esc(facts.title)}</p>
<table class="control"><tbody>
${row('ODS code', facts.odsCode)}
${row('Address', facts.address)}
${row('Practice phone', facts.practicePhone)}
${row('Integrated care board', facts.icbName)}
${row('Version', `${facts.version}${facts.status ? ` (${facts.status})` : ''}`)}
${row('Plan owner', [facts.ownerName, facts.ownerRole].filter(Boolean).join(', '))}
${row('Approved by', approvals)}
${row('Issued', longDate(facts.dateIssued))}
${row('Last reviewed', longDate(facts.lastReviewed))}
${row('Next review due', longDate(facts.nextReview))}
${row('Last tested', longDate(facts.lastTested))}
${row('Clinical system', facts.clinicalSystem)}
${row('Telephony', facts.telephonyProvider)}
${row('Printed copies', copies)}
${row('Source revision', revision)}
${row('Printed', longDate(printedDate))}
</tbody></table>
<p class="uncontrolled">Uncontrolled when printed. Check that the review date above has not passed and that this is the current version before relying on it.</p>
</section>`;
}

export function tocHtml(entries: TocEntry[]): string {
  return `<nav class="toc" id="contents"><h2>Contents</h2><ol>${entries
    .map(
      (e) =>
        `<li><a href="#${esc(e.id)}">${esc(e.title)}</a><span class="dots"></span><span class="page">${e.page ?? '&nbsp;&nbsp;'}</span></li>`,
    )
    .join('')}</ol></nav>`;
}
