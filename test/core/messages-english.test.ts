// Messages that read as English whatever the placeholder or count: "Replace it with what changed",
// never "the what changed"; "one of EMIS Web, ... or other"; "1 row", never "1 rows".
import { describe, expect, it } from 'vitest';
import { buildCatalogue, checkPlan, loadPlanSchema } from '../../core/index.js';
import { whatToWrite } from '../../core/rules/placeholder.js';
import { readPlan, TODAY } from '../helpers/plans.js';

const catalogue = buildCatalogue([loadPlanSchema()]);

describe('placeholder messages', () => {
  it("say what to write for the issue's examples", () => {
    expect(whatToWrite('EMIS Web, TPP SystmOne, Vision, Medicus or other')).toBe(
      'one of EMIS Web, TPP SystmOne, Vision, Medicus or other',
    );
    expect(whatToWrite('what changed')).toBe('what changed');
    expect(whatToWrite('how long the UPS and phones last')).toBe('how long the UPS and phones last');
    expect(whatToWrite('Low/Medium/High')).toBe('one of Low, Medium or High');
    expect(whatToWrite('YYYY-MM-DD, within 12 months of the last review')).toBe(
      'the date, written YYYY-MM-DD (within 12 months of the last review)',
    );
    expect(whatToWrite('phone')).toBe('the phone');
  });

  it('read as English for every placeholder the template and the schema ship', () => {
    const texts = [
      readPlan('template.md'),
      ...catalogue.sections.flatMap((s) => [s, ...s.subsections]).map((s) => s.template ?? ''),
    ];
    const placeholders = [...new Set(texts.flatMap((t) => [...t.matchAll(/\{\{([^{}\n]*)\}\}/g)].map((m) => m[1])))];
    expect(placeholders.length).toBeGreaterThan(40);
    for (const p of placeholders) {
      const said = whatToWrite(p);
      // No article before a question or a list of choices, and choices never run on as one name.
      expect(said, p).not.toMatch(/^the (?:what|how|who|where|when|which|why|whether)\b/i);
      expect(said, p).not.toMatch(/^the [^,]*(?:, [^,]*)+ or /);
      expect(said, p).not.toMatch(/^the .*\/.*/);
    }
  });
});

describe('counts and lists in messages', () => {
  it('a count of one is singular, a group of one field says field', () => {
    const text =
      '---\ntitle: Plan\n---\n# Plan\n\n## Roles and responsibilities\n\n| Role | Name | Deputy |\n| --- | --- | --- |\n| Incident lead | A | B |\n';
    const messages = checkPlan(text, { today: TODAY }).diagnostics.map((d) => d.message);
    expect(messages).toContainEqual(expect.stringMatching(/has 1 row; it needs at least 4\./));
    expect(messages.join('\n')).not.toMatch(/\b1 rows\b/);
    expect(messages).toContainEqual(
      expect.stringContaining(
        "Add 'clinical_system:' with its field name on its own line indented by two spaces under it",
      ),
    );
  });
});
