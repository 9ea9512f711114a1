// @ts-check
// Where Next.js keeps its build output, for every caller: lib/build/next-output.ts (which re-exports these and holds
// everything else known about that output) and the plain-JavaScript callers that cannot load TypeScript, such as the
// check that `npm start` runs before dependencies are installed (scripts/build/ensure-tools.mjs). Node built-ins only.
// tests/unit/next-output.test.ts fails when another file spells a path into the build output itself.
import path from "node:path";

/** The folder `next build` writes, in the project (or in the production artifact). */
export const NEXT_DIR = ".next";

/** @param {string} root the project or artifact folder */
export const nextDir = (root) => path.join(root, NEXT_DIR);

/** Written by `next build` once its output can be served: a server refuses to start without it. @param {string} root */
export const buildIdFile = (root) => path.join(root, NEXT_DIR, "BUILD_ID");

/**
 * Written last by the build's last step (finishBuild in lib/build/next-output.ts): a build without it stopped half way
 * and counts as none. @param {string} root
 */
export const finishedMarker = (root) => path.join(root, NEXT_DIR, "finished");

/** Where `next build` writes prerendered pages (`<route>.html`, `.meta`, `.rsc`). @param {string} root */
export const prerenderedDir = (root) => path.join(root, NEXT_DIR, "server", "app");

/** Where the server copies a prerendered page on its first request, and serves it from then on. @param {string} root */
export const routeCacheDir = (root) => path.join(root, NEXT_DIR, "server", "route-cache");
