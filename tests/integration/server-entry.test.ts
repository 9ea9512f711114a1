import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { startBuiltNext } from "../helpers/built-server";
import { freePort, sampleInquiry, waitFor, type NextServer } from "../helpers/next-server";
import { logLines, outboxRows, countRows } from "../helpers/inquiry-db";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

/**
 * The server entry stops gracefully on SIGTERM: it stops accepting connections, lets a request in flight get its
 * normal answer, lets a send in progress finish (or releases it), closes the store and exits 0.
 */
let server: NextServer | undefined;
let sink: SmtpSink | undefined;
afterEach(async () => {
  await server?.stop("SIGKILL");
  await sink?.close();
  server = sink = undefined;
});

const exitCode = (s: NextServer) =>
  new Promise<number | null>((resolve) => (s.proc.exitCode !== null ? resolve(s.proc.exitCode) : s.proc.once("exit", (code) => resolve(code))));

describe("SIGTERM", () => {
  it("during a POST: the request in flight is answered and stored, new connections are refused, exit 0", async () => {
    server = await startBuiltNext({ port: await freePort(), env: { DELIVERY_WORKER: "false" } });
    const s = server;
    const body = Buffer.from(JSON.stringify(sampleInquiry({ name: "Graceful Post" })));
    // Headers and half the body now; the rest only after the server has begun stopping.
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${s.url}/api/inquiries`, {
        method: "POST",
        headers: { origin: s.url, "sec-fetch-site": "same-origin", "content-type": "application/json", "content-length": String(body.length) },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on("error", reject);
      req.write(body.subarray(0, 20));
      (async () => {
        // The server sees the request before it is told to stop.
        await new Promise((r) => setTimeout(r, 300));
        s.proc.kill("SIGTERM");
        await waitFor(() => logLines(s.output(), "server.stopping").length > 0, "the server to log that it is stopping");
        req.end(body.subarray(20));
      })().catch(reject);
    });
    const exited = exitCode(s);

    await waitFor(() => logLines(s.output(), "server.stopping").length > 0, "server.stopping");
    // A new connection (not one kept alive from before) is not served once the server has stopped listening: refused,
    // or reset when the kernel had already queued it on the closing socket (seen once on a loaded machine).
    const refused = await new Promise((resolve, reject) => http.get(`${s.url}/`, { agent: false }, resolve).on("error", reject)).then(
      () => undefined,
      (err: NodeJS.ErrnoException) => err.code,
    );
    expect(["ECONNREFUSED", "ECONNRESET"]).toContain(refused);

    const res = await answer;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toEqual({ status: "received" });
    expect(await exited).toBe(0);
    expect(logLines(s.output(), "server.stopped")[0]).toMatchObject({ status: "clean" });
    expect(countRows(s.dataDir, "inquiries")).toBe(1);
    expect(outboxRows(s.dataDir).map((r) => r.state)).toEqual(["pending"]);
  });

  it("during a slow SMTP send: the send finishes, the entry is sent once, exit 0", async () => {
    sink = await startSmtpSink(0, "slow");
    sink.setSlowMs(1_500);
    server = await startBuiltNext({ port: await freePort(), env: { SMTP_URL: sink.url, SMTP_REQUIRE_TLS: "false", DELIVERY_POLL_MS: "200" } });
    const s = server;
    const dataArrived = sink.nextData();
    const posted = await fetch(`${s.url}/api/inquiries`, {
      method: "POST",
      headers: { origin: s.url, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: JSON.stringify(sampleInquiry({ name: "Graceful Send" })),
    });
    expect(posted.status).toBe(201);
    await dataArrived;
    s.proc.kill("SIGTERM");
    expect(await exitCode(s)).toBe(0);

    expect(sink.messages).toHaveLength(1);
    expect(outboxRows(s.dataDir).map((r) => r.state)).toEqual(["sent"]);
  });

  it("when a send outlasts the grace period: exit 0 with the entry still pending (released for the next process)", async () => {
    sink = await startSmtpSink(0, "hang");
    server = await startBuiltNext({
      port: await freePort(),
      env: { SMTP_URL: sink.url, SMTP_REQUIRE_TLS: "false", DELIVERY_POLL_MS: "200", SHUTDOWN_GRACE_MS: "500" },
    });
    const s = server;
    const dataArrived = sink.nextData();
    await fetch(`${s.url}/api/inquiries`, {
      method: "POST",
      headers: { origin: s.url, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: JSON.stringify(sampleInquiry({ name: "Grace Expired" })),
    });
    await dataArrived;
    s.proc.kill("SIGTERM");
    expect(await exitCode(s)).toBe(0);

    expect(sink.messages).toHaveLength(0);
    const [row] = outboxRows(s.dataDir);
    expect(row.state).toBe("pending");
    expect(row.lease_until).toBeNull();
    expect(logLines(s.output(), "server.stopped")[0]).toMatchObject({ status: "grace-expired" });
  });
});
