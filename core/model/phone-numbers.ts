/**
 * UK phone numbers written in running text ("ring the desk on 01632 960500", "+44 (0)20 7946 0123",
 * "0300-303-5222"), found by one linear scan (no pattern that could backtrack on a long step), and
 * compared by their digits so the same number written two ways is the same number.
 */

export interface FoundNumber {
  /** As written. */
  text: string;
  start: number;
  end: number;
  /** National form, digits only: 01632960500. */
  digits: string;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** The national digits of a number as written ("+44 (0)20 ..." -> "020..."), or undefined when it is not one. */
export function phoneDigits(written: string): string | undefined {
  let d = written.replace(/[^0-9+]/g, '');
  if (d.startsWith('+44')) d = '0' + d.slice(3).replace(/^0/, '');
  if (d.includes('+') || !d.startsWith('0')) return undefined;
  return d.length === 10 || d.length === 11 ? d : undefined;
}

/** Every UK number of 10 or 11 digits in the text, in order. */
export function findPhoneNumbers(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  let i = 0;
  while (i < text.length) {
    const international = text.startsWith('+44', i);
    if (!(international || (text[i] === '0' && isDigit(text[i + 1]))) || isDigit(text[i - 1])) {
      i++;
      continue;
    }
    // Digits, single spaces, hyphens and the brackets of "(0)" or "(01234)", up to 11 digits.
    let j = international ? i + 3 : i;
    let digits = 0;
    let end = j;
    while (j < text.length && digits <= 11) {
      const c = text[j];
      if (isDigit(c)) {
        digits++;
        end = ++j;
      } else if ((c === ' ' || c === '-' || c === '(' || c === ')') && j - end <= 1) j++;
      else break;
    }
    const written = text.slice(i, end);
    const national = !isDigit(text[end]) ? phoneDigits(written) : undefined;
    if (national) found.push({ text: written, start: i, end, digits: national });
    i = Math.max(end, i + 1);
  }
  return found;
}
