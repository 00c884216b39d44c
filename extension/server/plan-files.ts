/**
 * What a plan needs from the workspace before it is checked in a browser Worker: its configuration
 * (continuity.config.json upward from it, and the ICB's schema extension it names) and its shared
 * content (files under `shared:` and `<!-- include: -->` lines, and what those include). Found by
 * doing the cheap parts of a check through the memory host, which asks for what it has not got.
 */
import { catalogueFor, sharedFilesOf } from '../../core/index.js';
import type { ClientFiles } from './client-files.js';
import type { Settings } from './settings.js';
import type { WorkspaceConfig } from './workspace-config.js';

export function gatherPlanFiles(
  files: ClientFiles,
  workspace: WorkspaceConfig,
  settings: Settings,
  path: string,
  text: string,
): Promise<boolean> {
  return files.gather(
    () => {
      const config = workspace.configFor(path, settings);
      sharedFilesOf(text, path, catalogueFor(config.schemas));
    },
    () => workspace.reload(),
  );
}
