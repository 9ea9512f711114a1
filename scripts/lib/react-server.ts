/**
 * Imported first by a TypeScript script that reaches modules marked `import "server-only"` (the content loader, the
 * build's output module): run without Node's react-server condition (`npx tsx scripts/content-report.ts`), the marker
 * would throw, so this runs the same command again under the condition and exits with its status before any marked
 * module loads. The build and the npm scripts pass the condition themselves (TSX_SERVER_ARGS in ./bin.mjs).
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const script = path.resolve(process.argv[1]);
// The marker resolves to its empty module exactly when the condition is on (its package's exports map).
const underCondition = createRequire(script).resolve("server-only").endsWith("empty.js");
if (!underCondition) {
  const again = spawnSync(process.execPath, [...process.execArgv, "--conditions=react-server", script, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(again.status ?? 1);
}
