import crypto from "node:crypto";
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, postInquiry, sampleInquiry, waitFor, tempDir, type NextServer } from "../helpers/next-server";
import { startBuiltNext } from "../helpers/built-server";
import { startSmtpSink, type SinkMode, type SmtpSink } from "../helpers/smtp-sink";
import { countRows, inquiryRows, logLines, outboxRow, outboxRows, withDb } from "../helpers/inquiry-db";
import { MAIL_SUBJECT } from "@/lib/inquiries/mail";

/**
 * Delivery of stored inquiries to staff, end to end: the server entry serving the built site, a real SMTP server in this
 * process (with faults on demand), and the SQLite outbox inspected directly.
 *
 * Ports: free ones (freePort), as other suites may run servers at the same time.
 */
const MAIL_FROM = "website-test@iop-test.example.net";
const MAIL_TO = "intake-test@iop-test.example.net";
const POLL_MS = 100;

/** Fast retries and polling: a fault and its recovery both show within a second or two. */
const fastEnv = (sink: { url: string }, extra: Record<string, string> = {}): Record<string, string> => ({
  SMTP_URL: sink.url,
  SMTP_REQUIRE_TLS: "false",
  MAIL_FROM,
  MAIL_TO,
  RETRY_BASE_MS: "200",
  RETRY_MAX_MS: "1000",
  DELIVERY_POLL_MS: String(POLL_MS),
  // No test here is about a timeout (faults answer at once), and this machine may be busy: a 1 s connection
  // timeout under load would turn a clean send into a retry and blur what each test checks.
  SMTP_CONNECTION_TIMEOUT_MS: "5000",
  SMTP_SOCKET_TIMEOUT_MS: "10000",
  // At least 2 × 5000 + 10000 + 5000 (lib/env.ts refuses a lease the SMTP timeouts can outlast).
  DELIVERY_LEASE_MS: "30000",
  RATE_LIMIT_MAX: "100",
  ...extra,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Long enough for the worker to have polled several times: used before asserting that nothing more happened. */
const settle = () => sleep(POLL_MS * 8);

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  // Servers before sinks (reverse start order), so no server is mid-send when its sink goes away.
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

async function sink(port: number, mode: SinkMode = "accept", extra?: Parameters<typeof startSmtpSink>[2]): Promise<SmtpSink> {
  const s = await startSmtpSink(port, mode, extra);
  let closed = false;
  const close = s.close;
  s.close = async () => {
    if (closed) return;
    closed = true;
    await close();
  };
  cleanups.push(() => s.close());
  return s;
}

async function server(port: number, env: Record<string, string>, dataDir?: string): Promise<NextServer> {
  const s = await startBuiltNext({ port, env, dataDir });
  cleanups.push(async () => {
    await s.stop("SIGKILL");
    fs.rmSync(s.dataDir, { recursive: true, force: true });
  });
  return s;
}

/** The one inquiry id in a data folder (fails if there is not exactly one). */
function onlyInquiryId(dataDir: string): string {
  const rows = inquiryRows(dataDir);
  expect(rows).toHaveLength(1);
  return rows[0].id;
}

const unique = (label: string) => `${label}${Math.random().toString(36).slice(2, 8).replace(/\d/g, "x")}`;

function headerLines(raw: string): string[] {
  const head = raw.split(/\r?\n\r?\n/)[0];
  // Unfold continuation lines, then split into one line per header.
  return head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/);
}

function expectStaffMessage(message: SmtpSink["messages"][number], id: string, submitted: { email: string; texts: string[] }) {
  const { parsed, raw } = message;
  expect(parsed.subject).toBe(MAIL_SUBJECT);
  expect(parsed.subject).toBe("New website inquiry");
  expect(parsed.from?.value.map((a) => a.address)).toEqual([MAIL_FROM]);
  const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to];
  expect(to.flatMap((t) => t?.value.map((a) => a.address))).toEqual([MAIL_TO]);
  expect(parsed.replyTo?.value.map((a) => a.address)).toEqual([submitted.email]);
  expect(parsed.messageId).toBe(`<${id}@${MAIL_FROM.split("@")[1]}>`);
  expect(parsed.messageId).toMatch(/^<inq_[A-Za-z0-9_-]+@iop-test\.example\.net>$/);
  expect(parsed.cc).toBeUndefined();
  expect(parsed.bcc).toBeUndefined();
  const names = headerLines(raw).map((l) => l.split(":")[0].toLowerCase());
  expect(names).not.toContain("cc");
  expect(names).not.toContain("bcc");
  // The subject line as sent carries nothing the person typed.
  const subjectLine = headerLines(raw).find((l) => /^subject:/i.test(l))!;
  expect(subjectLine).toBe(`Subject: ${MAIL_SUBJECT}`);
  for (const t of submitted.texts) {
    expect(parsed.text, `body contains ${JSON.stringify(t)}`).toContain(t);
    expect(subjectLine).not.toContain(t);
  }
  expect(parsed.text).toContain(`Inquiry id: ${id}`);
}

