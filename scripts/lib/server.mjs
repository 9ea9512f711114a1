// @ts-check
// The one way a test or a script starts the site's server and waits until it answers: the integration and security
// tests (tests/helpers/next-server.ts), the benchmarks (scripts/bench/) and the Observatory scan. The server is the one
// entry, dist/server/main.mjs, as `npm start` runs it (built by `npm run build`), on a port and with a data folder of
// the caller's choosing. Playwright starts its own through the webServer option of playwright.config.ts.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { buildIdFile } from "../../lib/build/next-paths.mjs";
import { root } from "./bin.mjs";

/** A port nothing listens on right now (the OS picks it), so a caller never meets a server it did not start. */
export async function freePort() {
  const srv = net.createServer();
  await new Promise((resolve) => srv.listen(0, "127.0.0.1", () => resolve(undefined)));
  const { port } = /** @type {net.AddressInfo} */ (srv.address());
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/** Whether nothing listens on `port` right now. @param {number} port */
async function isFree(port) {
  const srv = net.createServer();
  const ok = await new Promise((resolve) => srv.once("error", () => resolve(false)).listen(port, "127.0.0.1", () => resolve(true)));
  if (ok) await new Promise((resolve) => srv.close(resolve));
  return ok;
}

/** Two neighbouring free ports (Playwright's two servers take E2E_PORT and the next one); returns the first. */
export async function freePortPair() {
  for (let i = 0; i < 50; i++) {
    const port = await freePort();
    if (port < 65535 && (await isFree(port + 1))) return port;
  }
  throw new Error("no two neighbouring free ports found");
}

/** A new temporary folder (for a server's DATA_DIR). */
export function tempDir(prefix = "iop-test-") {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Starts a server and resolves once GET /api/health answers (200 or 503: a server with a store fault still serves).
 * Rejects, with everything the server printed, when it exits first or does not answer within `timeoutMs`.
 * @param {{
 *   port: number,
 *   env?: Record<string, string>,
 *   dataDir?: string,
 *   cwd?: string,
 *   command?: string[],
 *   origin?: string,
 *   timeoutMs?: number,
 * }} opts `command`: the Node arguments (default: the server entry); `cwd`: another checkout (default: this one);
 *   `origin`: SITE_ORIGIN when it is not the server's own URL (behind a TLS terminator).
 */
export async function startServer(opts) {
  const cwd = opts.cwd ?? root;
  const command = opts.command ?? [path.join(cwd, "dist", "server", "main.mjs")];
  const dataDir = opts.dataDir ?? tempDir();
  const url = `http://127.0.0.1:${opts.port}`;
  if (!opts.command && (!fs.existsSync(buildIdFile(cwd)) || !fs.existsSync(command[0]))) throw new Error("Build the site first (npm run build).");
  let out = "";
  const proc = spawn(process.execPath, command, {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      SITE_ORIGIN: opts.origin ?? url,
      PORT: String(opts.port),
      HOST: "127.0.0.1",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout?.on("data", (d) => (out += d));
  proc.stderr?.on("data", (d) => (out += d));
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => proc.once("exit", () => resolve()));
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the server exited early:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200 || res.status === 503) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      proc.kill("SIGKILL");
      throw new Error(`the server did not answer within ${timeoutMs / 1000} s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    port: opts.port,
    dataDir,
    proc,
    /** Everything the server printed (stdout and stderr). */
    output: () => out,
    /** Sends `signal` (SIGTERM: a graceful stop) and resolves when the process has exited. */
    stop: async (/** @type {NodeJS.Signals} */ signal = "SIGTERM") => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
}
