import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** A process of the server entry (dist/server/main.mjs) serving the built site, on a port of the test's choosing, with its own data folder. */
export interface NextServer {
  url: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  /** Everything the server printed (stdout and stderr). */
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

const root = path.resolve(__dirname, "..", "..");
/** The one server entry, as `npm start` runs it (built by `npm run build`). */
const serverEntry = path.join(root, "dist", "server", "main.mjs");

/** A port nothing listens on right now (the OS picks it), so a test never meets a server it did not start. */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

export function tempDir(prefix = "iop-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startNext(opts: { port: number; env?: Record<string, string>; dataDir?: string }): Promise<NextServer> {
  const dataDir = opts.dataDir ?? tempDir();
  const url = `http://127.0.0.1:${opts.port}`;
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || !fs.existsSync(serverEntry)) throw new Error("Build the site first (npm run build).");
  let out = "";
  const proc = spawn(process.execPath, [serverEntry], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      SITE_ORIGIN: url,
      PORT: String(opts.port),
      HOST: "127.0.0.1",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
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
      throw new Error(`the server did not answer within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    port: opts.port,
    dataDir,
    proc,
    output: () => out,
    stop: async (signal = "SIGTERM") => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
}

/** A valid inquiry as the JSON client sends it. */
export function sampleInquiry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    role: "self",
    name: "Pat",
    phone: "555-010-0199",
    email: "pat@example.org",
    contactMethod: "phone",
    bestTime: "any",
    voicemailOk: false,
    textOk: false,
    language: "en",
    consent: true,
    ...overrides,
  };
}

/** POSTs JSON to the inquiry route as the site's own page would. */
export function postInquiry(server: Pick<NextServer, "url">, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/inquiries`, {
    method: "POST",
    headers: { origin: server.url, "sec-fetch-site": "same-origin", "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
    redirect: "manual",
  });
}

export async function waitFor<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
