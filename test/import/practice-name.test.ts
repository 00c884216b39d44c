// The practice's name, found where documents put it and recognised by what a name is (issue 22).
import { describe, expect, it } from 'vitest';
import { findPracticeName } from '../../core/import/practice-name.js';
import { nameInLine } from '../../core/model/practice-name-in-line.js';

describe('a name in a line', () => {
  it.each([
    ['The Practice of Health', 'The Practice of Health'],
    ['Castle Street Surgery Business Continuity Plan', 'Castle Street Surgery'],
    ['Business Continuity Plan – Riverside Medical Centre', 'Riverside Medical Centre'],
    ['IT outage plan | Dr Okafor & Partners', 'Dr Okafor & Partners'],
    ['The Elms Medical Practice: IT Outage Plan 2025', 'The Elms Medical Practice'],
    ['St. Mary’s Surgery BCP v3', 'St. Mary’s Surgery'],
    ['HEXLEY HEALTH', 'HEXLEY HEALTH'],
  ])('%s -> %s', (line, name) => {
    expect(nameInLine(line, false)).toBe(name);
  });

  it.each([
    'Business Continuity Plan',
    'Disaster Recovery Plan (DRP)',
    'Service Continuity Plan & Risk Assessment',
    'IT Outage Business Continuity Plan',
    'Template supplied by First Practice Management Ltd and adapted by the practice.',
    '© 2025 Dr Okafor & Partners. Website by Practice Web Solutions Ltd.',
    'Practice code: M85042',
    'Version 4.2, reviewed March 2025',
    'Reviewed April 2025 by the partners.',
    'Divert the main number to the practice mobile.',
  ])('no name in %s', (line) => {
    expect(nameInLine(line, true)).toBeUndefined();
  });

  it('takes a name with no practice word only from a line written to stand out', () => {
    expect(nameInLine('Hexley Health - Business Continuity Plan', true)).toBe('Hexley Health');
    expect(nameInLine('The Elms', true)).toBe('The Elms');
    expect(nameInLine('The Elms', false)).toBeUndefined();
    expect(nameInLine('Emergency Procedures', true)).toBeUndefined();
  });
});

describe('where the name is looked for', () => {
  const none = { cover: [], text: [] };
  it('a labelled line first, then the cover, the page title, the file properties, and the text last', () => {
    const cover = [
      { text: 'Business Continuity Plan', prominent: true },
      { text: 'Riverside Surgery', prominent: true },
    ];
    const text = ['Riverside Surgery will take our calls.'];
    expect(
      findPracticeName({
        ...none,
        labelled: { value: 'Castle Surgery', from: 'Practice name: Castle Surgery' },
        cover,
      }),
    ).toMatchObject({ value: 'Castle Surgery', where: 'label' });
    expect(findPracticeName({ ...none, cover, pageTitle: 'Plan | Elm Park Surgery' })).toMatchObject({
      value: 'Riverside Surgery',
      where: 'cover',
    });
    expect(
      findPracticeName({ ...none, pageTitle: 'Plan | Elm Park Surgery', properties: { title: 'Hexley Health BCP' } }),
    ).toMatchObject({ value: 'Elm Park Surgery', where: 'page title' });
    expect(findPracticeName({ ...none, properties: { title: 'Hexley Health BCP' } })).toMatchObject({
      value: 'Hexley Health',
      where: 'properties',
    });
    expect(findPracticeName({ ...none, text })).toMatchObject({ value: 'Riverside Surgery', where: 'text' });
  });

  it('never from inside another organisation’s name in the text, nor from generic words', () => {
    const text = [
      'This template was written by First Practice Management for its members.',
      'The Practice will close at 6pm.',
    ];
    expect(findPracticeName({ ...none, text })).toBeUndefined();
  });

  it('writes a name given in capitals as another source writes it', () => {
    const cover = [{ text: 'HEXLEY HEALTH', prominent: true }];
    expect(
      findPracticeName({ ...none, cover, properties: { title: 'Hexley Health - Business Continuity Plan' } })?.value,
    ).toBe('Hexley Health');
    expect(findPracticeName({ ...none, cover })?.value).toBe('HEXLEY HEALTH');
  });
});
