import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, postInquiry, sampleInquiry, waitFor, type NextServer } from "../helpers/next-server";
import { startBuiltNext } from "../helpers/built-server";
import { startSmtpSink, type SinkMode, type SmtpSink } from "../helpers/smtp-sink";
import { inquiryRows, logLines, outboxRows } from "../helpers/inquiry-db";
import { startWorkerProcess, type WorkerProcess } from "../helpers/worker-process";

/**
 * The three delivery run modes (DELIVERY, lib/env.ts) end to end: the built server entry, the standalone worker
 * (dist/server/worker.mjs, `npm run worker`), the delivery endpoint POST /api/deliver, a real SMTP server in this
 * process, and the SQLite outbox read directly. Which process sent a message is read from each process's own log
 * (delivery.sent carries the id), never inferred from timing.
 */
const SECRET = "test-delivery-secret-0123456789-abcdef";

const fastEnv = (sink: { url: string }, extra: Record<string, string> = {}): Record<string, string> => ({
  SMTP_URL: sink.url,
  SMTP_REQUIRE_TLS: "false",
  MAIL_FROM: "website-test@iop-test.example.net",
  MAIL_TO: "intake-test@iop-test.example.net",
  RETRY_BASE_MS: "200",
  RETRY_MAX_MS: "1000",
  DELIVERY_POLL_MS: "100",
  SMTP_CONNECTION_TIMEOUT_MS: "5000",
  SMTP_SOCKET_TIMEOUT_MS: "10000",
  DELIVERY_LEASE_MS: "30000",
  RATE_LIMIT_MAX: "100",
  ...extra,
});

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

async function sink(mode: SinkMode = "accept"): Promise<SmtpSink> {
  const s = await startSmtpSink(0, mode);
  cleanups.push(() => s.close());
  return s;
}

async function server(env: Record<string, string>, dataDir?: string): Promise<NextServer> {
  const s = await startBuiltNext({ port: await freePort(), env, dataDir });
  cleanups.push(async () => {
    await s.stop("SIGKILL");
    fs.rmSync(s.dataDir, { recursive: true, force: true });
  });
  return s;
}

function worker(dataDir: string, env: Record<string, string>): WorkerProcess {
  const w = startWorkerProcess({ dataDir, env });
  cleanups.push(() => w.stop("SIGKILL"));
  return w;
}

const sentIds = (output: string) => logLines(output, "delivery.sent").map((l) => l.id);

async function postOne(s: NextServer, name: string): Promise<string> {
  const res = await postInquiry(s, sampleInquiry({ name }));
  expect(res.status).toBe(201);
  const row = inquiryRows(s.dataDir).at(-1);
  expect(row).toBeDefined();
  return row!.id;
}

const deliver = (s: NextServer, init: RequestInit = {}) => fetch(`${s.url}/api/deliver`, { method: "POST", ...init });
const bearer = (secret: string) => ({ headers: { authorization: `Bearer ${secret}` } });

describe("DELIVERY=worker: web processes send nothing, a standalone worker sends", () => {
  it("the worker delivers what the web process stored; the web process logs no send", async () => {
    const smtp = await sink();
    const web = await server(fastEnv(smtp, { DELIVERY: "worker" }));
    expect(web.output()).toContain("Delivery: standalone workers only (npm run worker)");
    const id = await postOne(web, "Worker Mode");
    const w = worker(web.dataDir, fastEnv(smtp, { DELIVERY: "worker" }));
    await waitFor(() => smtp.messages.length === 1, "the worker's message");
    await waitFor(() => sentIds(w.output()).includes(id), "the worker's delivery.sent line");
    expect(outboxRows(web.dataDir).map((r) => r.state)).toEqual(["sent"]);
    expect(sentIds(web.output())).toEqual([]);
    expect(await w.stop("SIGTERM")).toBe(0);
    expect(logLines(w.output(), "worker.stopped")[0]).toMatchObject({ status: "clean" });
  });

  it("on SIGTERM mid-send past SHUTDOWN_GRACE_MS: exits 0 and releases the entry (pending, no lease) for another worker", async () => {
    const smtp = await sink("hang");
    const web = await server(fastEnv(smtp, { DELIVERY: "worker" }));
    const w = worker(web.dataDir, fastEnv(smtp, { DELIVERY: "worker", SHUTDOWN_GRACE_MS: "500" }));
    const dataArrived = smtp.nextData();
    await postOne(web, "Worker Stopping");
    await dataArrived;
    expect(await w.stop("SIGTERM")).toBe(0);
    const [row] = outboxRows(web.dataDir);
    expect(row.state).toBe("pending");
    expect(row.lease_until).toBeNull();
    expect(logLines(w.output(), "delivery.released")).toHaveLength(1);
    expect(logLines(w.output(), "worker.stopped")[0]).toMatchObject({ status: "grace-expired" });

    // Another worker takes it at once once the relay answers again.
    smtp.setMode("accept");
    const next = worker(web.dataDir, fastEnv(smtp, { DELIVERY: "worker" }));
    await waitFor(() => smtp.messages.length === 1, "the second worker's message");
    await waitFor(() => outboxRows(web.dataDir)[0].state === "sent", "the entry marked sent");
    expect(await next.stop()).toBe(0);
  });
});

