import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startBuiltNext } from "../helpers/built-server";
import { freePort, postInquiry, sampleInquiry, tempDir, waitFor, type NextServer } from "../helpers/next-server";
import { countRows, dbFile, logLines } from "../helpers/inquiry-db";
import { tagById, tags } from "../helpers/html";
import { center } from "@/content/center";
import { strings } from "@/lib/i18n/strings";
import { launchFindings } from "@/lib/launch/check";
import { logDetail } from "@/lib/log";
import { TSX_SERVER_ARGS } from "../../scripts/lib/bin.mjs";

/**
 * One rule for store faults: pages (and with them the crisis numbers) keep being served; the inquiry route answers
 * 503 with Retry-After, keeps what the person typed and shows the admissions phone number; health names the
 * cause; nothing is acknowledged that was not stored.
 */
const root = path.resolve(__dirname, "..", "..");
let server: NextServer | undefined;
let holder: ChildProcess | undefined;
afterEach(async () => {
  holder?.kill("SIGKILL");
  await server?.stop("SIGKILL");
  server = holder = undefined;
});

/** Another process that takes the database's write lock and keeps it until its stdin closes. */
async function holdWriteLock(file: string): Promise<ChildProcess> {
  const code = `
    const db = new (require("better-sqlite3"))(${JSON.stringify(file)});
    db.exec("BEGIN IMMEDIATE");
    process.stdout.write("locked\\n");
    process.stdin.resume();
    process.stdin.on("end", () => { db.exec("ROLLBACK"); db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ["-e", code], { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("locked") && resolve());
    child.once("exit", (c) => reject(new Error(`lock holder exited with ${c}`)));
  });
  return child;
}

const formPost = (s: NextServer, body: string) =>
  fetch(`${s.url}/api/inquiries`, {
    method: "POST",
    headers: { origin: s.url, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });

describe("while another process holds the store's write lock", () => {
  it("an article and the health status are served, a post answers 503 with the phone number and the values kept, all before the lock is released", async () => {
    server = await startBuiltNext({ port: await freePort(), env: { STORE_WAIT_MS: "500" } });
    const s = server;
    holder = await holdWriteLock(dbFile(s.dataDir));

    const article = await fetch(`${s.url}/articles/what-is-iop`);
    expect(article.status).toBe(200);
    const health = await fetch(`${s.url}/api/health`);
    expect([200, 503]).toContain(health.status);

    const json = await postInquiry(s, sampleInquiry({ name: "Locked Out" }));
    expect(json.status).toBe(503);
    expect(json.headers.get("retry-after")).toBe("60");
    expect(await json.json()).toEqual({ error: "unavailable" });

    const page = await formPost(s, "role=self&name=Lock%20Page&phone=555-010-0142&contactMethod=phone&bestTime=any&language=en&consent=on");
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(tags(html, "script")).toEqual([]);
    expect(tagById(html, "inquiry-name")?.attrs.value).toBe("Lock Page");
    expect(tagById(html, "inquiry-phone")?.attrs.value).toBe("555-010-0142");
    expect(tags(html, "a").some((a) => a.attrs.href === `tel:${center.phones.admissions.tel}`)).toBe(true);

    // The Spanish form gets the same answer in Spanish: the page's language, its words, its values.
    const es = await formPost(s, "siteLocale=es&role=self&name=Ana&phone=555-010-0143&contactMethod=phone&bestTime=any&language=es&consent=on");
    expect(es.status).toBe(503);
    const esHtml = await es.text();
    expect(tags(esHtml, "html")[0]?.attrs.lang).toBe("es");
    expect(esHtml).toContain(strings("es").inquiry.unavailable.lead);
    expect(esHtml).toContain(strings("es").inquiry.unavailable.call(center.phones.admissions.display));
    expect(tagById(esHtml, "inquiry-name")?.attrs.value).toBe("Ana");
    expect(tags(esHtml, "script")).toEqual([]);

    // Everything above was answered while the lock was still held.
    expect(holder.exitCode).toBeNull();
    holder.stdin!.end();
    await new Promise((r) => holder!.once("exit", r));

    expect(countRows(s.dataDir, "inquiries")).toBe(0);
    expect(logLines(s.output(), "inquiry.unavailable").map((l) => l.code)).toEqual(["SQLITE_BUSY", "SQLITE_BUSY", "SQLITE_BUSY"]);
    // Once the lock is gone, the same inquiry goes through.
    expect((await postInquiry(s, sampleInquiry({ name: "Locked Out" }))).status).toBe(201);
  });
});

describe("a store that cannot be opened", () => {
  it("the site still serves pages and liveness; inquiries get 503; health names the cause; the store opens once it is repaired", async () => {
    const dataDir = tempDir();
    fs.writeFileSync(dbFile(dataDir), "this is not a database, it is a damaged file ".repeat(200));
    server = await startBuiltNext({ port: await freePort(), dataDir, env: { HEALTH_PROBE_MS: "300" } });
    const s = server;

    expect((await fetch(`${s.url}/`)).status).toBe(200);
    expect((await fetch(`${s.url}/contact`)).status).toBe(200);
    expect(await (await fetch(`${s.url}/api/live`)).json()).toEqual({ status: "live" });
    expect((await postInquiry(s, sampleInquiry())).status).toBe(503);
    const health = await fetch(`${s.url}/api/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { problems: string[] }).problems).toContain("store-unavailable:SQLITE_NOTADB");
    expect(logLines(s.output(), "store.open-failed")).toHaveLength(1);

    // The operator's check says the same, and exits non-zero.
    const check = spawnSync(process.execPath, [...TSX_SERVER_ARGS, path.join(root, "scripts", "operations", "inquiries.ts"), "check"], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: "production" },
      encoding: "utf8",
    });
    expect(check.status).toBe(1);
    expect(check.stdout.trim().split("\n")).toContain("store-unavailable:SQLITE_NOTADB");

    // Repaired (the damaged file moved away): the next probe opens a store and inquiries are taken again.
    fs.renameSync(dbFile(s.dataDir), `${dbFile(s.dataDir)}.damaged`);
    await waitFor(async () => (await fetch(`${s.url}/api/health`)).status === 200, "health to recover");
    expect((await postInquiry(s, sampleInquiry({ name: "After Repair" }))).status).toBe(201);
  });
});

