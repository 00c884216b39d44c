/**
 * Role action cards: one page per role with that role's steps from the whole plan, in plan order,
 * with a tick box per step, to hand out at the start of an outage.
 */
import { esc } from './html.js';
import type { PlanFacts } from './plan-facts.js';
import { stepWithoutRole } from './step-text.js';

export function cardsHtml(facts: PlanFacts): string {
  const cards: string[] = [];
  for (const [role, steps] of facts.roleSteps) {
    let lastSection = '';
    const items: string[] = [];
    for (const { sectionTitle, step } of steps) {
      if (sectionTitle !== lastSection) {
        items.push(`<li class="card-section">${esc(sectionTitle)}</li>`);
        lastSection = sectionTitle;
      }
      items.push(
        `<li class="card-step"><span class="tick"></span><span>${esc(stepWithoutRole(step.text, step.role))}</span></li>`,
      );
    }
    cards.push(`<article class="card">
<header class="card-head"><p class="card-kicker">Action card &middot; ${esc(facts.practiceName)}</p><h2>${esc(role)}</h2>
<p>Take this card when the plan is activated. Work down the list and tick each step. Record decisions in the decision and action log.</p></header>
<ul class="card-steps">${items.join('')}</ul>
</article>`);
  }
  return cards.join('\n');
}
