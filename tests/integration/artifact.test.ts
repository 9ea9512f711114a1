import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIdFile, finishedMarker, frameworkLeftovers, nextDir } from "@/lib/build/next-output";
import { freePort, postInquiry, sampleInquiry, waitFor } from "../helpers/next-server";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { logLines } from "../helpers/inquiry-db";
import { startWorkerProcess } from "../helpers/worker-process";
import { startPostgres, type TestPostgres } from "../helpers/postgres";
import { sitemapPaths } from "../security/helpers";
import { startServer } from "../../scripts/lib/server.mjs";

/**
 * The production artifact as a deployment gets it: `npm run package` (scripts/build/package.ts, the script the
 * Dockerfile runs) from this checkout's build, moved into an empty folder elsewhere, and run there with `node` and
 * `npm run` only: no tsx, no TypeScript, no source tree, nothing of this checkout reachable (Node looks for packages
 * in the folder and its parents, none of which is this checkout). It serves every page without the framework runtime,
 * stores an inquiry and delivers it to a real SMTP server (in-process, and by the standalone worker), and the operator
 * command runs from it: on a real PostgreSQL server (tests/helpers/postgres.ts, DATABASE_URL) and on SQLite (DATA_DIR).
 */
const root = path.resolve(__dirname, "..", "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "iop-artifact-"));
const app = path.join(work, "moved", "app");
const KEYS = `art1:${crypto.randomBytes(32).toString("base64")}`;

let smtp: SmtpSink;
let postgres: TestPostgres;

/** The environment every process of the artifact gets: nothing that could load a TypeScript loader. */
const baseEnv = (dataDir: string, extra: Record<string, string> = {}): Record<string, string> => ({
  NODE_OPTIONS: "",
  DATA_DIR: dataDir,
  INQUIRY_KEYS: KEYS,
  SMTP_URL: smtp.url,
  SMTP_REQUIRE_TLS: "false",
  MAIL_FROM: "website-test@iop-test.example.net",
  MAIL_TO: "intake-test@iop-test.example.net",
  DELIVERY_POLL_MS: "100",
  RATE_LIMIT_MAX: "100",
  ...extra,
});

function run(file: string, args: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(file, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

/** `npm run <script> -- args` in the artifact, as an operator there would type it. */
const npmRun = (script: string, args: string[], env: Record<string, string>) => run("npm", ["run", "--silent", script, "--", ...args], { cwd: app, env });

beforeAll(async () => {
  if (!fs.existsSync(finishedMarker(root)) || !fs.existsSync(path.join(root, "dist", "server", "worker.mjs")))
    throw new Error("Build the site first (npm run build).");
  const built = path.join(work, "built");
  const packaged = await run("npm", ["run", "--silent", "package", "--", "--out", built], { cwd: root });
  expect(packaged.code, packaged.stderr).toBe(0);
  // Moved, not copied from the checkout: whatever runs below can only be what the artifact holds.
  fs.mkdirSync(path.dirname(app), { recursive: true });
  fs.renameSync(built, app);
  smtp = await startSmtpSink();
  postgres = await startPostgres();
}, 240_000);

afterAll(async () => {
  await smtp?.close();
  await postgres?.destroy();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("what the artifact holds", () => {
  it("the bundles, the finished build and production packages; no dev package, no TypeScript, no sources", () => {
    for (const f of ["dist/server/main.mjs", "dist/server/worker.mjs", "dist/server/inquiries.mjs", "next.config.js", "package-lock.json"])
      expect(fs.existsSync(path.join(app, f)), f).toBe(true);
    expect(fs.existsSync(buildIdFile(app)), "the build's BUILD_ID").toBe(true);
    for (const pkg of ["next", "react", "better-sqlite3", "pg", "nodemailer", "zod"])
      expect(fs.existsSync(path.join(app, "node_modules", pkg)), pkg).toBe(true);
    for (const pkg of ["tsx", "typescript", "esbuild", "vitest", "eslint", "@playwright/test", "smtp-server"])
      expect(fs.existsSync(path.join(app, "node_modules", pkg)), pkg).toBe(false);
    for (const dir of ["app", "components", "lib", "server", "scripts", "tests"]) expect(fs.existsSync(path.join(app, dir)), dir).toBe(false);
    expect(fs.existsSync(path.join(nextDir(app), "cache")), "the build's own cache").toBe(false);
    const typescript = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        if (e.name === "node_modules") return [];
        const p = path.join(dir, e.name);
        return e.isDirectory() ? typescript(p) : /\.(ts|tsx|map)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [path.relative(app, p)] : [];
      });
    expect(typescript(app)).toEqual([]);
    const scripts = (JSON.parse(fs.readFileSync(path.join(app, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(Object.values(scripts).join(" ")).not.toMatch(/tsx|scripts\//);
  });

  it("the Dockerfile builds it with the same script and checks liveness on /api/live", () => {
    const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/^RUN npm run package$/m);
    // The instruction with its continuation lines.
    const healthcheck = /^HEALTHCHECK\b(?:.*\\\n)*.*$/m.exec(dockerfile)?.[0] ?? "";
    expect(healthcheck).toContain("/api/live");
    expect(healthcheck).not.toContain("/api/health");
    expect(dockerfile).toMatch(/^USER iop$/m);
  });
});

for (const engine of ["postgres", "sqlite"] as const)
  describe(`the artifact, run from an empty folder with node alone, on ${engine}`, () => {
    /** A data folder (mail files, the probe) and, on PostgreSQL, a new database: each test its own store. */
    const storeEnv = async (name: string): Promise<{ dataDir: string; env: Record<string, string> }> => {
      // Made beforehand, as a deployment does (the Dockerfile's /data): health's probe writes there on either engine.
      const dataDir = path.join(work, `data-${engine}-${name}`);
      fs.mkdirSync(dataDir, { recursive: true });
      return { dataDir, env: engine === "postgres" ? { DATABASE_URL: (await postgres.createDatabase()).url } : {} };
    };

    it("serves every page in the sitemap without the framework runtime", async () => {
      const store = await storeEnv("pages");
      const server = await startServer({ cwd: app, port: await freePort(), env: baseEnv(store.dataDir, { ...store.env, DELIVERY_WORKER: "false" }) });
      try {
        const pages = await sitemapPaths(server.url);
        expect(pages.length).toBeGreaterThan(3);
        const problems: string[] = [];
        for (const p of pages) {
          const res = await fetch(`${server.url}${p}`);
          const html = await res.text();
          const found = [...(res.status === 200 ? [] : [`status ${res.status}`]), ...frameworkLeftovers(html)];
          if (res.headers.get("x-powered-by")) found.push("X-Powered-By (next.config not applied)");
          if (found.length) problems.push(`${p}: ${found.join("; ")}`);
        }
        expect(problems).toEqual([]);
      } finally {
        await server.stop();
      }
    });

    it("stores an inquiry, delivers it through SMTP, and the operator command lists and checks it (npm run inquiries, no tsx)", async () => {
      const { dataDir, env } = await storeEnv("in-process");
      const server = await startServer({ cwd: app, port: await freePort(), env: baseEnv(dataDir, env) });
      try {
        const before = smtp.messages.length;
        const res = await postInquiry(server, sampleInquiry({ name: "Artifact Person" }));
        expect(res.status).toBe(201);
        await waitFor(() => smtp.messages.length === before + 1, "the message at the SMTP server");
        const [sent] = logLines(
          await waitFor(() => (logLines(server.output(), "delivery.sent").length ? server.output() : ""), "delivery.sent"),
          "delivery.sent",
        );

        const list = await npmRun("inquiries", ["list", "all"], baseEnv(dataDir, env));
        expect(list.code, list.stderr).toBe(0);
        const rows = list.stdout.trim().split("\n");
        expect(rows).toHaveLength(1);
        expect(rows[0].split("\t").slice(0, 2)).toEqual([sent.id, expect.any(String)]);
        expect(rows[0]).toMatch(/\tsent\t/);
        const check = await npmRun("inquiries", ["check"], baseEnv(dataDir, env));
        expect(check.code, check.stdout + check.stderr).toBe(0);
      } finally {
        await server.stop();
      }
    });

    it("runs the standalone worker (dist/server/worker.mjs, what npm run worker runs) beside a web process with DELIVERY=worker; SIGTERM stops it with exit 0", async () => {
      const { dataDir, env } = await storeEnv("worker");
      const server = await startServer({ cwd: app, port: await freePort(), env: baseEnv(dataDir, { ...env, DELIVERY: "worker" }) });
      const worker = startWorkerProcess({ cwd: app, dataDir, env: baseEnv(dataDir, { ...env, DELIVERY: "worker" }) });
      try {
        const before = smtp.messages.length;
        expect((await postInquiry(server, sampleInquiry({ name: "Artifact Worker" }))).status).toBe(201);
        await waitFor(() => smtp.messages.length === before + 1, "the worker's message");
        await waitFor(() => logLines(worker.output(), "delivery.sent").length === 1, "the worker's delivery.sent");
        expect(logLines(server.output(), "delivery.sent")).toEqual([]);
        expect(await worker.stop("SIGTERM")).toBe(0);
      } finally {
        await worker.stop("SIGKILL");
        await server.stop();
      }
    });
  });
