// The commonest YAML slip: a value with ': ' inside. Recognised on its line, quoted without loss.
import { describe, expect, it } from 'vitest';
import { colonSlipAt, quoteYamlValue } from '../../core/model/colon-in-value.js';

describe('colon in a value', () => {
  it('finds the value on the line, in a group or a list item', () => {
    const src = 'practice:\n  address: 14 Wharf Road: Maidstone\n';
    const slip = colonSlipAt(src, src.indexOf('Maidstone'))!;
    expect(slip).toMatchObject({
      key: 'address',
      value: '14 Wharf Road: Maidstone',
      quoted: '"14 Wharf Road: Maidstone"',
    });
    expect(src.slice(slip.start, slip.end)).toBe('14 Wharf Road: Maidstone');
    const list = 'approved_by:\n  - name: Dr A: partner # signed\n';
    expect(colonSlipAt(list, list.indexOf('partner'))).toMatchObject({ key: 'name', value: 'Dr A: partner' });
  });

  it('leaves quoted values, times without a space and other lines alone', () => {
    expect(colonSlipAt('address: "14 Wharf Road: Maidstone"\n', 12)).toBeUndefined();
    expect(colonSlipAt('opening: 08:00 to 18:30\n', 10)).toBeUndefined();
    expect(colonSlipAt('a: b\nc: d: e\n', 2)).toBeUndefined();
  });

  it('quotes a value that has double quotes in it with single quotes, doubling any single quote', () => {
    expect(quoteYamlValue('The "Old" Surgery: Jo\'s')).toBe("'The \"Old\" Surgery: Jo''s'");
    expect(quoteYamlValue('A: B')).toBe('"A: B"');
  });
});
