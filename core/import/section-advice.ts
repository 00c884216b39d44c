/**
 * What the import report says about a heading that probably is one of the plan's sections, in the
 * checker's own words (core/model/claim-hint.ts, where the `{#not-id}` answer is defined), so a
 * practice learns the one way every tool asks it.
 */
import { afterTheAnswer, isItThatSection } from '../model/claim-hint.js';

export function likelyHeadingAdvice(heading: string, section: { id: string; title: string }): string {
  return `'${heading}' looks like the '${section.title}' section, so no draft of it was inserted: ${isItThatSection(section.id)}. ${afterTheAnswer(section.id)}`;
}
