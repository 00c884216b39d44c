/**
 * Ofcom's numbers for TV, radio and film drama: ranges kept out of service so that a number shown in
 * fiction (and in our example plans and template) can never ring a real person. The numbering-plan
 * library rightly treats most of them as unassigned, so they are allowed here by name.
 *
 * Source: Ofcom, "Telephone numbers for use in TV and radio drama programmes"
 * (https://www.ofcom.org.uk/phones-and-broadband/phone-numbers/numbers-for-drama): 1,000 numbers in
 * each of 15 geographic areas, 1,000 in the fictional area 01632, and 1,000 each of mobile (07700),
 * freephone (08081), premium rate (0909) and UK-wide (03069) numbers.
 */
const DRAMA_RANGES: { prefix: string; length: number }[] = [
  ...['0113', '0114', '0115', '0116', '0117', '0118', '0121', '0131', '0141', '0151', '0161'].map((area) => ({
    prefix: `${area}4960`,
    length: 11,
  })),
  { prefix: '02079460', length: 11 }, // London
  { prefix: '01914980', length: 11 }, // Tyneside
  { prefix: '02896496', length: 11 }, // Northern Ireland
  { prefix: '02920180', length: 11 }, // Cardiff
  { prefix: '01632960', length: 11 }, // no real area
  { prefix: '07700900', length: 11 }, // mobile
  { prefix: '08081570', length: 11 }, // freephone
  { prefix: '09098790', length: 11 }, // premium rate
  { prefix: '03069990', length: 11 }, // UK-wide
];

/** Is this national number (digits only, leading 0) one of Ofcom's drama numbers? */
export function isDramaNumber(nationalDigits: string): boolean {
  return DRAMA_RANGES.some((r) => nationalDigits.length === r.length && nationalDigits.startsWith(r.prefix));
}
