/** Worker thread: check a slice of files and post the results back, with how long each took. */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigResolver } from '../core/index.js';
import { checkFileOnDisk, type FileCheck } from './check-files.js';
import { monotonicClock, timed } from './stopwatch.js';

const { jobs, today, configPath } = workerData as { jobs: { file: string }[]; today: string; configPath?: string };
const resolver = new ConfigResolver(configPath);
const results: FileCheck[] = jobs.map(({ file }) => {
  const { value, ms } = timed(monotonicClock, () => checkFileOnDisk(file, resolver.forFile(file), today));
  return { file, ...value, durationMs: ms };
});
parentPort!.postMessage(results);
