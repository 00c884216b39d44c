/**
 * Page 1: what to do in the first 15 minutes and the few numbers to ring, readable in 30 seconds.
 */
import type { PlanModel } from '../model/plan-model.js';
import { esc } from './html.js';
import type { PlanFacts } from './plan-facts.js';
import { roleLabel, stepWithoutRole } from './step-text.js';
import { emergencyDensity, SHORT_NUMBER, type EmergencyRow } from './emergency-layout.js';

const THEN =
  'Then: declare the incident (see IT failure protocol), hand out the action cards, and start the decision and action log. Paper forms are at the back of this plan and in the grab pack.';

export function emergencyPageHtml(model: PlanModel, facts: PlanFacts): string {
  const steps = model.sections['quick-start']?.steps ?? [];
  const stepTexts = steps.map((s) => (s.role ? `${roleLabel(s.role)}: ${stepWithoutRole(s.text, s.role)}` : s.text));
  const list = steps.length
    ? `<ol class="first-steps">${steps.map((s) => `<li>${s.role ? `<b>${esc(roleLabel(s.role))}:</b> ${esc(stepWithoutRole(s.text, s.role))}` : esc(s.text)}</li>`).join('')}</ol>`
    : '<p class="missing">This plan has no quick-start steps. Go to the activation section.</p>';
  // Every number in its own column, in type read by torchlight: the other number and what to quote
  // are as much use in the dark as the first number.
  const rows: EmergencyRow[] = [
    ...facts.keyNumbers.map((k) => ({ who: k.who, phone: k.phone, alt: k.alt ?? '', note: k.reference ?? '' })),
    ...facts.divertNumbers.slice(0, 2).map((n, i) => ({
      who: i === 0 ? 'Divert practice calls to' : 'Second divert number',
      phone: n,
      alt: '',
      note: facts.telephonyProvider ? `Set up with ${facts.telephonyProvider}` : '',
    })),
  ];
  const density = emergencyDensity(stepTexts, rows, THEN);
  return `<section class="emergency" data-density="${density}" id="emergency">
<p class="emergency-kicker">${esc(facts.practiceName)} &middot; IT outage</p>
<h1>IT has failed: do this first</h1>
${list}
<div class="numbers"><h2>Numbers to ring</h2>
<table><thead><tr><td>Who</td><td>Number</td><td>Other number</td><td>Reference or note</td></tr></thead><tbody>${rows.map((n) => `<tr><th>${esc(n.who)}</th><td class="phone${n.phone.length > SHORT_NUMBER ? ' long' : ''}">${esc(n.phone)}</td><td class="alt">${esc(n.alt)}</td><td class="note">${esc(n.note)}</td></tr>`).join('')}</tbody></table></div>
<p class="then">Then: declare the incident (see <b>IT failure protocol</b>), hand out the <b>action cards</b>, and start the <b>decision and action log</b>. Paper forms are at the back of this plan and in the grab pack.</p>
</section>`;
}
