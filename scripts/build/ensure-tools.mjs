// @ts-check
// Installs what the site and its tests need on a fresh machine, using only Node's built-ins (it runs before
// node_modules exists): npm packages from the lock file. The browser for the tests: scripts/lib/chromium.mjs.
import fs from "node:fs";
import path from "node:path";
import { finishedMarker } from "../../lib/build/next-paths.mjs";
import { root, runNpm, runNode } from "../lib/bin.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";

export function ensureDependencies() {
  const lock = path.join(root, "package-lock.json");
  const stamp = path.join(root, "node_modules", ".package-lock.json");
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log("Installing npm dependencies (npm ci)…");
  const status = runNpm(["ci", "--no-audit", "--no-fund"]);
  if (status !== 0) throw new Error(`npm ci failed (exit ${status})`);
}

/** True when a source file is newer than the last build (or there is no build). */
export function buildIsStale() {
  // Written by the build's last step (scripts/build/finish-build.ts): a build that stopped half way counts as none.
  const finished = finishedMarker(root);
  if (!fs.existsSync(finished)) return true;
  const built = fs.statSync(finished).mtimeMs;
  /** @param {string} dir @returns {number} the newest modification time under dir */
  const newest = (dir) => {
    let max = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      const p = path.join(dir, e.name);
      max = Math.max(max, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return max;
  };
  const sources = ["app", "components", "content", "lib", "public", "server"].map((d) => path.join(root, d)).filter(fs.existsSync);
  const files = [
    "next.config.ts",
    "mdx-components.tsx",
    "package-lock.json",
    "app/globals.css",
    "scripts/build.mjs",
    "scripts/build/steps.mjs",
    "scripts/build/build-client.mjs",
    "scripts/build/client-entries.mjs",
    "scripts/build/build-server.mjs",
    "scripts/build/finish-build.ts",
    // Bundled beside the server entry (dist/server/inquiries.mjs).
    "scripts/operations/inquiries.ts",
  ]
    .map((f) => path.join(root, f))
    .filter(fs.existsSync);
  const latest = Math.max(...sources.map(newest), ...files.map((f) => fs.statSync(f).mtimeMs));
  return latest > built;
}

/** `npm run build` (scripts/build.mjs): the browser module, next build, then removing the framework runtime from the pages. */
export function build() {
  const status = runNode("scripts/build.mjs", []);
  if (status !== 0) throw new Error(`the build failed (exit ${status})`);
}
