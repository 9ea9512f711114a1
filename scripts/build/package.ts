// `npm run package` (after `npm run build`): the production artifact, a folder that runs with `node` and the production
// dependencies only: no TypeScript, no tsx, no source tree, no devDependencies. What it holds and why:
// docs/decisions/0005-production-artifact.md. The Dockerfile and tests/integration/artifact.test.ts run this same script.
//
// Usage: tsx scripts/build/package.ts [--out DIR]      (default dist/artifact; DIR is emptied first)
//
//   DIR/dist/server/{main,worker,inquiries}.mjs   the server entry, the standalone worker, the operator command (bundled)
//   DIR/.next/                                    the finished build (pages already without the framework runtime)
//   DIR/next.config.js                            next.config.ts and what it imports, bundled: Next's server reads it at start
//   DIR/public/, DIR/content/**.mdx               static files; the articles and pages the server reads at run time
//   DIR/package.json, DIR/package-lock.json       the same dependencies; scripts that run the bundles
//   DIR/node_modules/                             this install's production packages (the lock file's non-dev entries)
// First: reruns this script under the react-server condition when it was started without it.
import "../lib/react-server";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { nextDir, nextFilesForServer } from "../../lib/build/next-output";

const root = path.resolve(__dirname, "..", "..");
const { values } = parseArgs({ options: { out: { type: "string" } } });
const out = path.resolve(values.out ?? path.join(root, "dist", "artifact"));

/** The bundles `npm run build` wrote (scripts/build/build-server.mjs); source maps stay behind (they embed the sources). */
const BUNDLES = ["main.mjs", "worker.mjs", "inquiries.mjs"];

/** What an operator runs in the artifact: the same commands as in a checkout, on the bundles, without tsx. */
const ARTIFACT_SCRIPTS = {
  start: "node dist/server/main.mjs",
  worker: "node dist/server/worker.mjs",
  // The react-server condition, as in the checkout: modules marked server-only resolve to their server build.
  inquiries: "node --conditions=react-server dist/server/inquiries.mjs",
};

/** Dev-only packages that must never be in the artifact: if one is, the lock file's dev flags were misread. */
const NEVER = ["typescript", "tsx", "esbuild", "vitest", "@playwright/test", "eslint"];

function copyFile(from: string, to: string) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
}

/**
 * The production packages of this install, by the lock file: every entry marked neither `dev` nor `devOptional` (what
 * `npm ci --omit=dev` installs, less packages that are a devDependency here and only an optional peer of a production
 * one, such as @playwright/test for next; optional platform packages are kept when this machine has them). Copied from the installed tree, so
 * native addons (better-sqlite3) are the ones built here, for this platform and Node ABI: the artifact runs where it was
 * built (the Dockerfile builds and runs on the same base image).
 */
function copyProductionPackages(): number {
  const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as { lockfileVersion: number; packages: Record<string, LockEntry> };
  if (lock.lockfileVersion < 2) throw new Error("package-lock.json must be lockfileVersion 2 or later (npm 7+)");
  let copied = 0;
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.startsWith("node_modules/") || entry.dev || entry.devOptional || entry.link) continue;
    const from = path.join(root, key);
    // An optional package for another platform (sharp's darwin builds …) is not installed here, nor needed.
    if (!fs.existsSync(from)) continue;
    const nested = path.join(from, "node_modules");
    // A package's own node_modules holds other lock entries, each copied (or left out) by its own key.
    fs.cpSync(from, path.join(out, key), { recursive: true, verbatimSymlinks: true, filter: (src) => src !== nested });
    copied++;
  }
  const leaked = NEVER.filter((name) => fs.existsSync(path.join(out, "node_modules", name)));
  if (leaked.length) throw new Error(`dev-only packages in the artifact: ${leaked.join(", ")}`);
  return copied;
}

/**
 * Next's server loads the project's config file at every start, also under a custom server (its router server calls
 * loadConfig on the directory; `next({ conf })` does not reach it). next.config.ts imports lib/security/headers.ts and
 * needs a TypeScript transpiler, so the artifact gets it bundled as plain CommonJS with packages (next, @next/mdx) left to
 * node_modules. The server's answers come from .next/ (routes-manifest.json holds the headers the config computed at
 * build); the config still sets what the server reads from it at run time (poweredByHeader, compress …).
 */
async function bundleNextConfig() {
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, "next.config.ts")],
    // CommonJS: `next` has no exports map, so ESM could not import "next/constants" without its extension.
    outfile: path.join(out, "next.config.js"),
    bundle: true,
    format: "cjs",
    // Next takes module.exports as the config (a function of the phase here), not an ES module's default export.
    footer: { js: "module.exports = module.exports.default;" },
    platform: "node",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
  });
}

async function main() {
  const nextFiles = nextFilesForServer(root); // throws without a finished build
  for (const bundle of BUNDLES)
    if (!fs.existsSync(path.join(root, "dist", "server", bundle))) throw new Error(`dist/server/${bundle} is missing: run npm run build first`);

  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const f of fs.readdirSync(path.join(root, "dist", "server")))
    if (f.endsWith(".mjs")) copyFile(path.join(root, "dist", "server", f), path.join(out, "dist", "server", f));
  for (const rel of nextFiles) copyFile(path.join(nextDir(root), rel), path.join(nextDir(out), rel));
  fs.cpSync(path.join(root, "public"), path.join(out, "public"), { recursive: true });
  // The server reads articles and trust pages at run time (lib/content/load.ts, the launch check); content/center.ts is bundled.
  fs.cpSync(path.join(root, "content"), path.join(out, "content"), {
    recursive: true,
    filter: (src) => fs.statSync(src).isDirectory() || src.endsWith(".mdx"),
  });

  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Record<string, unknown>;
  // devDependencies stay listed so package-lock.json still matches (npm ci --omit=dev works here too); none is installed.
  fs.writeFileSync(path.join(out, "package.json"), `${JSON.stringify({ ...pkg, scripts: ARTIFACT_SCRIPTS }, null, 2)}\n`);
  copyFile(path.join(root, "package-lock.json"), path.join(out, "package-lock.json"));
  await bundleNextConfig();
  const packages = copyProductionPackages();
  console.log(`package: ${out} (${nextFiles.length} build files, ${packages} production packages)`);
}

main().catch((err: unknown) => {
  console.error(`package: ${(err as Error).message}`);
  process.exit(1);
});
