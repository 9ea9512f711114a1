// @ts-check
// `npm run inquiries -- …` in a checkout: the operator command's bundle (dist/server/inquiries.mjs, written by
// `npm run build`) when it is newer than every source it is built from, else the TypeScript source through tsx (a dev
// dependency), so an edited command never runs stale. Both under Node's react-server condition, which the modules
// marked server-only need. The production artifact runs the bundle directly (scripts/build/package.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { TSX_SERVER_ARGS, root } from "../lib/bin.mjs";

const bundle = path.join(root, "dist", "server", "inquiries.mjs");

/** @param {string} p @returns {number} the newest modification time at or under p */
function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((e) => newest(path.join(p, e))));
}

const sources = [path.join(root, "scripts", "operations", "inquiries.ts"), path.join(root, "lib"), path.join(root, "content", "center.ts")];
const fresh = fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= Math.max(...sources.filter((s) => fs.existsSync(s)).map(newest));
const haveTsx = fs.existsSync(TSX_SERVER_ARGS[0]);
if (!fresh && !haveTsx) {
  console.error("inquiries: run `npm run build` first (dist/server/inquiries.mjs is missing or older than its sources, and tsx is not installed).");
  process.exit(1);
}
const args = fresh
  ? ["--conditions=react-server", bundle, ...process.argv.slice(2)]
  : [...TSX_SERVER_ARGS, path.join(root, "scripts", "operations", "inquiries.ts"), ...process.argv.slice(2)];
const r = spawnSync(process.execPath, args, { stdio: "inherit" });
process.exit(r.status ?? 1);
