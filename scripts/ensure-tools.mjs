// Installs what the site and its tests need on a fresh machine, using only Node's built-ins (it runs before
// node_modules exists): npm packages from the lock file, and Debian's Chromium for the browser tests.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

process.env.NEXT_TELEMETRY_DISABLED = "1";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status})`);
};

export function ensureDependencies() {
  const lock = path.join(root, "package-lock.json");
  const stamp = path.join(root, "node_modules", ".package-lock.json");
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log("Installing npm dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  console.log("Installing Debian's chromium for the browser tests (apt-get)…");
  process.env.DEBIAN_FRONTEND = "noninteractive";
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args) => run(sudo[0] ?? "apt-get", sudo.length ? ["apt-get", ...args] : args);
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-dejavu-core"]);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium is still missing at ${CHROMIUM}`);
}

/** True when a source file is newer than the last build (or there is no build). */
export function buildIsStale() {
  // Written by the build's last step (scripts/finish-build.ts): a build that stopped half way counts as none.
  const finished = path.join(root, ".next", "finished");
  if (!fs.existsSync(finished)) return true;
  const built = fs.statSync(finished).mtimeMs;
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
    "scripts/build-client.mjs",
    "scripts/build-server.mjs",
    "scripts/finish-build.ts",
  ]
    .map((f) => path.join(root, f))
    .filter(fs.existsSync);
  const latest = Math.max(...sources.map(newest), ...files.map((f) => fs.statSync(f).mtimeMs));
  return latest > built;
}

/** `npm run build`: the browser module, next build, then removing the framework runtime from the pages. */
export function build() {
  run("npm", ["run", "build", "--silent"]);
}
