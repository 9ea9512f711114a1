import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, postInquiry, sampleInquiry, waitFor, tempDir, type NextServer } from "../helpers/next-server";
import { startBuiltNext } from "../helpers/built-server";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { countRows, inquiryRows, outboxRow, withDb } from "../helpers/inquiry-db";
import { openInquiryStore } from "@/lib/inquiries/store/open";
import { SQLITE_MIGRATIONS } from "@/lib/inquiries/store/sqlite-migrations";
import { validInquiry } from "../helpers/fixtures";
import { TSX_SERVER_ARGS } from "../../scripts/lib/bin.mjs";

/**
 * The operator command, scripts/operations/inquiries.ts, run as an operator would (`npm run inquiries -- …`) against the data folder of
 * a running server.
 *
 * Ports: free ones (freePort), as other suites may run servers at the same time.
 */
const root = path.resolve(__dirname, "..", "..");

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(dataDir: string, ...args: string[]): Promise<CliResult> {
  return cliWith({}, dataDir, ...args);
}

function cliWith(extraEnv: Record<string, string>, dataDir: string, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    // What `npm run inquiries --` runs (tsx under the react-server condition), without npm's own start-up.
    execFile(
      process.execPath,
      [...TSX_SERVER_ARGS, "scripts/operations/inquiries.ts", ...args],
      { cwd: root, env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: "production", ...extraEnv }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** `list` output as rows: id, status, state, attempts=N, error=…, received. */
const parseList = (stdout: string) =>
  stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split("\t"));

const fastEnv = (sink?: SmtpSink): Record<string, string> => ({
  ...(sink ? { SMTP_URL: sink.url, SMTP_REQUIRE_TLS: "false" } : {}),
  RETRY_BASE_MS: "200",
  RETRY_MAX_MS: "1000",
  DELIVERY_POLL_MS: "100",
  // No test here is about a timeout (faults answer at once), and this machine may be busy: a 1 s connection
  // timeout under load would turn a clean send into a retry and blur what each test checks.
  SMTP_CONNECTION_TIMEOUT_MS: "5000",
  SMTP_SOCKET_TIMEOUT_MS: "10000",
  // At least 2 × 5000 + 10000 + 5000 (lib/env.ts refuses a lease the SMTP timeouts can outlast).
  DELIVERY_LEASE_MS: "30000",
  RATE_LIMIT_MAX: "100",
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});
async function server(port: number, env: Record<string, string>): Promise<NextServer> {
  const s = await startBuiltNext({ port, env });
  cleanups.push(async () => {
    await s.stop();
    fs.rmSync(s.dataDir, { recursive: true, force: true });
  });
  return s;
}
async function sink(port: number, mode: Parameters<typeof startSmtpSink>[1]): Promise<SmtpSink> {
  const s = await startSmtpSink(port, mode);
  cleanups.push(() => s.close());
  return s;
}

const idsByName = (dataDir: string) => new Map(inquiryRows(dataDir).map((r) => [r.id, r]));

describe("scripts/operations/inquiries.ts", () => {
  it("lists a dead entry, shows it to the operator, re-queues it and it is delivered; purge keeps what has not reached staff", async () => {
    const smtp = await sink(await freePort(), "rcpt550");
    const srv = await server(await freePort(), fastEnv(smtp));
    const dead = sampleInquiry({ name: "Operatorcase Alpha", email: "alpha.private@example.org", message: "Private words\nover two lines" });
    expect((await postInquiry(srv, dead)).status).toBe(201);
    const [deadId] = [...idsByName(srv.dataDir).keys()];
    await waitFor(() => outboxRow(srv.dataDir, deadId)?.state === "dead", "dead entry");

    // list: one line per inquiry, ids and states only.
    const all = await cli(srv.dataDir, "list");
    expect(all.code, all.stderr).toBe(0);
    const lines = parseList(all.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0].slice(0, 5)).toEqual([deadId, "accepted", "dead", "attempts=1", expect.stringMatching(/^error=\S+ 550$/)]);
    for (const secret of ["Operatorcase", "alpha.private", "Private words", validInquiry.phone]) {
      expect(all.stdout).not.toContain(secret);
      expect(all.stderr).not.toContain(secret);
    }
    expect(parseList((await cli(srv.dataDir, "list", "dead")).stdout).map((l) => l[0])).toEqual([deadId]);
    expect((await cli(srv.dataDir, "list", "pending")).stdout).toBe("");
    expect((await cli(srv.dataDir, "list", "sent")).stdout).toBe("");

    // show: the decrypted inquiry, for an operator.
    const shown = await cli(srv.dataDir, "show", deadId);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(deadId);
    expect(shown.stdout).toContain("Operatorcase Alpha");
    expect(shown.stdout).toContain("alpha.private@example.org");
    expect(shown.stdout).toContain(validInquiry.phone);
    expect(shown.stdout).toContain("Private words");
    expect(shown.stdout).toContain("over two lines");
    expect(shown.stdout).toMatch(/dead/);
    // The relay's own reason (the sink answers RCPT with "550 No such user"), for the operator.
    expect(shown.stdout).toMatch(/^relay said: 550 No such user/m);
    const missing = await cli(srv.dataDir, "show", "inq_doesnotexist");
    expect(missing.code).not.toBe(0);

    // retry: only a dead entry can be re-queued; after the cause is fixed, it goes out once.
    smtp.setMode("accept");
    await sleep(500);
    expect(outboxRow(srv.dataDir, deadId)?.state).toBe("dead"); // nothing retries a dead entry by itself
    expect(smtp.messages).toHaveLength(0);
    const retried = await cli(srv.dataDir, "retry", deadId);
    expect(retried.code, retried.stderr).toBe(0);
    await waitFor(() => outboxRow(srv.dataDir, deadId)?.state === "sent", "delivery after retry");
    await sleep(500);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].parsed.text).toContain("Operatorcase Alpha");
    expect(outboxRow(srv.dataDir, deadId)).toMatchObject({ state: "sent", attempts: 1 });
    const again = await cli(srv.dataDir, "retry", deadId);
    expect(again.code).not.toBe(0); // sent, not dead
    await sleep(300);
    expect(smtp.messages).toHaveLength(1);

    // A second delivered one, a pending one (SMTP down) and a quarantined one.
    expect((await postInquiry(srv, sampleInquiry({ name: "Operatorcase Bravo" }))).status).toBe(201);
    await waitFor(() => smtp.messages.length === 2, "second delivery");
    smtp.setMode("down");
    expect((await postInquiry(srv, sampleInquiry({ name: "Operatorcase Charlie" }))).status).toBe(201);
    expect((await postInquiry(srv, sampleInquiry({ name: "Operatorcase Delta", website: "http://spam" }))).status).toBe(201);
    const rows = inquiryRows(srv.dataDir);
    expect(rows).toHaveLength(4);
    const pendingId = rows.find((r) => r.id !== deadId && r.status === "accepted" && outboxRow(srv.dataDir, r.id)?.state !== "sent")!.id;
    const quarantinedId = rows.find((r) => r.status === "quarantined")!.id;
    await waitFor(() => (outboxRow(srv.dataDir, pendingId)?.attempts ?? 0) >= 1 && outboxRow(srv.dataDir, pendingId)?.state === "pending", "a failed attempt");

    expect(parseList((await cli(srv.dataDir, "list", "pending")).stdout).map((l) => l[0])).toEqual([pendingId]);
    expect(parseList((await cli(srv.dataDir, "list", "quarantined")).stdout).map((l) => [l[0], l[1], l[2]])).toEqual([[quarantinedId, "quarantined", "-"]]);
    expect(parseList((await cli(srv.dataDir, "list", "sent")).stdout)).toHaveLength(2);
    expect(parseList((await cli(srv.dataDir, "list", "all")).stdout)).toHaveLength(4);

    // Retention: nothing is old enough yet at the default (90 days).
    const keep = await cli(srv.dataDir, "purge");
    expect(keep.code, keep.stderr).toBe(0);
    expect(keep.stdout).toMatch(/purged 0\b/);
    expect(countRows(srv.dataDir, "inquiries")).toBe(4);

    // --days 0: delivered and quarantined go, the pending one stays.
    const purged = await cli(srv.dataDir, "purge", "--days", "0");
    expect(purged.code, purged.stderr).toBe(0);
    expect(purged.stdout).toMatch(/purged 3\b/);
    expect(inquiryRows(srv.dataDir).map((r) => r.id)).toEqual([pendingId]);
    expect(countRows(srv.dataDir, "outbox")).toBe(1);
    expect(outboxRow(srv.dataDir, pendingId)?.state).toMatch(/pending|sending/);

    // The kept one is still delivered when SMTP comes back.
    smtp.setMode("accept");
    await waitFor(() => outboxRow(srv.dataDir, pendingId)?.state === "sent", "delivery of the kept inquiry");
    expect(smtp.messages.map((m) => m.parsed.text).filter((t) => t?.includes("Operatorcase Charlie"))).toHaveLength(1);
  });

  it("retry --all-dead re-queues every dead entry and nothing else", async () => {
    const smtp = await sink(await freePort(), "rcpt550");
    const srv = await server(await freePort(), fastEnv(smtp));
    for (const name of ["Deadone", "Deadtwo"]) expect((await postInquiry(srv, sampleInquiry({ name }))).status).toBe(201);
    const ids = inquiryRows(srv.dataDir).map((r) => r.id);
    await waitFor(() => ids.every((id) => outboxRow(srv.dataDir, id)?.state === "dead"), "two dead entries");
    expect(parseList((await cli(srv.dataDir, "list", "dead")).stdout)).toHaveLength(2);

    smtp.setMode("accept");
    const res = await cli(srv.dataDir, "retry", "--all-dead");
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/\b2\b/);
    await waitFor(() => ids.every((id) => outboxRow(srv.dataDir, id)?.state === "sent"), "both delivered");
    await sleep(500);
    expect(smtp.messages).toHaveLength(2);
    expect((await cli(srv.dataDir, "list", "dead")).stdout).toBe("");
  });

  it("purge removes the .eml copies of purged inquiries written by the embedded mailer", async () => {
    const srv = await server(await freePort(), fastEnv());
    expect((await postInquiry(srv, sampleInquiry({ name: "Filecase One" }))).status).toBe(201);
    const [id] = inquiryRows(srv.dataDir).map((r) => r.id);
    const eml = path.join(srv.dataDir, "mail", `${id}.eml`);
    await waitFor(() => outboxRow(srv.dataDir, id)?.state === "sent" && fs.existsSync(eml), "the .eml file");
    expect(fs.readFileSync(eml, "utf8")).toContain("Subject: New website inquiry");
    // An unrelated file in the mail folder is left alone.
    const other = path.join(srv.dataDir, "mail", "notes.txt");
    fs.writeFileSync(other, "operator notes");

    const recent = await cli(srv.dataDir, "purge", "--days", "1");
    expect(recent.stdout).toMatch(/purged 0\b/);
    expect(fs.existsSync(eml)).toBe(true);

    const res = await cli(srv.dataDir, "purge", "--days", "0");
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/purged 1\b/);
    expect(fs.existsSync(eml)).toBe(false);
    expect(fs.existsSync(other)).toBe(true);
    expect(countRows(srv.dataDir, "inquiries")).toBe(0);
  });

  it("refuses bad arguments and an empty data folder without creating anything", async () => {
    const empty = tempDir();
    const res = await cli(empty, "list");
    expect(res.code).not.toBe(0);
    expect(fs.readdirSync(empty)).toEqual([]);
    for (const args of [["list", "bogus"], ["purge", "--days", "-1"], ["frobnicate"], ["retry"]]) {
      const r = await cli(empty, ...args);
      expect(r.code, args.join(" ")).not.toBe(0);
    }
    expect(fs.readdirSync(empty)).toEqual([]);
    fs.rmdirSync(empty);
  });
});

