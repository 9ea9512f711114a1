// Bundles the site's browser code (no framework runtime) into public/assets before `next build`, which reads
// the files to stamp their version and integrity hash into the pages (components/ClientScript.tsx).
// Usage: node scripts/build-client.mjs
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "public", "assets");

/** Entry name (public/assets/<name>.js) → source. */
export const clientEntries = { "inquiry-form": "components/inquiry/enhance-inquiry-form.ts" };

fs.rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(clientEntries).map(([name, src]) => [name, path.join(root, src)])),
  outdir,
  bundle: true,
  format: "esm",
  minify: true,
  // Module scripts run in browsers from 2018 on; older ones post the plain form.
  target: "es2020",
  platform: "browser",
  legalComments: "none",
  tsconfig: path.join(root, "tsconfig.json"),
  metafile: true,
  logLevel: "warning",
});
for (const [file, out] of Object.entries(result.metafile.outputs)) {
  const bytes = fs.readFileSync(path.join(root, file));
  console.log(
    `build-client: ${path.relative(root, file)} ${(out.bytes / 1024).toFixed(1)} KiB, ${(zlib.gzipSync(bytes).length / 1024).toFixed(1)} KiB gzipped`,
  );
}
