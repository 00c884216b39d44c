// Model pointers: built and read in one place, with RFC 6901 escaping both ways.
import { describe, expect, it } from 'vitest';
import {
  cellPointer,
  childPointer,
  frontMatterPointer,
  isAtOrBelow,
  isBelow,
  isChildOf,
  parentPointer,
  pointerFromJson,
  pointerOf,
  readModelPath,
  ROOT_POINTER,
  sectionPointer,
  segmentsOf,
  subsectionPointer,
  tablePointer,
} from '../../core/model/model-pointer.js';

describe('model pointers', () => {
  it('escape ~ and / in segments and read them back (RFC 6901)', () => {
    const p = pointerOf('sections', 'a/b', 'c~d', '~01');
    expect(p).toBe('/sections/a~1b/c~0d/~001');
    expect(segmentsOf(p)).toEqual(['sections', 'a/b', 'c~d', '~01']);
    expect(segmentsOf(ROOT_POINTER)).toEqual([]);
  });

  it('build the model layout from one set of helpers', () => {
    const table = tablePointer(subsectionPointer(sectionPointer('prescribing'), 'controlled/drugs'), 'contacts');
    expect(cellPointer(table, 2, 'phone')).toBe(
      '/sections/prescribing/subsections/controlled~1drugs/tables/contacts/rows/2/phone',
    );
    expect(frontMatterPointer('eps_pharmacies', 0, 'phone')).toBe('/frontMatter/eps_pharmacies/0/phone');
    expect(childPointer(sectionPointer('x'), 'steps', 3)).toBe('/sections/x/steps/3');
  });

  it('walk up and compare without confusing a prefix of a segment for a parent', () => {
    expect(parentPointer(pointerOf('sections', 'a', 'steps'))).toBe('/sections/a');
    expect(parentPointer(pointerOf('sections'))).toBe('');
    expect(parentPointer(ROOT_POINTER)).toBe('');
    expect(isAtOrBelow(pointerOf('frontMatterX'), pointerOf('frontMatter'))).toBe(false);
    expect(isAtOrBelow(pointerOf('frontMatter'), pointerOf('frontMatter'))).toBe(true);
    expect(isBelow(pointerOf('frontMatter'), pointerOf('frontMatter'))).toBe(false);
    expect(isChildOf(pointerOf('frontMatter', 'a'), pointerOf('frontMatter'))).toBe(true);
    expect(isChildOf(pointerOf('frontMatter', 'a', 'b'), pointerOf('frontMatter'))).toBe(false);
  });

  it('read a pointer back into sections, subsections and tables', () => {
    const path = readModelPath(pointerFromJson('/sections/contacts/subsections/out~1of~0hours/tables/t1/rows/0/phone'));
    expect(path).toMatchObject({
      area: 'sections',
      sectionId: 'contacts',
      subsectionId: 'out/of~hours',
      tableId: 't1',
      rest: ['rows', '0', 'phone'],
    });
    expect(path.owner).toBe('/sections/contacts/subsections/out~1of~0hours/tables/t1');
    expect(readModelPath(pointerFromJson('/frontMatter/practice/ods_code'))).toMatchObject({
      area: 'frontMatter',
      rest: ['practice', 'ods_code'],
    });
    expect(() => pointerFromJson('sections')).toThrow(/Not a JSON pointer/);
  });
});
