#!/usr/bin/env node
/**
 * continuity-language-server: the language server on stdio (or node IPC when started by the VS Code
 * client), for VS Code, Neovim and any other LSP client.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer } from './server.js';

if (process.argv.includes('--version')) {
  process.stdout.write('continuity-language-server\n');
} else {
  startServer(createConnection(ProposedFeatures.all));
}
