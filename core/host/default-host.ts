/**
 * The host core uses unless told otherwise: Node's. A browser build replaces this module with one
 * that returns a memory host holding the shipped resources (extension/build.mjs), so no `node:`
 * module is bundled for the web.
 */
export { nodeHost as defaultHost } from './node-host.js';
