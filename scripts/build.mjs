// @ts-check
// `npm run build`, the same on every OS: the content gates first (scripts/build/check-content.ts: a problem in an article
// or in the site's own text stops the build before anything is built; review-date warnings print and never stop it), the
// stylesheet and the form's browser module into public/assets/, the server entry into dist/server/, `next build`
// prerenders every page, and scripts/build/finish-build.ts removes the framework's client runtime from the pages (and
// writes .next/finished last, so a build that stopped half way counts as none).
import { runNode } from "./lib/bin.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";

/** @type {[string, () => number][]} */
const steps = [
  ["content gates", () => runNode({ pkg: "tsx" }, ["scripts/build/check-content.ts"])],
  ["browser assets (stylesheet, form module)", () => runNode("scripts/build/build-client.mjs", [])],
  ["server entry (esbuild)", () => runNode("scripts/build/build-server.mjs", [])],
  ["next build", () => runNode({ pkg: "next" }, ["build"])],
  ["finish-build", () => runNode({ pkg: "tsx" }, ["scripts/build/finish-build.ts"])],
];
for (const [title, step] of steps) {
  const status = step();
  if (status !== 0) {
    console.error(`build: ${title} failed (exit ${status})`);
    process.exit(status);
  }
}
