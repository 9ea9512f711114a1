// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Files built by scripts/build/build-client.mjs into public/assets: the stylesheet and the one browser module. A page,
 * prerendered or rendered at request time, links each with a query string that changes whenever the file does
 * (so it can be cached for a year) and an integrity hash (so the browser refuses any other bytes).
 */
export interface BuiltAsset {
  url: string;
  integrity: string;
}

const cache = new Map<string, BuiltAsset>();

export function builtAsset(file: "site.css" | "inquiry-form.js" | "inquiry-form-es.js" | "self-check.js"): BuiltAsset {
  // Development rebuilds the files while the server runs (scripts/build/build-client.mjs --watch).
  const known = process.env.NODE_ENV === "development" ? undefined : cache.get(file);
  if (known) return known;
  const full = path.join(/*turbopackIgnore: true*/ process.cwd(), "public", "assets", file);
  if (!fs.existsSync(full)) {
    throw new Error(`public/assets/${file} is missing: build it with \`node scripts/build/build-client.mjs\` (npm run build and npm run dev do this first)`);
  }
  const bytes = fs.readFileSync(full);
  const asset = {
    url: `/assets/${file}?v=${crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 12)}`,
    integrity: `sha384-${crypto.createHash("sha384").update(bytes).digest("base64")}`,
  };
  cache.set(file, asset);
  return asset;
}
