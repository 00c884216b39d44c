/** Tiny helpers for building HTML strings safely: every piece of plan text goes through `esc`. */
export function esc(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A slug usable as an HTML id. */
export function anchorId(prefix: string, s: string): string {
  return `${prefix}-${
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  }`;
}
