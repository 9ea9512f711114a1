// After `next build` (part of `npm run build`): removes the framework's client runtime from every prerendered
// page (see lib/build/static-html.ts for why), then checks that no page is left with an inline script or a
// script from anywhere but /assets/. Next.js 16.4 serves prerendered pages from .next/server/app and copies them
// into .next/server/route-cache as they are first served; any copies already there are rewritten too (and the
// suite checks the served pages, not these files). Writes .next/finished when done, which is
// what scripts/ensure-tools.mjs takes as "the build is complete".
// Usage: tsx scripts/finish-build.ts
import fs from "node:fs";
import path from "node:path";
import { executableInlineScripts, externalScripts, OWN_SCRIPT_PREFIX, stripFrameworkRuntime } from "../lib/build/static-html";

const root = path.resolve(__dirname, "..");
const server = path.join(root, ".next", "server");

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const pages = [...walk(path.join(server, "app")), ...walk(path.join(server, "route-cache"))].filter((f) => f.endsWith(".html"));
if (!pages.some((f) => f.endsWith(`${path.sep}_not-found.html`)))
  throw new Error("finish-build: no prerendered not-found page; is this the output of `next build`?");

let before = 0;
let after = 0;
const withOwn: string[] = [];
for (const file of pages) {
  const html = fs.readFileSync(file, "utf8");
  const out = stripFrameworkRuntime(html);
  const rel = path.relative(root, file);
  const inline = executableInlineScripts(out);
  const foreign = externalScripts(out).filter((s) => !s.startsWith(OWN_SCRIPT_PREFIX));
  if (inline.length || foreign.length) throw new Error(`finish-build: ${rel} still has ${inline.length} inline and ${foreign.length} framework scripts`);
  if (externalScripts(out).length) withOwn.push(rel);
  before += Buffer.byteLength(html);
  after += Buffer.byteLength(out);
  if (out !== html) fs.writeFileSync(file, out);
}
fs.writeFileSync(path.join(root, ".next", "finished"), `${new Date().toISOString()}\n`);
console.log(
  `finish-build: ${pages.length} prerendered HTML files without the framework runtime (${(before / 1024).toFixed(0)} → ${(after / 1024).toFixed(0)} KiB); ` +
    `own modules on: ${[...new Set(withOwn.map((f) => path.basename(f)))].join(", ") || "none"}`,
);
