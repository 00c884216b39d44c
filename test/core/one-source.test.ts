// Facts written once: the ODS code pattern comes from the schema, line endings from one module, the
// missing-field value from the front-matter schema.
import { describe, expect, it } from 'vitest';
import { countLineEnds, eolOf } from '../../core/input/line-ends.js';
import { validateOdsCode } from '../../core/new-plan.js';
import { frontMatterSchemaAt, missingFieldValue } from '../../core/schema/front-matter-schema.js';
import { loadPlanSchema } from '../../core/schema/load-schema.js';

describe('one source for each fact', () => {
  it("the new-plan ODS check uses the schema's pattern", () => {
    const pattern = frontMatterSchemaAt(loadPlanSchema().properties.frontMatter, ['practice', 'ods_code'])?.pattern;
    expect(pattern).toBe('^[A-Z][0-9]{5}$');
    expect(validateOdsCode('K81003')).toBeUndefined();
    expect(validateOdsCode('k81003')).toBe(
      "'k81003' is not a GP practice ODS code: one capital letter and five digits, for example K81003.",
    );
    expect(validateOdsCode('K810031')).toMatch(/is not a GP practice ODS code/);
  });

  it('counts line ends as markdown does and keeps a plan’s own line ending', () => {
    expect(countLineEnds('a\nb\r\nc\rd', 0, 8)).toBe(3);
    expect(eolOf('a\r\nb\n')).toBe('\r\n');
    expect(eolOf('a\nb\n')).toBe('\n');
  });

  it('fills a missing front-matter field from its schema', () => {
    expect(missingFieldValue({ type: 'string', title: 'Owner' }, 'owner')).toBe('{{Owner}}');
    // Groups and lists get their whole shape to fill in, never an empty `{}` or `[]`.
    expect(missingFieldValue({ type: 'array', items: { type: 'string', title: 'Location' } }, 'x')).toEqual([
      '{{Location}}',
    ]);
    expect(
      missingFieldValue(
        { type: 'object', required: ['name'], properties: { name: { type: 'string', title: 'Name' } } },
        'icb',
      ),
    ).toEqual({ name: '{{Name}}' });
    expect(missingFieldValue({ type: 'string', default: 'draft' }, 'status')).toBe('draft');
    expect(
      frontMatterSchemaAt({ properties: { a: { type: 'array', items: { properties: { b: { title: 'B' } } } } } }, [
        'a',
        '0',
        'b',
      ]),
    ).toEqual({ title: 'B' });
  });
});
