/**
 * Where a requirement comes from: the `x-sources` annotation on a schema section (and the `sources`
 * of a content rule), each a title, an https address and the publisher, shown in the generated docs
 * (by publisher in docs/sources.md), in hover and in rule docs so a practice manager can see why the
 * tool asks for something and an ICB's clinical safety officer can review every source in one place.
 */
export interface Source {
  title: string;
  url: string;
  /** Who published it (a body, a regulator, a journal): what a reviewer weighs the claim by. */
  publisher: string;
}

const MAX_SOURCES = 20;
const MAX_TEXT = 300;

/** "www.england.nhs.uk" from an address: the publisher of a source that names none. */
function hostOf(url: string): string {
  return /^https:\/\/([^/?#]+)/.exec(url)?.[1] ?? url;
}

/**
 * The well-formed entries of an `x-sources` value (title and https address; anything else, from an
 * ICB extension, is ignored). A source from an extension that names no publisher is shown under the
 * address's host, so an older extension keeps working and its sources are still grouped.
 */
export function readSources(value: unknown): Source[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, MAX_SOURCES)
    .filter(
      (s): s is { title: string; url: string; publisher?: unknown } =>
        !!s &&
        typeof s === 'object' &&
        typeof s.title === 'string' &&
        typeof s.url === 'string' &&
        /^https:\/\/[^\s/?#]+/.test(s.url),
    )
    .map((s) => ({
      title: s.title.slice(0, MAX_TEXT),
      url: s.url,
      publisher:
        typeof s.publisher === 'string' && s.publisher.trim() ? s.publisher.trim().slice(0, MAX_TEXT) : hostOf(s.url),
    }));
}

const escapeLinkText = (s: string) => s.replace(/[[\]\\]/g, '\\$&');
const escapeLinkUrl = (s: string) =>
  s.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** One source as a markdown link: "[title](url)". */
export function sourceLink(s: Source): string {
  return `[${escapeLinkText(s.title)}](${escapeLinkUrl(s.url)})`;
}

/** Markdown: "Sources: [title](url); [title](url)". Empty when there are none. */
export function sourcesMarkdown(sources: Source[]): string {
  return sources.length ? `Sources: ${sources.map(sourceLink).join('; ')}` : '';
}