describe("delivery of a stored inquiry", () => {
  it("sends a JSON inquiry exactly once, with fixed subject, configured addresses, Reply-To and a stable Message-ID", async () => {
    const smtp = await sink(await freePort());
    const srv = await server(await freePort(), fastEnv(smtp));
    const inquiry = sampleInquiry({
      role: "professional",
      name: unique("Jordan"),
      organization: "Riverside Family Clinic",
      phone: "(555) 010-0142",
      email: "jordan.referrer@example.org",
      contactMethod: "email",
      bestTime: "afternoon",
      voicemailOk: true,
      textOk: false,
      language: "es",
      insurance: "Medicaid",
      message: "Please call after 3pm.\nSecond line of the message.",
    });
    const res = await postInquiry(srv, inquiry);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ status: "received" });

    const id = onlyInquiryId(srv.dataDir);
    await waitFor(() => outboxRow(srv.dataDir, id)?.state === "sent", "outbox entry sent");
    await settle();
    expect(smtp.messages).toHaveLength(1);
    expectStaffMessage(smtp.messages[0], id, {
      email: "jordan.referrer@example.org",
      texts: [
        inquiry.name as string,
        "Riverside Family Clinic",
        "(555) 010-0142",
        "jordan.referrer@example.org",
        "Please call after 3pm.\nSecond line of the message.",
        "Medicaid",
        "About: I'm a professional making a referral",
        "Contact by: Email",
        "Best time: Afternoon",
        "OK to leave a voicemail: yes",
        "OK to text: no",
        "Language: Spanish (Español)",
      ],
    });
    const entry = outboxRow(srv.dataDir, id)!;
    expect(entry).toMatchObject({ state: "sent", attempts: 1, last_error: null, lease_until: null });
    expect(entry.sent_at).toBeGreaterThan(0);
    expect(logLines(srv.output(), "delivery.sent")).toEqual([expect.objectContaining({ id, attempts: 1 })]);
  });

  it("sends a urlencoded browser post (303 to a relative /contact/thanks) exactly once", async () => {
    const smtp = await sink(await freePort());
    const srv = await server(await freePort(), fastEnv(smtp));
    const name = unique("Robin");
    const form = new URLSearchParams({
      role: "loved-one",
      name,
      phone: "555-010-0177",
      email: "robin.family@example.org",
      contactMethod: "text",
      bestTime: "evening",
      voicemailOk: "yes",
      textOk: "yes",
      language: "en",
      insurance: "self-pay",
      message: "My brother needs help & we'd like to talk <soon>.",
      consent: "yes",
      website: "",
    });
    const res = await fetch(`${srv.url}/api/inquiries`, {
      method: "POST",
      headers: { origin: srv.url, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/contact/thanks");

    const id = onlyInquiryId(srv.dataDir);
    await waitFor(() => outboxRow(srv.dataDir, id)?.state === "sent", "outbox entry sent");
    await settle();
    expect(smtp.messages).toHaveLength(1);
    expectStaffMessage(smtp.messages[0], id, {
      email: "robin.family@example.org",
      texts: [
        name,
        "555-010-0177",
        "robin.family@example.org",
        "self-pay",
        "My brother needs help & we'd like to talk <soon>.",
        "About: Someone I care about",
        "Contact by: Text message",
        "Best time: Evening",
        "OK to leave a voicemail: yes",
        "OK to text: yes",
        "Language: English",
      ],
    });
  });
});

describe("SMTP outages", () => {
  async function expectStoredAndRetrying(srv: NextServer, smtp: SmtpSink) {
    const id = onlyInquiryId(srv.dataDir);
    const entry = await waitFor(() => {
      const e = outboxRow(srv.dataDir, id);
      return e && e.attempts >= 2 && e.state !== "sending" ? e : undefined;
    }, "two failed attempts");
    expect(entry.state).toBe("pending");
    expect(entry.last_error).toEqual(expect.any(String));
    expect(entry.last_error).not.toBe("");
    expect(entry.sent_at).toBeNull();
    expect(smtp.messages).toHaveLength(0);
    expect(countRows(srv.dataDir, "inquiries")).toBe(1);
    expect(logLines(srv.output(), "delivery.retry").length).toBeGreaterThanOrEqual(1);
    return id;
  }

  it("keeps an inquiry while the SMTP server refuses service (421), then delivers it once", async () => {
    const smtp = await sink(await freePort(), "down");
    const srv = await server(await freePort(), fastEnv(smtp));
    const res = await postInquiry(srv, sampleInquiry({ name: unique("Casey") }));
    expect(res.status).toBe(201);
    const id = await expectStoredAndRetrying(srv, smtp);

    smtp.setMode("accept");
    await waitFor(() => outboxRow(srv.dataDir, id)?.state === "sent", "delivery after recovery");
    await settle();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].parsed.messageId).toBe(`<${id}@iop-test.example.net>`);
    expect(outboxRow(srv.dataDir, id)).toMatchObject({ state: "sent", last_error: null, last_response_code: null });
  });

  it("keeps an inquiry while nothing listens on the SMTP port (connection refused), then delivers it once", async () => {
    const smtpPort = await freePort();
    const first = await sink(smtpPort);
    await first.close();
    const srv = await server(await freePort(), fastEnv(first));
    const res = await postInquiry(srv, sampleInquiry({ name: unique("Morgan") }));
    expect(res.status).toBe(201);
    const id = onlyInquiryId(srv.dataDir);
    const entry = await waitFor(() => {
      const e = outboxRow(srv.dataDir, id);
      return e && e.attempts >= 2 && e.state !== "sending" ? e : undefined;
    }, "two refused attempts");
    expect(entry.state).toBe("pending");
    expect(entry.last_error).toEqual(expect.any(String));
    expect(entry.last_response_code).toBeNull();

    const smtp = await sink(smtpPort);
    await waitFor(() => outboxRow(srv.dataDir, id)?.state === "sent", "delivery after the SMTP server came back");
    await settle();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].parsed.messageId).toBe(`<${id}@iop-test.example.net>`);
  });

  it("retries a 4xx answer (rcpt451) and delivers once it clears", async () => {
    const smtp = await sink(await freePort(), "rcpt451");
    const srv = await server(await freePort(), fastEnv(smtp));
    expect((await postInquiry(srv, sampleInquiry({ name: unique("Quinn") }))).status).toBe(201);
    const id = await expectStoredAndRetrying(srv, smtp);
    expect(outboxRow(srv.dataDir, id)!.last_response_code).toBe(451);
    smtp.setMode("accept");
    await waitFor(() => outboxRow(srv.dataDir, id)?.state === "sent", "delivery after 451 cleared");
    await settle();
    expect(smtp.messages).toHaveLength(1);
  });

  it("marks a 5xx answer (rcpt550) dead without retrying, logs delivery.dead, and health turns 503 with numbers only", async () => {
    const smtp = await sink(await freePort(), "rcpt550");
    const srv = await server(await freePort(), fastEnv(smtp));
    const inquiry = sampleInquiry({ name: unique("Avery"), email: "avery.dead@example.org", message: "Secret message body" });
    expect((await postInquiry(srv, inquiry)).status).toBe(201);
    const id = onlyInquiryId(srv.dataDir);
    await waitFor(() => outboxRow(srv.dataDir, id)?.state === "dead", "dead entry");
    // Several poll intervals later it has still been tried only once.
    await settle();
    await settle();
    const entry = outboxRow(srv.dataDir, id)!;
    expect(entry).toMatchObject({ state: "dead", attempts: 1, last_response_code: 550, sent_at: null });
    expect(entry.last_error).toEqual(expect.any(String));
    expect(smtp.messages).toHaveLength(0);

    const dead = logLines(srv.output(), "delivery.dead");
    expect(dead).toEqual([expect.objectContaining({ id, responseCode: 550, attempts: 1, level: "error" })]);
    // The relay's reason, for the operator: its reply's first line, never anything the person wrote.
    expect(dead[0].detail).toMatch(/^550\b.*No such user/);
    expect(String(dead[0].detail)).not.toMatch(/Avery|Secret|avery\.dead/);
    expect(logLines(srv.output(), "delivery.retry")).toEqual([]);

    const health = await fetch(`${srv.url}/api/health`);
    expect(health.status).toBe(503);
    const text = await health.text();
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "attention", dead: 1, pending: 0, unreadable: 0, problems: ["dead-entries:1"] });
    // Numbers, problem codes, where mail goes and when: nothing else.
    expect(Object.keys(body).sort()).toEqual(["checkedAt", "dead", "oldestPendingAgeMs", "pending", "problems", "status", "transport", "unreadable"]);
    for (const secret of [inquiry.name as string, "avery.dead@example.org", inquiry.phone as string, "Secret message body", id])
      expect(text).not.toContain(secret);
    expect(srv.output()).not.toContain("Secret message body");
    expect(srv.output()).not.toContain("avery.dead@example.org");
  });

  it("treats an authentication failure as a configuration error: the entry stays pending, never dead", async () => {
    // Credentials in SMTP_URL, and a sink that offers AUTH without TLS: the login itself is refused with 535.
    const smtp = await sink(await freePort(), "auth535", { allowInsecureAuth: true });
    const srv = await server(await freePort(), fastEnv(smtp, { SMTP_URL: `smtp://intake-bot:wrong%20password@127.0.0.1:${smtp.port}` }));
    expect((await postInquiry(srv, sampleInquiry({ name: unique("Reese") }))).status).toBe(201);
    const id = onlyInquiryId(srv.dataDir);
    await waitFor(() => logLines(srv.output(), "delivery.config-error").length >= 2, "two config-error log lines");
    const entry = outboxRow(srv.dataDir, id)!;
    expect(["pending", "sending"]).toContain(entry.state);
    expect(entry.attempts).toBeGreaterThanOrEqual(2);
    expect(entry.last_response_code).toBe(535);
    expect(entry.last_error).toBe("EAUTH");
    // The start-up line names the SMTP server but never its credentials.
    expect(srv.output()).toContain(`SMTP 127.0.0.1:${smtp.port}`);
    expect(srv.output()).not.toContain("wrong");
    expect(srv.output()).not.toContain("intake-bot");
    expect(logLines(srv.output(), "delivery.dead")).toEqual([]);
    expect(logLines(srv.output(), "delivery.config-error")[0]).toMatchObject({ id, level: "error" });
    expect(smtp.messages).toHaveLength(0);

    // Once the credentials are fixed (here: the sink accepts again), the kept inquiry goes out.
    smtp.setMode("accept");
    await waitFor(() => outboxRow(srv.dataDir, id)?.state === "sent", "delivery after the config fix");
    await settle();
    expect(smtp.messages).toHaveLength(1);
  });
});