describe("mail that would reach nobody on a public origin", () => {
  it("leaves the site serving, takes no inquiry (503) and names the settings in health and the log", async () => {
    const origin = "https://iop-clinic.org";
    // The defaults: no SMTP_URL (files only) and the placeholder addresses on reserved domains.
    server = await startBuiltNext({ port: await freePort(), env: { SITE_ORIGIN: origin } });
    const s = server;
    expect((await fetch(`${s.url}/`)).status).toBe(200);
    const post = await fetch(`${s.url}/api/inquiries`, {
      method: "POST",
      headers: { origin, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: JSON.stringify(sampleInquiry()),
    });
    expect(post.status).toBe(503);
    const problems = ((await (await fetch(`${s.url}/api/health`)).json()) as { problems: string[] }).problems;
    expect(problems).toEqual(expect.arrayContaining(["mail-config:MAIL_TRANSPORT", "mail-config:MAIL_FROM"]));
    expect(logLines(s.output(), "config.fault").map((l) => l.reason)).toEqual(expect.arrayContaining(["MAIL_TRANSPORT", "MAIL_FROM"]));
    expect(countRows(s.dataDir, "inquiries")).toBe(0);
  });

  it("logs each placeholder still in the config as an error and keeps health at attention until none is left", async () => {
    server = await startBuiltNext({ port: await freePort(), env: { SITE_ORIGIN: "https://iop-clinic.org" } });
    const s = server;
    const problems = ((await (await fetch(`${s.url}/api/health`)).json()) as { problems: string[] }).problems;
    expect(problems).toContain(`launch-placeholders:${launchFindings(new Date()).length}`);
    const logged = logLines(s.output(), "launch.placeholder");
    expect(logged.map((l) => l.level)).toEqual(logged.map(() => "error"));
    // Every finding the launch check lists is logged, in its order, with what it is (as the log cleans a detail):
    // none left out, none added.
    const findings = launchFindings(new Date());
    expect(findings.length).toBeGreaterThan(0);
    expect(logged.map((l) => ({ reason: l.reason, detail: l.detail }))).toEqual(findings.map((f) => ({ reason: f.where, detail: logDetail(f.what) })));
    expect(logged.map((l) => l.reason)).toEqual(expect.arrayContaining(["content/center.ts: phones.admissions", "content/center.ts: isPlaceholder"]));
  });

  it("says nothing of placeholders on a loopback origin, where the demo runs", async () => {
    server = await startBuiltNext({ port: await freePort() });
    expect(((await (await fetch(`${server.url}/api/health`)).json()) as { problems: string[] }).problems).toEqual([]);
    expect(logLines(server.output(), "launch.placeholder")).toEqual([]);
  });
});

describe("/api/health", () => {
  it("shows a caller elsewhere the status only; problems and counts need this machine or the token", async () => {
    const token = "a-health-token-of-enough-length-123";
    server = await startBuiltNext({ port: await freePort(), env: { TRUST_PROXY: "true", HEALTH_TOKEN: token } });
    const s = server;
    const elsewhere = { "x-forwarded-for": "203.0.113.5" };
    const pub = await fetch(`${s.url}/api/health`, { headers: elsewhere });
    expect(pub.status).toBe(200);
    expect(await pub.json()).toEqual({ status: "ok" });
    const wrong = await fetch(`${s.url}/api/health`, { headers: { ...elsewhere, authorization: "Bearer not-the-token-at-all-000000" } });
    expect(await wrong.json()).toEqual({ status: "ok" });
    const withToken = (await (await fetch(`${s.url}/api/health`, { headers: { ...elsewhere, authorization: `Bearer ${token}` } })).json()) as Record<
      string,
      unknown
    >;
    expect(withToken).toMatchObject({ status: "ok", pending: 0, dead: 0, unreadable: 0, problems: [] });
    expect(String(withToken.transport)).toMatch(/^files in /);
  });
});
