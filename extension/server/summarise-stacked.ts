/**
 * Problems stacked on one spot (a new plan has a dozen "missing section" errors on its title line)
 * become one diagnostic that names them all, with related information pointing at each part, and
 * the individual fixes kept for the light bulb. A hover with 21 stacked messages helps nobody.
 */
import type { Diagnostic as LspDiagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix } from '../../core/index.js';
import type { DiagnosticData } from './convert.js';

/** At this many problems of one kind on one range, they are summarised. */
export const STACK_THRESHOLD = 3;

const NAMED = /^The plan has no '(.+?)' section/;

const KIND: Record<string, [string, string]> = {
  'schema/required-section': ['required section', 'required sections'],
  'recommended-section': ['recommended section', 'recommended sections'],
};

function rangeKey(d: LspDiagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${String(d.code)}|${d.severity}`;
}

function firstSentence(message: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(message);
  return m ? m[1] : message;
}

/**
 * `rank` orders the parts of a summary (most urgent first): the caller gives the schema's outage
 * priority for a section's title; unknown titles keep their place at the end.
 */
export function summariseStacked(
  diagnostics: LspDiagnostic[],
  doc: TextDocument,
  rank: (title: string) => number = () => 0,
): LspDiagnostic[] {
  const groups = new Map<string, LspDiagnostic[]>();
  for (const d of diagnostics) {
    const key = rangeKey(d);
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  const out: LspDiagnostic[] = [];
  const done = new Set<string>();
  for (const d of diagnostics) {
    const key = rangeKey(d);
    const group = groups.get(key)!;
    if (group.length < STACK_THRESHOLD) {
      out.push(d);
      continue;
    }
    if (done.has(key)) continue;
    done.add(key);
    out.push(summaryOf(group, doc, rank));
  }
  return out;
}

function summaryOf(unordered: LspDiagnostic[], doc: TextDocument, rank: (title: string) => number): LspDiagnostic {
  const rankOf = (d: LspDiagnostic) => {
    const name = NAMED.exec(d.message)?.[1];
    return name === undefined ? Number.MAX_SAFE_INTEGER : rank(name);
  };
  const group = [...unordered].sort((a, b) => rankOf(a) - rankOf(b));
  const first = group[0];
  const code = String(first.code);
  const [one, many] = KIND[code] ?? ['problem', 'problems'];
  const names = group.map((d) => NAMED.exec(d.message)?.[1]);
  const named = names.every((n): n is string => !!n);
  const list = named ? names.map((n) => `'${n}'`).join(', ') : group.map((d) => firstSentence(d.message)).join(' ');
  const what = `${group.length} ${group.length === 1 ? one : many}`;
  const missing = code === 'schema/required-section' || code === 'recommended-section';
  const message = missing
    ? `The plan is missing ${what}, most urgent first: ${list}. Each is listed below with why it matters; use the light bulb to insert one, or "Insert all missing sections" in the Plan readiness view to add them all with guidance to fill in.`
    : `${what} here: ${list}`;
  const fixes: Fix[] = group.map((d) => (d.data as DiagnosticData | undefined)?.fix).filter((f): f is Fix => !!f);
  const version = (first.data as DiagnosticData | undefined)?.version ?? 0;
  const relatedInformation: DiagnosticRelatedInformation[] = group.map((d, i) => {
    // Point at where the fix would put the missing part, so each line of the list leads somewhere useful.
    const edit = (d.data as DiagnosticData | undefined)?.fix?.edits[0];
    const at = edit ? { start: doc.positionAt(edit.start), end: doc.positionAt(edit.start) } : d.range;
    return { location: { uri: doc.uri, range: at }, message: named ? `${names[i]}: ${d.message}` : d.message };
  });
  const data: DiagnosticData = { version, fixes, stacked: group.length };
  return { ...first, message, relatedInformation, data };
}
