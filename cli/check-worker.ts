/** Worker thread: check a slice of files and post the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigResolver } from '../core/index.js';
import { checkFileOnDisk, type FileCheck } from './check-files.js';

const { jobs, today, configPath } = workerData as { jobs: { file: string }[]; today: string; configPath?: string };
const resolver = new ConfigResolver(configPath);
const results: FileCheck[] = jobs.map(({ file }) => ({
  file,
  ...checkFileOnDisk(file, resolver.forFile(file), today),
}));
parentPort!.postMessage(results);