describe("DELIVERY=endpoint: POST /api/deliver with the bearer secret", () => {
  it("refuses without the secret or with a wrong one (401, WWW-Authenticate: Bearer), and any other method (405)", async () => {
    const smtp = await sink();
    const web = await server(fastEnv(smtp, { DELIVERY: "endpoint", DELIVERY_SECRET: SECRET }));
    const none = await deliver(web);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer realm="delivery"$/);
    for (const wrong of [SECRET.slice(0, -1) + "x", SECRET.slice(1), `${SECRET}x`, SECRET.toUpperCase()]) {
      const res = await deliver(web, bearer(wrong));
      expect(res.status, wrong).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer .*error="invalid_token"/);
    }
    expect((await deliver(web, { headers: { authorization: SECRET } })).status).toBe(401); // no "Bearer " scheme
    const get = await fetch(`${web.url}/api/deliver`, bearer(SECRET));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    // Nothing was sent by any of these.
    expect(smtp.messages).toHaveLength(0);
    expect(logLines(web.output(), "delivery.endpoint-refused").length).toBeGreaterThanOrEqual(6);
    expect(web.output()).not.toContain(SECRET);
  });

  it("sends at most DELIVERY_BATCH_MAX per call, answers counts only, not cached; the web process sends nothing by itself", async () => {
    const smtp = await sink();
    const web = await server(fastEnv(smtp, { DELIVERY: "endpoint", DELIVERY_SECRET: SECRET, DELIVERY_BATCH_MAX: "2" }));
    expect(web.output()).toContain("Delivery: by a scheduler calling POST /api/deliver");
    const names = ["Endpoint Alpha", "Endpoint Bravo", "Endpoint Charlie"];
    const ids = [];
    for (const n of names) ids.push(await postOne(web, n));

    // Three pending and a batch of two: if this process ran a worker of its own, fewer would be left to send here.
    const first = await deliver(web, bearer(SECRET));
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const body = await first.text();
    expect(JSON.parse(body)).toEqual({ sent: 2, retry: 0, dead: 0, unreadable: 0, config: 0, leaseLost: 0, unrecorded: 0, remaining: 1, stoppedBy: "max" });
    for (const n of names) expect(body).not.toContain(n);
    for (const id of ids) expect(body).not.toContain(id);

    const second = await deliver(web, bearer(SECRET));
    expect(await second.json()).toMatchObject({ sent: 1, remaining: 0, stoppedBy: "idle" });
    const third = await deliver(web, bearer(SECRET));
    expect(await third.json()).toMatchObject({ sent: 0, remaining: 0, stoppedBy: "idle" });

    expect(smtp.messages).toHaveLength(3);
    expect(outboxRows(web.dataDir).map((r) => r.state)).toEqual(["sent", "sent", "sent"]);
    expect(web.output()).not.toContain(SECRET);
  });

  it("is not there without DELIVERY_SECRET: 404 to every method", async () => {
    const smtp = await sink();
    const web = await server(fastEnv(smtp));
    for (const method of ["POST", "GET", "PUT"]) {
      const res = await fetch(`${web.url}/api/deliver`, { method, ...bearer(SECRET) });
      expect(res.status, method).toBe(404);
      expect(res.headers.get("www-authenticate")).toBeNull();
    }
  });
});

describe("platform readiness uses /api/live", () => {
  it("a relay refusing mail makes /api/health 503 (attention) while /api/live stays 200", async () => {
    const smtp = await sink("rcpt550");
    const web = await server(fastEnv(smtp));
    await postOne(web, "Readiness Check");
    await waitFor(() => outboxRows(web.dataDir)[0]?.state === "dead", "the entry marked dead");
    expect((await fetch(`${web.url}/api/health`)).status).toBe(503);
    const live = await fetch(`${web.url}/api/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "live" });
  });
});
