/** One resolved config per directory, found upward from each plan and loaded once. */
import picomatch from 'picomatch';
import { defaultConfig, findConfigFile, loadConfigFile, type LoadOptions, type ResolvedConfig } from './config.js';
import { knownRuleIds } from '../rules/catalogue.js';
import { host } from '../host/host.js';

export class ConfigResolver {
  private byDir = new Map<string, ResolvedConfig>();
  private byPath = new Map<string, ResolvedConfig>();
  private fallback?: ResolvedConfig;

  constructor(
    private readonly explicitPath?: string,
    private readonly options: LoadOptions = {},
  ) {}

  forFile(file: string): ResolvedConfig {
    const dir = host().path.dirname(file);
    const hit = this.byDir.get(dir);
    if (hit) return hit;
    const path = this.explicitPath ?? findConfigFile(dir);
    let config: ResolvedConfig;
    if (path) {
      config = this.byPath.get(path) ?? loadConfigFile(path, knownRuleIds(), this.options);
      this.byPath.set(path, config);
    } else {
      config = this.fallback ??= defaultConfig();
    }
    this.byDir.set(dir, config);
    return config;
  }

  isIgnored(file: string): boolean {
    const config = this.forFile(file);
    if (!config.path || config.ignore.length === 0) return false;
    const { path } = host();
    const rel = path.relative(path.dirname(config.path), file).replace(/\\/g, '/');
    return picomatch(config.ignore, { dot: true })(rel);
  }
}
