// @ts-check
// Runs the project's tools the same way on Linux, macOS and Windows: the JavaScript file behind a package's
// command, started with this Node (no node_modules/.bin shims, which are .cmd files on Windows, and no shell).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * The file a package's `bin` entry points at, e.g. binScript("typescript", "tsc").
 * @param {string} pkg
 * @param {string} [name] the command, when the package has several
 */
function binScript(pkg, name = pkg) {
  const dir = path.join(root, "node_modules", pkg);
  const { bin } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const rel = typeof bin === "string" ? bin : bin?.[name];
  if (!rel) throw new Error(`${pkg} has no "${name}" command`);
  return path.join(dir, rel);
}

/**
 * Runs a Node script (a path) or a package's command ({ pkg, bin }) with this Node, output shown as it comes.
 * @param {string | { pkg: string, bin?: string }} script
 * @param {string[]} args
 * @param {Record<string, string>} [env] added to this process's environment
 * @returns {number} the exit status (1 when it could not start or was killed)
 */
export function runNode(script, args, env = {}) {
  const file = typeof script === "string" ? path.resolve(root, script) : binScript(script.pkg, script.bin);
  const r = spawnSync(process.execPath, [file, ...args], { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.error) console.error(r.error.message);
  return r.status ?? 1;
}

/**
 * Runs npm itself: the npm that started us when there is one (npm_execpath), else `npm` from PATH (a .cmd on Windows,
 * hence the shell there).
 * @param {string[]} args
 */
export function runNpm(args) {
  const npmCli = process.env.npm_execpath;
  const r =
    npmCli && /npm-cli\.js$/.test(npmCli)
      ? spawnSync(process.execPath, [npmCli, ...args], { cwd: root, stdio: "inherit" })
      : spawnSync("npm", args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (r.error) console.error(r.error.message);
  return r.status ?? 1;
}

/**
 * Node arguments that run a TypeScript file reaching server code (the operator command, a test's child process): tsx,
 * under Node's react-server condition, so a module marked `import "server-only"` loads the marker's empty module (the
 * package's exports map) instead of the one that throws, as in the server entry's bundle. `npm run inquiries` does this.
 */
export const TSX_SERVER_ARGS = [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server"];
