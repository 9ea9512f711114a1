// Builds what browsers load from this origin into public/assets before `next build`: the site's stylesheet
// (Tailwind, from app/globals.css) and its one browser module, once per locale (no framework runtime). Pages, prerendered or
// rendered at request time, link the same files with their version and integrity hash (lib/site/assets.ts).
// Usage: node scripts/build/build-client.mjs [--watch]   (--watch rebuilds on every source change, for npm run dev)
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import postcss from "postcss";
import tailwind from "@tailwindcss/postcss";
import { clientEntries } from "./client-entries.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const outdir = path.join(root, "public", "assets");

/** A module marked `import "server-only"` (secrets, the store, mail) reached from the browser module fails the build. */
const refuseServerOnly = {
  name: "refuse-server-only",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, (args) => ({
      errors: [
        {
          text: `${path.relative(root, args.importer)} is server-only and cannot be part of the browser bundle (follow the imports from ${Object.values(clientEntries).join(", ")})`,
        },
      ],
    }));
  },
};

async function buildAssets() {
  fs.mkdirSync(outdir, { recursive: true });
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
    plugins: [refuseServerOnly],
    logLevel: "warning",
  });
  // Tailwind scans the source tree for class names (files git ignores, such as .next and dist, are skipped).
  const cssSource = path.join(root, "app", "globals.css");
  const css = await postcss([tailwind({ base: root, optimize: { minify: true } })]).process(fs.readFileSync(cssSource, "utf8"), { from: cssSource });
  fs.writeFileSync(path.join(outdir, "site.css"), css.css);
  return [...Object.keys(result.metafile.outputs).map((f) => path.join(root, f)), path.join(outdir, "site.css")];
}

fs.rmSync(outdir, { recursive: true, force: true });
for (const file of await buildAssets()) {
  const bytes = fs.readFileSync(file);
  console.log(
    `build-client: ${path.relative(root, file)} ${(bytes.length / 1024).toFixed(1)} KiB, ${(zlib.gzipSync(bytes).length / 1024).toFixed(1)} KiB gzipped`,
  );
}

if (process.argv.includes("--watch")) {
  let timer;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(
      () =>
        buildAssets().then(
          () => console.log("build-client: rebuilt"),
          (err) => console.error(err),
        ),
      100,
    );
  };
  for (const dir of ["app", "components", "content", "lib", "mdx-components.tsx"]) fs.watch(path.join(root, dir), { recursive: true }, rebuild);
  console.log("build-client: watching for changes");
}
