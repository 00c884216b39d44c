/**
 * A rule's help as platforms show it beside a finding (SARIF `help` and `fullDescription` on GitHub's
 * alert page): the same words as docs/rules.md, made from the same metadata (description, rationale,
 * examples), so the help cannot say something the docs do not.
 */
import { rules } from './index.js';

/** Schema-placed findings have no rule file; their messages say what is missing and what to write. */
const SCHEMA_RATIONALE =
  "The plan's schema (schema/plan.schema.json) says what a complete plan contains. Each message names what is missing or wrong, why it matters when the IT fails, and what to write.";

export interface RuleHelp {
  /** Why it matters and how to fix it: GitHub shows it as the rule's full description. */
  fullDescription: string;
  text: string;
  markdown: string;
}

export function ruleHelp(
  info: { id: string; description: string; severity: string; rationale?: string },
  url?: string,
): RuleHelp {
  const rule = rules.find((r) => r.id === info.id);
  const rationale = info.rationale ?? rule?.rationale ?? SCHEMA_RATIONALE;
  const text = [`${info.description}`, '', rationale, ...(url ? ['', `Documentation: ${url}`] : [])].join('\n');
  const markdown = [
    `**${info.id}** (default level: ${info.severity}): ${info.description}`,
    '',
    rationale,
    ...(rule?.examples ?? [])
      .slice(0, 3)
      .flatMap((ex) => ['', `Example (${ex.title}):`, '', '```markdown', ex.markdown.trimEnd(), '```']),
    ...(url && /^https?:/.test(url) ? ['', `[Rule documentation](${url})`] : []),
  ].join('\n');
  return { fullDescription: rationale, text, markdown };
}
