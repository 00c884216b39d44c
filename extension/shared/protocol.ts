/**
 * The custom requests and notifications between the VS Code client and the language server, typed
 * once here and imported by both sides (types only: nothing here runs, so the server's published
 * package needs no extra dependency). `Requests` maps each method to its parameters and result;
 * `Notifications` to its parameters.
 */

/** Pushed by the server after every check, for the status bar and the readiness view. */
export interface StatusParams {
  uri: string;
  isPlan: boolean;
  errors: number;
  warnings: number;
  /** Days until the next review (negative when overdue), when the plan has a date. */
  reviewInDays?: number;
  /** Sections complete and sections the plan needs (required ones plus recommended ones present). */
  sectionsComplete?: number;
  sectionsTotal?: number;
}

export interface PrintParams {
  uri: string;
  /**
   * 'pdf': a PDF on disk (desktop only); 'html': the preview (always shown, stamped as it would print);
   * 'copy': the print copy, one HTML file to print with Ctrl+P, through the same print gate as the PDF.
   */
  format: 'pdf' | 'html' | 'copy';
  /** The continuity.browserPath setting. */
  browserPath?: string;
  /** Where to write the PDF; defaults beside the plan in print/. */
  outFile?: string;
  /** Print a plan that fails its checks, every page stamped DRAFT (the CLI's --allow-errors). */
  allowErrors?: boolean;
}

export type PrintResult =
  | { ok: true; html?: string; pdfPath?: string; pages?: number; draft?: boolean; fileName?: string }
  | { ok: false; message: string; noBrowser?: boolean; canPrintDraft?: boolean };

export interface NewPlanParams {
  name: string;
  ods: string;
}
export type NewPlanResult =
  { text: string; fileName: string; error?: undefined } | { error: string; text?: undefined; fileName?: undefined };

export type SectionState = 'complete' | 'problems' | 'missing' | 'recommended';

export interface ReadinessSection {
  id: string;
  title: string;
  state: SectionState;
  required: boolean;
  /** Problems (errors and warnings) inside the section. */
  problems: number;
  /** Outage priority from the schema's x-priority (1 = first); absent for sections without one. */
  priority?: number;
  /** 0-based line of the heading, when the section is in the plan. */
  line?: number;
  /** One sentence on why it matters (the schema's x-why). */
  why?: string;
  /** The section comes from a shared file (the ICB's or the practice group's), not the plan's own text. */
  shared?: boolean;
}

export interface ReadinessResult {
  uri: string;
  isPlan: boolean;
  sections: ReadinessSection[];
  complete: number;
  total: number;
  /** Up to five sections to work on first, by outage priority. */
  doFirst: string[];
  errors: number;
  warnings: number;
  reviewInDays?: number;
  /** Problems in the front matter (the plan details), for the "Plan details" item. */
  detailsProblems: number;
}

/** An edit the client applies as one undoable step, then reveals and selects `reveal`. */
export interface EditResult {
  ok: boolean;
  message?: string;
  edits?: { range: Range0; newText: string }[];
  /** Where the changed text is after the edit (0-based), for reveal and select. */
  reveal?: Range0;
}

export interface Range0 {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface UriParams {
  uri: string;
}
export interface InsertSectionParams {
  uri: string;
  id: string;
}

/** The plan details form: the schema's front-matter definition and the plan's current values. */
export interface DetailsFormResult {
  ok: boolean;
  message?: string;
  /** The front matter's JSON Schema (properties with titles, x-why, x-write, enums, formats). */
  schema?: Record<string, unknown>;
  values?: Record<string, unknown>;
  /** Problems per field, keyed by the field's path joined with '/' ('' for the whole front matter). */
  problems?: Record<string, string[]>;
  version?: number;
}

export interface SetDetailParams {
  uri: string;
  /** Path of keys and array indexes, e.g. ['telephony', 'provider'] or ['eps_pharmacies', 0, 'name']. */
  path: (string | number)[];
  /** The new value; `undefined` removes the key or array item. */
  value?: unknown;
  /** What to do: set a value, append an item to a list, or delete. */
  op: 'set' | 'append' | 'delete';
}

export interface Requests {
  'continuity/newPlan': [NewPlanParams, NewPlanResult];
  'continuity/print': [PrintParams, PrintResult];
  'continuity/readiness': [UriParams, ReadinessResult];
  'continuity/insertSection': [InsertSectionParams, EditResult];
  'continuity/insertAllMissing': [UriParams, EditResult];
  'continuity/markReviewed': [UriParams, EditResult];
  'continuity/detailsForm': [UriParams, DetailsFormResult];
  'continuity/setDetail': [SetDetailParams, EditResult];
}

/**
 * What the editor has at a URI, as the server asks for files it cannot read itself (in a browser
 * Worker): a file's bytes (base64, absent when larger than asked for), or what else is there.
 */
export type WorkspaceEntry =
  | { type: 'file'; size: number; base64?: string }
  | { type: 'folder' }
  | { type: 'missing' }
  | { type: 'link' }
  | { type: 'refused'; refused: 'denied' | 'unreadable'; reason: string };

export interface ReadFilesParams {
  uris: string[];
  /** Files larger than this are answered with their size only. */
  maxBytes: number;
}

export interface ReadFilesResult {
  files: ({ uri: string } & WorkspaceEntry)[];
}

/** Requests the server sends the client. */
export interface ServerRequests {
  'continuity/readFiles': [ReadFilesParams, ReadFilesResult];
}

export interface Notifications {
  'continuity/status': StatusParams;
  'continuity/trust': { trusted: boolean };
}

export type RequestMethod = keyof Requests;
export type ParamsOf<M extends RequestMethod> = Requests[M][0];
export type ResultOf<M extends RequestMethod> = Requests[M][1];
