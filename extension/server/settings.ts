/** The server's settings from the client, read field by field so odd values never stop checking. */
import { RULE_LEVELS, type RuleLevel } from '../../core/index.js';
import { globProblem } from '../../core/index.js';

export interface Settings {
  /** Rule levels that override continuity.config.json, e.g. {"placeholder": "off"}. */
  rules: Record<string, RuleLevel>;
  /** Globs (relative to the workspace) of plan files without the front-matter marker. */
  planGlobs: string[];
  debounceMs: number;
  /** YYYY-MM-DD; for tests and demonstrations. Empty: today in the UK. */
  today: string;
}

export const DEFAULT_SETTINGS: Settings = { rules: {}, planGlobs: [], debounceMs: 200, today: '' };

/**
 * Settings from the client (initialization options, pushed or pulled configuration), field by field:
 * a value of the wrong type is ignored and the one from `base` kept, so a client's odd settings never
 * stop checking.
 */
export function readSettings(raw: unknown, base: Settings): Settings {
  const s = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  let rules = base.rules;
  if (s.rules && typeof s.rules === 'object' && !Array.isArray(s.rules)) {
    rules = Object.fromEntries(
      Object.entries(s.rules).filter(([, level]) => (RULE_LEVELS as unknown[]).includes(level)),
    ) as Record<string, RuleLevel>;
  }
  // Workspace settings are untrusted: a glob past the bounds (see glob-bounds.ts) is left out.
  const planGlobs = Array.isArray(s.planGlobs)
    ? s.planGlobs
        .filter((g): g is string => typeof g === 'string' && g !== '' && globProblem(g) === undefined)
        .slice(0, 100)
    : base.planGlobs;
  const debounceMs =
    typeof s.debounceMs === 'number' && Number.isFinite(s.debounceMs) && s.debounceMs >= 0
      ? Math.min(s.debounceMs, 10_000)
      : base.debounceMs;
  const today = typeof s.today === 'string' ? s.today : base.today;
  return { rules, planGlobs, debounceMs, today };
}
