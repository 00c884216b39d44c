/** Worker thread: check a slice of files and post the results back. */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { checkPlanBytes } from '../core/check-plan.js';
import { ConfigResolver } from '../core/config/config-resolver.js';
import { readError } from './check-files.js';

const { jobs, today, configPath } = workerData as { jobs: { file: string }[]; today: string; configPath?: string };
const resolver = new ConfigResolver(configPath);
const results = jobs.map(({ file }) => {
  try {
    return { file, diagnostics: checkPlanBytes(readFileSync(file), { config: resolver.forFile(file), today, path: file }).diagnostics };
  } catch (e) {
    return { file, diagnostics: readError(file, e) };
  }
});
parentPort!.postMessage(results);
