#!/usr/bin/env node
/**
 * continuity-language-server: the language server on stdio (or node IPC when started by the VS Code
 * client), for VS Code, Neovim and any other LSP client. With --files-from-client (the VS Code client
 * in a virtual workspace, whose files are not on this computer) it reads files through the client,
 * as the server in a browser Worker does, and prints no PDF.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { printPlan } from './print.js';
import { useClientFiles } from './client-files.js';
import { startServer } from './server.js';

if (process.argv.includes('--version')) {
  process.stdout.write('continuity-language-server\n');
} else {
  // Last resort, behind the server's own guards: an error that escapes a timer or a promise is
  // reported on stderr (the editor's output panel) and the server keeps serving the open plans,
  // rather than the editor losing every diagnostic and restarting it.
  let reported = 0;
  const report = (kind: string) => (e: unknown) => {
    if (reported++ >= 20) return;
    try {
      process.stderr.write(
        `continuity-language-server: ${kind} (still running): ${(e as Error)?.stack ?? String(e)}\n`,
      );
    } catch {
      // stderr itself is gone; nothing more to say
    }
  };
  process.on('uncaughtException', report('unexpected error'));
  process.on('unhandledRejection', report('unhandled promise rejection'));
  const connection = createConnection(ProposedFeatures.all);
  startServer(
    connection,
    process.argv.includes('--files-from-client') ? { files: useClientFiles(connection) } : { printPdf: printPlan },
  );
}
