// Bundles the server entry (server/main.ts and what it imports from lib/ and components/) into dist/server/, beside
// the standalone delivery worker (server/worker.ts, `npm run worker`) and the operator command
// (scripts/operations/inquiries.ts, `npm run inquiries`), so all three run on plain Node.js, in a checkout or in the
// production artifact (scripts/build/package.ts).
// Packages stay in node_modules (next, react, better-sqlite3 …); our own code is bundled, so the entry runs on
// plain Node.js without a TypeScript loader. Next.js does not bundle this code, so React's own server renderer
// is available to it (server/render-page.tsx). Usage: node scripts/build/build-server.mjs
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const outdir = path.join(root, "dist", "server");

/**
 * `@/…` is this repository's own code (tsconfig paths). With `packages: "external"` an alias esbuild cannot
 * resolve would silently be left as an import of a package named "@/…"; this makes it a build error instead.
 */
const ownCode = {
  name: "own-code-must-resolve",
  setup(b) {
    b.onResolve({ filter: /^@\// }, async (args) => {
      const found = await b.resolve(`./${args.path.slice(2)}`, { kind: args.kind, resolveDir: root });
      return found.errors.length ? { errors: found.errors } : { path: found.path };
    });
  },
};

/**
 * Modules marked `import "server-only"` (they hold secrets or reach the store) belong in this bundle: the marker is the
 * empty module here, as the package's own exports map gives it under the react-server condition. (Outside that
 * condition it throws, and scripts/build/build-client.mjs refuses it in the browser bundle.)
 */
const serverOnlyIsServer = {
  name: "server-only-is-server",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "server-only" }));
    b.onLoad({ filter: /.*/, namespace: "server-only" }, () => ({ contents: "", loader: "js" }));
  },
};

fs.rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    main: path.join(root, "server", "main.ts"),
    worker: path.join(root, "server", "worker.ts"),
    inquiries: path.join(root, "scripts", "operations", "inquiries.ts"),
  },
  outdir,
  bundle: true,
  // The entry sets NODE_ENV before React and Next.js load, so they live in a chunk it imports afterwards.
  splitting: true,
  format: "esm",
  outExtension: { ".js": ".mjs" },
  platform: "node",
  target: "node20",
  packages: "external",
  jsx: "automatic",
  sourcemap: "linked",
  tsconfig: path.join(root, "tsconfig.json"),
  plugins: [ownCode, serverOnlyIsServer],
  logLevel: "warning",
});
console.log(`build-server: ${path.relative(root, outdir)}/{main,worker,inquiries}.mjs`);
