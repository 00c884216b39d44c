/**
 * Where a requirement comes from: the `x-sources` annotation on a schema section (and the `sources`
 * of a content rule), each a title and a URL, shown in the generated docs, in hover and in rule docs
 * so a practice manager can see why the tool asks for something.
 */
export interface Source {
  title: string;
  url: string;
}

const MAX_SOURCES = 20;

/** The well-formed entries of an `x-sources` value; anything else (from an ICB extension) is ignored. */
export function readSources(value: unknown): Source[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, MAX_SOURCES)
    .filter(
      (s): s is Source =>
        !!s &&
        typeof s === 'object' &&
        typeof s.title === 'string' &&
        typeof s.url === 'string' &&
        /^https?:\/\//.test(s.url),
    )
    .map((s) => ({ title: s.title, url: s.url }));
}

/** Markdown: "Sources: [title](url); [title](url)". Empty when there are none. */
export function sourcesMarkdown(sources: Source[]): string {
  const md = (s: string) => s.replace(/[[\]\\]/g, '\\$&');
  return sources.length
    ? `Sources: ${sources.map((s) => `[${md(s.title)}](${s.url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`).join('; ')}`
    : '';
}
