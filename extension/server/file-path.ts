import { fileURLToPath } from 'node:url';

/** The file a URI names, when it names one on this machine (not `file://host/...` or an encoded '/'). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
