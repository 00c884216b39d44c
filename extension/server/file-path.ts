import { host } from '../../core/index.js';

/**
 * The file a URI names: on the desktop, one on this machine (not `file://host/...` or an encoded
 * '/'); in a browser Worker, a file in the workspace folders (see core/host/memory-host.ts).
 */
export function filePathOf(uri: string): string | undefined {
  return host().pathOfUri(uri);
}
