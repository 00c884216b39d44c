/**
 * Page 1: what to do in the first 15 minutes and the few numbers to ring, readable in 30 seconds.
 */
import type { PlanModel } from '../model/plan-model.js';
import { esc } from './html.js';
import type { PlanFacts } from './plan-facts.js';

export function emergencyPageHtml(model: PlanModel, facts: PlanFacts): string {
  const steps = model.sections['quick-start']?.steps ?? [];
  const list = steps.length
    ? `<ol class="first-steps">${steps.map((s) => `<li>${s.role ? `<b>${esc(s.role.replace(/[*:]/g, '').trim())}:</b> ${esc(s.text.trimStart().replace(/^\**[^:*]+:\**\s*:?\s*/, ''))}` : esc(s.text)}</li>`).join('')}</ol>`
    : '<p class="missing">This plan has no quick-start steps. Go to the activation section.</p>';
  const numbers = [
    ...facts.keyNumbers.map((k) => ({
      who: k.who,
      phone: k.phone,
      extra: [k.alt ? `or ${k.alt}` : '', k.reference ? `ref ${k.reference}` : ''].filter(Boolean).join(' · '),
    })),
    ...facts.divertNumbers.slice(0, 2).map((n, i) => ({
      who: i === 0 ? 'Divert practice calls to' : 'Second divert number',
      phone: n,
      extra: facts.telephonyProvider ? `set with ${facts.telephonyProvider}` : '',
    })),
  ];
  return `<section class="emergency" id="emergency">
<p class="emergency-kicker">${esc(facts.practiceName)} &middot; IT outage</p>
<h1>IT has failed: do this first</h1>
${list}
<div class="numbers"><h2>Numbers to ring</h2>
<table><tbody>${numbers.map((n) => `<tr><th>${esc(n.who)}</th><td class="phone">${esc(n.phone)}</td><td>${esc(n.extra)}</td></tr>`).join('')}</tbody></table></div>
<p class="then">Then: declare the incident (see <b>IT failure protocol</b>), hand out the <b>action cards</b>, and start the <b>decision and action log</b>. Paper forms are at the back of this plan and in the grab pack.</p>
</section>`;
}
