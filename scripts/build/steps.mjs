// @ts-check
// The steps of `npm run build` (scripts/build.mjs runs them in this order and stops at the first that fails).
import { TSX_SERVER_ARGS, runNode } from "../lib/bin.mjs";

/** A TypeScript step that reaches server code: tsx under the react-server condition (scripts/lib/bin.mjs). */
const tsx = (/** @type {string[]} */ args) => runNode(TSX_SERVER_ARGS[0], [...TSX_SERVER_ARGS.slice(1), ...args]);

/** Each step's title and a function that runs it and returns its exit status. @type {[string, () => number][]} */
export const buildSteps = [
  // First: a Next.js nobody has verified the runtime removal against stops the build in a second, not after `next build`.
  ["Next.js version", () => tsx(["scripts/build/finish-build.ts", "--check-version"])],
  ["content gates", () => tsx(["scripts/build/check-content.ts"])],
  ["browser assets (stylesheet, form module)", () => runNode("scripts/build/build-client.mjs", [])],
  ["server entry (esbuild)", () => runNode("scripts/build/build-server.mjs", [])],
  ["next build", () => runNode({ pkg: "next" }, ["build"])],
  ["finish-build", () => tsx(["scripts/build/finish-build.ts"])],
];
