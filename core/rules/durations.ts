/** Durations as practice managers write them: "4 hours", "30 mins", "1 day", "2 weeks", "PT4H", "immediate". */
const UNITS: [RegExp, number][] = [
  [/^(minutes?|mins?|m)$/, 1 / 60],
  [/^(hours?|hrs?|h)$/, 1],
  [/^(days?|d)$/, 24],
  [/^(working days?)$/, 24],
  [/^(weeks?|wks?|w)$/, 24 * 7],
];

export function durationToHours(raw: string): number | undefined {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^(immediate(ly)?|0|none|zero)$/.test(s)) return 0;
  const iso = /^p(?:(\d+(?:\.\d+)?)d)?(?:t(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?)?$/.exec(s);
  if (iso && s !== 'p' && s !== 'pt') return Number(iso[1] ?? 0) * 24 + Number(iso[2] ?? 0) + Number(iso[3] ?? 0) / 60;
  const m = /^(?:within |up to |<\s*)?(\d+(?:\.\d+)?|half an?|an?|one|two|three|four)\s*(working days?|[a-z]+)$/.exec(
    s,
  );
  if (!m) return undefined;
  const words: Record<string, number> = {
    a: 1,
    an: 1,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    'half a': 0.5,
    'half an': 0.5,
  };
  const n = m[1] in words ? words[m[1]] : Number(m[1]);
  for (const [re, hours] of UNITS) if (re.test(m[2])) return n * hours;
  return undefined;
}
