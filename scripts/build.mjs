// @ts-check
// `npm run build`, the same on every OS: esbuild bundles the form's browser module into public/assets/, `next build`
// prerenders every page, and scripts/finish-build.ts removes the framework's client runtime from the pages.
import { runNode } from "./lib/bin.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";

/** @type {[string, () => number][]} */
const steps = [
  ["browser module (esbuild)", () => runNode("scripts/build-client.mjs", [])],
  ["next build", () => runNode({ pkg: "next" }, ["build"])],
  ["finish-build", () => runNode({ pkg: "tsx" }, ["scripts/finish-build.ts"])],
];
for (const [title, step] of steps) {
  const status = step();
  if (status !== 0) {
    console.error(`build: ${title} failed (exit ${status})`);
    process.exit(status);
  }
}
