/**
 * Which configuration applies to a plan: continuity.config.json (found from the plan's folder) with
 * the editor's rule overrides on top. Untrusted workspaces do not load an ICB schema extension.
 */
import { ConfigResolver, host } from '../../core/index.js';
import type { ResolvedConfig } from '../../core/index.js';
import type { Settings } from './settings.js';

export class WorkspaceConfig {
  root: string | undefined;
  private trusted = true;
  private resolver = this.newResolver();

  private newResolver(): ConfigResolver {
    return new ConfigResolver(undefined, { schemaExtensions: this.trusted });
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.reload();
  }

  /** Forget cached configuration (a config file or schema extension changed). */
  reload(): void {
    this.resolver = this.newResolver();
  }

  configFor(path: string | undefined, settings: Settings): ResolvedConfig {
    const base = path ? this.resolver.forFile(path) : this.resolver.forFile(`${this.root ?? host().cwd()}/untitled.md`);
    const overrides = Object.entries(settings.rules);
    if (overrides.length === 0) return base;
    const rules = { ...base.rules };
    for (const [id, level] of overrides) rules[id] = { level, options: rules[id]?.options ?? {} };
    return { ...base, rules, hash: `${base.hash}+${JSON.stringify(settings.rules)}` };
  }
}