describe("scripts/operations/inquiries.ts arguments (node:util parseArgs)", () => {
  it("answers a wrong argument with the usage and exit code 2, before opening anything", async () => {
    const dataDir = tempDir();
    for (const args of [
      ["frobnicate"],
      ["list", "--bogus"],
      ["show"],
      ["retry", "inq_x", "--all-dead"],
      ["purge", "--days", "ten"],
      ["check", "--days", "3"],
    ]) {
      const r = await cli(dataDir, ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toContain("Usage:");
      expect(r.stderr, args.join(" ")).toContain("npm run inquiries -- list");
    }
    // Nothing was created in the data folder by any of them.
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("prints the usage when asked (no command, or --help), with exit code 0", async () => {
    const dataDir = tempDir();
    for (const args of [[], ["--help"]]) {
      const r = await cli(dataDir, ...args);
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.stdout).toContain("Usage:");
    }
  });
});

describe("scripts/operations/inquiries.ts on unreadable records and schema versions (no server)", () => {
  const key = (id: string) => `${id}:${crypto.randomBytes(32).toString("base64")}`;
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  /** A store holding one inquiry kept aside as unreadable because its key ("old") is not in `INQUIRY_KEYS=new`. */
  async function unreadableStore() {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const oldKey = key("old");
    const newKey = key("new");
    const writer = await openInquiryStore({ dataDir, inquiryKeys: oldKey });
    const r = await writer.create({ inquiry: { ...validInquiry, name: "Unreadablecase Echo" }, now: Date.now(), dedupeWindowMs: 1 });
    if (r.kind !== "created") throw new Error(r.kind);
    const claimed = await writer.claimNext(Date.now(), 60_000);
    if (claimed?.inquiryId !== r.id || !(await writer.markUnreadable(r.id, claimed.leaseToken, Date.now() + 3_600_000, "ENOKEY")))
      throw new Error("could not set up the unreadable entry");
    await writer.close();
    return { dataDir, id: r.id, without: { INQUIRY_KEYS: newKey }, fixed: { INQUIRY_KEYS: `${newKey},${oldKey}` } };
  }

  it("lists it, shows its id, state and code (exit non-zero, no stack trace, no content), and re-queues it", async () => {
    const { dataDir, id, without, fixed } = await unreadableStore();
    const listed = await cliWith(without, dataDir, "list", "unreadable");
    expect(listed.code, listed.stderr).toBe(0);
    expect(parseList(listed.stdout).map((l) => l.slice(0, 5))).toEqual([[id, "accepted", "unreadable", "attempts=1", "error=ENOKEY"]]);
    expect((await cliWith(without, dataDir, "list", "dead")).stdout).toBe("");

    const shown = await cliWith(without, dataDir, "show", id);
    expect(shown.code).toBe(1);
    expect(shown.stdout).toContain(`id: ${id}`);
    expect(shown.stdout).toContain("state: unreadable");
    expect(shown.stdout).toContain("error: ENOKEY");
    expect(`${shown.stdout}${shown.stderr}`).not.toMatch(/Unreadablecase|\bat .*\.ts:\d+/);

    // With the key back, show works; retry --all-unreadable re-queues it (and only it).
    expect((await cliWith(fixed, dataDir, "show", id)).stdout).toContain("Unreadablecase Echo");
    const retried = await cliWith(fixed, dataDir, "retry", "--all-unreadable");
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.stdout).toMatch(/re-queued 1 unreadable inquiry/);
    expect(outboxRow(dataDir, id)).toMatchObject({ state: "pending", attempts: 0 });
    const again = await cliWith(fixed, dataDir, "retry", id);
    expect(again.code).not.toBe(0); // pending now: nothing to re-queue
  });

  it("retry <id> re-queues one unreadable entry", async () => {
    const { dataDir, id, without } = await unreadableStore();
    const r = await cliWith(without, dataDir, "retry", id);
    expect(r.code, r.stderr).toBe(0);
    expect(outboxRow(dataDir, id)?.state).toBe("pending");
  });

  it("migrate reports the versions; a store newer than the code is refused with both numbers, without a stack trace", async () => {
    const { dataDir, without } = await unreadableStore();
    const latest = SQLITE_MIGRATIONS.length;
    const m = await cliWith(without, dataDir, "migrate");
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toContain(`schema version ${latest}`);
    withDb(dataDir, (db) => db.pragma(`user_version = ${latest + 1}`), { readonly: false });
    for (const args of [["migrate"], ["list"]]) {
      const r = await cliWith(without, dataDir, ...args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr).toContain(`schema version ${latest + 1} but this code knows versions up to ${latest}`);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });
});
