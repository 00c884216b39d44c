/**
 * The language server in a browser Worker: vscode.dev and github.dev start it from the extension's
 * `browser` entry, and any web page can start it in a Worker and speak standard LSP with it over
 * postMessage (a Monaco or CodeMirror page of an ICB's own). The same server as the desktop's, with
 * two differences: files come through the client (client-files.ts), and there is no PDF printing.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser.js';
import { useClientFiles } from './client-files.js';
import { startServer } from './server.js';

// The worker's global scope: the port to the client.
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));

// The shipped schema and template are in the bundle (extension/web-bundles.mjs); files come from the client.
startServer(connection, { files: useClientFiles(connection) });
