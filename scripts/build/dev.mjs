// `npm run dev`: the same server entry as production, in Next's development mode, with the stylesheet and the
// browser module rebuilt on every change. Pages hydrate here (the framework runtime is removed only by the
// production build), so development is close to, not the same as, production.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const node = (script, args = []) => spawn(process.execPath, [path.join(root, script), ...args], { cwd: root, stdio: "inherit" });

if (spawnSync(process.execPath, [path.join(root, "scripts", "build", "build-server.mjs")], { cwd: root, stdio: "inherit" }).status !== 0) process.exit(1);
const assets = node("scripts/build/build-client.mjs", ["--watch"]);
const server = node("dist/server/main.mjs", ["--dev"]);
const stop = () => {
  assets.kill();
  server.kill("SIGTERM");
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
server.once("exit", (code) => {
  assets.kill();
  process.exit(code ?? 0);
});
