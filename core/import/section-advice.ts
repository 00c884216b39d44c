/**
 * What the import report says about a heading that probably is one of the plan's sections: the one
 * way every tool asks it ("if it is, add {#id}; if it is not, add {#not-id}"), so a practice learns
 * it once. The two sentences are the checker's own (isItThatSection and afterTheAnswer in
 * core/model/claim-hint.ts, where the `{#not-id}` answer is defined); they are written here only
 * until that lands, and should then be imported from there.
 */
function isItThatSection(id: string): string {
  return `if it is, add {#${id}} to the end of the heading; if it is not, add {#not-${id}} to the end of the heading instead`;
}

function afterTheAnswer(id: string): string {
  return `With {#${id}} the plan is checked and printed with the heading as that section; with {#not-${id}} the tools stop asking, and the section's draft is inserted by its quick fix or by 'continuity lint --fix --add-missing'.`;
}

export function likelyHeadingAdvice(heading: string, section: { id: string; title: string }): string {
  return `'${heading}' looks like the '${section.title}' section, so no draft of it was inserted: ${isItThatSection(section.id)}. ${afterTheAnswer(section.id)}`;
}
