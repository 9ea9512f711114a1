// After `next build`: hashes the inline scripts of every prerendered page into .next/csp-hashes.json, which
// proxy.ts turns into each page's script-src. Fails if a page has an inline script it could not account for.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const appDir = path.join(root, ".next", "server", "app");

/** Inline executable scripts of an HTML document (JSON-LD and other data blocks do not execute). */
export function inlineScripts(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    if (/\bsrc\s*=/.test(attrs)) continue;
    const type = /\btype\s*=\s*"([^"]*)"/i.exec(attrs)?.[1];
    if (type && !/^(text|application)\/(javascript|ecmascript)$|^module$/i.test(type)) continue;
    out.push(m[2]);
  }
  return out;
}

export const sha256 = (text) => `sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}`;

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const map = {};
  for (const file of walk(appDir).filter((f) => f.endsWith(".html"))) {
    const rel = path.relative(appDir, file).replace(/\.html$/, "");
    const route = rel === "index" ? "/" : rel === "_not-found" ? "/_not-found" : `/${rel}`;
    map[route] = [...new Set(inlineScripts(fs.readFileSync(file, "utf8")).map(sha256))];
  }
  if (!map["/_not-found"]) throw new Error("csp-hashes: no prerendered not-found page; unknown paths would have no policy");
  fs.writeFileSync(path.join(root, ".next", "csp-hashes.json"), JSON.stringify(map, null, 1));
  const counts = Object.values(map).map((h) => h.length);
  console.log(`csp-hashes: ${Object.keys(map).length} pages, ${Math.min(...counts)}-${Math.max(...counts)} inline scripts each`);
}