describe("crash safety", () => {
  it("delivers exactly once an inquiry committed by a server that was killed before sending it", async () => {
    const smtp = await sink(await freePort());
    const dataDir = tempDir();
    const first = await server(await freePort(), fastEnv(smtp, { DELIVERY_WORKER: "false" }), dataDir);
    expect((await postInquiry(first, sampleInquiry({ name: unique("Sky") }))).status).toBe(201);
    const id = onlyInquiryId(dataDir);
    await settle();
    expect(outboxRow(dataDir, id)).toMatchObject({ state: "pending", attempts: 0 });
    expect(smtp.messages).toHaveLength(0);
    await first.stop("SIGKILL");
    expect(first.proc.signalCode).toBe("SIGKILL");

    const second = await server(await freePort(), fastEnv(smtp), dataDir);
    await waitFor(() => outboxRow(dataDir, id)?.state === "sent", "delivery by the restarted server");
    await settle();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].parsed.messageId).toBe(`<${id}@iop-test.example.net>`);
    expect(outboxRow(dataDir, id)).toMatchObject({ state: "sent", attempts: 1 });
    expect(countRows(dataDir, "inquiries")).toBe(1);
    expect(second.output()).toContain("delivery.sent");
  });

  it("keeps a record it cannot decrypt (its key removed) aside as unreadable: never dead or sent, counted by health; sent once the key is back", async () => {
    const smtp = await sink(await freePort());
    const dataDir = tempDir();
    const key = (id: string) => `${id}:${crypto.randomBytes(32).toString("base64")}`;
    const oldKey = key("old");
    const newKey = key("new");
    const name = unique("Keylost");
    const first = await server(await freePort(), fastEnv(smtp, { DELIVERY_WORKER: "false", INQUIRY_KEYS: oldKey }), dataDir);
    expect((await postInquiry(first, sampleInquiry({ name }))).status).toBe(201);
    const id = onlyInquiryId(dataDir);
    await first.stop("SIGKILL");

    const second = await server(await freePort(), fastEnv(smtp, { INQUIRY_KEYS: newKey }), dataDir);
    await waitFor(() => outboxRow(dataDir, id)?.state === "unreadable", "the entry kept aside as unreadable");
    expect(outboxRow(dataDir, id)).toMatchObject({ state: "unreadable", last_error: "ENOKEY" });
    expect(logLines(second.output(), "delivery.unreadable")[0]).toMatchObject({ id, code: "ENOKEY", level: "error" });
    const health = await fetch(`${second.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "attention", unreadable: 1, dead: 0, pending: 0 });
    // RETRY_MAX_MS is 1 s here: the slow automatic retry runs, and finds it still unreadable.
    await waitFor(() => (outboxRow(dataDir, id)?.attempts ?? 0) >= 2, "an automatic retry");
    expect(outboxRow(dataDir, id)?.state).toMatch(/unreadable|sending/);
    expect(smtp.messages).toHaveLength(0);
    expect(second.output()).not.toContain(name);
    await second.stop("SIGKILL");

    await server(await freePort(), fastEnv(smtp, { INQUIRY_KEYS: `${newKey},${oldKey}` }), dataDir);
    await waitFor(() => outboxRow(dataDir, id)?.state === "sent", "delivery once the key is back");
    await settle();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].parsed.text).toContain(name);
  });

  it("reclaims an entry whose sender died mid-send (state sending, lease expired) and delivers it", async () => {
    const smtp = await sink(await freePort());
    const dataDir = tempDir();
    const first = await server(await freePort(), fastEnv(smtp, { DELIVERY_WORKER: "false" }), dataDir);
    expect((await postInquiry(first, sampleInquiry({ name: unique("Drew") }))).status).toBe(201);
    const id = onlyInquiryId(dataDir);
    await first.stop("SIGKILL");

    // As a sender that died after claiming it would have left it.
    const changed = withDb(
      dataDir,
      (db) => db.prepare("UPDATE outbox SET state = 'sending', attempts = 1, lease_until = ? WHERE inquiry_id = ?").run(Date.now() - 60_000, id).changes,
      { readonly: false },
    );
    expect(changed).toBe(1);
    expect(outboxRow(dataDir, id)).toMatchObject({ state: "sending", attempts: 1 });

    await server(await freePort(), fastEnv(smtp), dataDir);
    await waitFor(() => outboxRow(dataDir, id)?.state === "sent", "delivery of the reclaimed entry");
    await settle();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].parsed.messageId).toBe(`<${id}@iop-test.example.net>`);
    expect(outboxRow(dataDir, id)).toMatchObject({ state: "sent", attempts: 2, lease_until: null });
  });
});

describe("duplicates and spam", () => {
  it("stores and sends one inquiry for a repeated Idempotency-Key, and refuses the key with other content", async () => {
    const smtp = await sink(await freePort());
    const srv = await server(await freePort(), fastEnv(smtp));
    const key = "retry-key_0123456789abcdef";
    const inquiry = sampleInquiry({ name: unique("Harper") });

    const first = await postInquiry(srv, inquiry, { "idempotency-key": key });
    expect(first.status).toBe(201);
    const second = await postInquiry(srv, inquiry, { "idempotency-key": key });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ status: "received" });
    expect(countRows(srv.dataDir, "inquiries")).toBe(1);
    const id = onlyInquiryId(srv.dataDir);
    expect(inquiryRows(srv.dataDir)[0].idempotency_key).toBe(key);

    const conflict = await postInquiry(srv, sampleInquiry({ name: unique("Other") }), { "idempotency-key": key });
    expect(conflict.status).toBe(422);
    expect(await conflict.json()).toEqual({ error: "idempotency_key_reused" });
    expect(countRows(srv.dataDir, "inquiries")).toBe(1);

    // A key outside 16–100 of [A-Za-z0-9_-] is refused and stores nothing.
    for (const bad of ["short-key", "x".repeat(101), "has space in it 0123456789"]) {
      const r = await postInquiry(srv, sampleInquiry({ name: unique("Bad") }), { "idempotency-key": bad });
      expect(r.status, bad).toBe(400);
    }
    expect(countRows(srv.dataDir, "inquiries")).toBe(1);

    await waitFor(() => outboxRow(srv.dataDir, id)?.state === "sent", "delivery");
    await settle();
    expect(smtp.messages).toHaveLength(1);
    expect(countRows(srv.dataDir, "outbox")).toBe(1);
  });

  it("treats the same content posted twice without a key as one inquiry (content fingerprint)", async () => {
    const smtp = await sink(await freePort());
    const srv = await server(await freePort(), fastEnv(smtp));
    const inquiry = sampleInquiry({ name: unique("Emery"), message: "Double-clicked the button." });
    expect((await postInquiry(srv, inquiry)).status).toBe(201);
    const again = await postInquiry(srv, inquiry);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "received" });
    expect(countRows(srv.dataDir, "inquiries")).toBe(1);
    // Surrounding whitespace does not make it a different inquiry either (values are trimmed before storing).
    expect((await postInquiry(srv, { ...inquiry, name: ` ${inquiry.name as string} ` })).status).toBe(200);
    expect(countRows(srv.dataDir, "inquiries")).toBe(1);
    const id = onlyInquiryId(srv.dataDir);
    await waitFor(() => outboxRow(srv.dataDir, id)?.state === "sent", "delivery");
    await settle();
    expect(smtp.messages).toHaveLength(1);

    // Different content is a different inquiry.
    expect((await postInquiry(srv, { ...inquiry, message: "A second, different question." })).status).toBe(201);
    expect(countRows(srv.dataDir, "inquiries")).toBe(2);
    await waitFor(() => smtp.messages.length === 2, "second delivery");
  });

  it("quarantines a filled honeypot: answers like a success, stores no outbox entry and sends nothing", async () => {
    const smtp = await sink(await freePort());
    const srv = await server(await freePort(), fastEnv(smtp));
    const res = await postInquiry(srv, sampleInquiry({ name: unique("Bot"), website: "http://spam" }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ status: "received" });
    const rows = inquiryRows(srv.dataDir);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "quarantined", reason: "honeypot" });
    expect(countRows(srv.dataDir, "outbox")).toBe(0);
    await settle();
    await settle();
    expect(smtp.messages).toHaveLength(0);
    expect(outboxRows(srv.dataDir)).toEqual([]);
    expect(logLines(srv.output(), "inquiry.stored")).toEqual([expect.objectContaining({ id: rows[0].id, state: "quarantined" })]);

    // A browser-style bot post gets the same 303 as a person.
    const form = new URLSearchParams({
      ...Object.fromEntries(Object.entries(sampleInquiry({ name: unique("Bot") })).map(([k, v]) => [k, String(v)])),
      consent: "yes",
      voicemailOk: "",
      textOk: "",
      website: "http://spam",
    });
    const browser = await fetch(`${srv.url}/api/inquiries`, {
      method: "POST",
      headers: { origin: srv.url, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
      redirect: "manual",
    });
    expect(browser.status).toBe(303);
    expect(browser.headers.get("location")).toBe("/contact/thanks");
    expect(inquiryRows(srv.dataDir).map((r) => r.status)).toEqual(["quarantined", "quarantined"]);
    expect(countRows(srv.dataDir, "outbox")).toBe(0);
    await settle();
    expect(smtp.messages).toHaveLength(0);
  });
});
