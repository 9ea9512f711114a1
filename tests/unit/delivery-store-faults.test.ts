import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseKeyring } from "@/lib/inquiries/crypto";
import { startWorker, storeBackoffMs, type DeliveryConfig, type Worker } from "@/lib/inquiries/delivery";
import type { Mailer } from "@/lib/inquiries/mail";
import { openSqliteInquiryStore, type SqliteInquiryStore } from "@/lib/inquiries/store/sqlite";
import { validInquiry } from "../helpers/fixtures";

/**
 * The delivery worker against a store whose writes fail, as on a full disk. In WAL mode a full disk fails a write
 * at COMMIT (appending its frames to the -wal file), not while the statement runs; `failCommits` reproduces that
 * exactly, without mounting anything: a temporary trigger adds a deferred foreign-key violation to every matching
 * write, so the statement succeeds and its COMMIT fails and rolls the whole transaction back.
 *
 * PRAGMA max_page_count cannot stand in for it: it fails a statement that needs a new page (which every
 * better-sqlite3 call reports), never a COMMIT, and a lease or a mark changes a row in place, so they still work on
 * a database at its page limit (the test below shows that case too).
 */
const POLL = 20;
const LEASE = 60_000;
const CFG: DeliveryConfig = { from: "website@example.org", to: "intake@example.org", leaseMs: LEASE, retryBaseMs: 1_000, retryMaxMs: 400, giveUpMs: 1e12 };

let dir: string;
let store: SqliteInquiryStore;
let worker: Worker | undefined;
let errors: Record<string, unknown>[];
let infos: Record<string, unknown>[];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-store-faults-"));
  store = await openSqliteInquiryStore(path.join(dir, "inquiries.db"), parseKeyring(`k1:${crypto.randomBytes(32).toString("base64")}`));
  errors = [];
  infos = [];
  vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(JSON.parse(line) as Record<string, unknown>));
  vi.spyOn(console, "log").mockImplementation((line: string) => void infos.push(JSON.parse(line) as Record<string, unknown>));
});
afterEach(async () => {
  await worker?.stop(0);
  worker = undefined;
  vi.restoreAllMocks();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** From now on, the COMMIT of every outbox update matching `when` fails (until `heal`); returns how to heal. */
function failCommits(db: Database.Database, when: string) {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS fault_parent (id TEXT PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS fault_child (parent TEXT REFERENCES fault_parent (id) DEFERRABLE INITIALLY DEFERRED);
    CREATE TEMP TRIGGER fault AFTER UPDATE ON main.outbox WHEN ${when} BEGIN INSERT INTO fault_child VALUES ('missing'); END;
  `);
  return () => db.exec("DROP TRIGGER temp.fault");
}

class RecordingMailer implements Mailer {
  readonly sent: string[] = [];
  readonly describe = "recording";
  async send(m: { inquiryId: string }) {
    this.sent.push(m.inquiryId);
  }
  close() {}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const events = (lines: Record<string, unknown>[], event: string) => lines.filter((l) => l.event === event);

async function oneInquiry(): Promise<string> {
  const r = await store.create({ inquiry: validInquiry, now: Date.now() - 1_000, dedupeWindowMs: 1 });
  if (r.kind !== "created") throw new Error(r.kind);
  return r.id;
}

describe("better-sqlite3 and a COMMIT that fails", () => {
  it("an autocommit UPDATE … RETURNING read with .get() returns the row although its commit failed; a transaction throws", async () => {
    const id = await oneInquiry();
    failCommits(store.db, "1");
    const claim = "UPDATE outbox SET state = 'sending' WHERE inquiry_id = ? RETURNING state";
    // The reason for an explicit transaction: .get() resets the statement before the commit's error is seen.
    expect(store.db.prepare(claim).get(id)).toEqual({ state: "sending" });
    expect((await store.outbox(id))?.state).toBe("pending");
    expect(() => store.db.transaction(() => store.db.prepare(claim).get(id)).immediate()).toThrow(/FOREIGN KEY/);
    expect(store.db.inTransaction).toBe(false);
    expect((await store.outbox(id))?.state).toBe("pending");
  });
});

describe("the worker on a store that cannot commit (a full disk)", () => {
  it("sends nothing while no claim commits, backs off, logs once, and sends exactly once when space is freed", async () => {
    const id = await oneInquiry();
    const heal = failCommits(store.db, "1");
    const mailer = new RecordingMailer();
    const claims = vi.spyOn(store, "claimNext");
    worker = startWorker(store, mailer, CFG, POLL);
    await sleep(POLL * 25);
    expect(mailer.sent).toEqual([]);
    expect((await store.outbox(id))?.state).toBe("pending");
    // Backing off (20, 40, 80, 160, 320, 400 … ms), not a claim at every 20 ms poll.
    expect(claims.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(claims.mock.calls.length).toBeLessThanOrEqual(8);
    const storeErrors = events(errors, "delivery.store-error");
    expect(storeErrors).toHaveLength(1);
    expect(storeErrors[0]).toMatchObject({ level: "error", code: "SQLITE_CONSTRAINT_FOREIGNKEY" });
    expect(events(errors, "delivery.worker-error")).toEqual([]);

    heal();
    await vi.waitFor(() => expect(mailer.sent).toEqual([id]), { timeout: 3_000 });
    await vi.waitFor(async () => expect((await store.outbox(id))?.state).toBe("sent"));
    await sleep(POLL * 5);
    expect(mailer.sent).toEqual([id]);
    expect(events(infos, "delivery.store-recovered")).toHaveLength(1);
    expect(events(errors, "delivery.store-error")).toHaveLength(1);
  });

  it("with PRAGMA max_page_count reached (a write needing a page fails SQLITE_FULL), a lease and a mark still fit in place: one send, no repeat", async () => {
    const id = await oneInquiry();
    store.db.pragma(`max_page_count = ${Number(store.db.pragma("page_count", { simple: true }))}`);
    store.db.exec("CREATE TABLE filler (b BLOB)");
    const fill = (size: number) => {
      for (;;) store.db.prepare("INSERT INTO filler VALUES (randomblob(?))").run(size);
    };
    // Use up the free pages too, so only space inside pages is left.
    for (let size = 4_096; size >= 1; size = Math.floor(size / 2)) expect(() => fill(size)).toThrow(/full/);
    expect(() => store.db.prepare("INSERT INTO filler VALUES (randomblob(8192))").run()).toThrow(expect.objectContaining({ code: "SQLITE_FULL" }));
    const mailer = new RecordingMailer();
    worker = startWorker(store, mailer, CFG, POLL);
    await vi.waitFor(async () => expect((await store.outbox(id))?.state).toBe("sent"));
    await sleep(POLL * 10);
    expect(mailer.sent).toEqual([id]);
  });

  it("a send whose markSent cannot commit is not sent again at each poll: the entry stays leased, and the worker backs off", async () => {
    const id = await oneInquiry();
    failCommits(store.db, "NEW.state = 'sent'");
    const mailer = new RecordingMailer();
    worker = startWorker(store, mailer, CFG, POLL);
    await vi.waitFor(() => expect(mailer.sent).toEqual([id]));
    await sleep(POLL * 20);
    expect(mailer.sent).toEqual([id]);
    expect(await store.outbox(id)).toMatchObject({ state: "sending", attempts: 1 });
    expect(events(errors, "delivery.store-error")).toEqual([expect.objectContaining({ code: "SQLITE_CONSTRAINT_FOREIGNKEY" })]);
    expect(events(infos, "delivery.store-recovered")).toEqual([]);
    expect(events(errors, "delivery.unrecorded")).toEqual([expect.objectContaining({ id, code: "SQLITE_CONSTRAINT_FOREIGNKEY" })]);
  });

  it("a send the store could not record is recorded first once the store works again (within the lease): sent once, never resent", async () => {
    const id = await oneInquiry();
    const heal = failCommits(store.db, "NEW.state = 'sent'");
    const mailer = new RecordingMailer();
    worker = startWorker(store, mailer, CFG, POLL);
    await vi.waitFor(() => expect(events(errors, "delivery.unrecorded")).toHaveLength(1));
    heal();
    await vi.waitFor(async () => expect((await store.outbox(id))?.state).toBe("sent"));
    expect(events(infos, "delivery.sent")).toEqual([expect.objectContaining({ id, reason: "recorded-after-store-error" })]);
    await sleep(POLL * 10);
    expect(mailer.sent).toEqual([id]);
  });
});

describe("the worker's backoff and logs", () => {
  it("waits the poll interval, doubling after each store error in a row, up to the maximum (never below the poll)", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 60, 5_000].map((n) => storeBackoffMs(n, 20, 400))).toEqual([20, 20, 40, 80, 160, 320, 400, 400, 400]);
    expect(storeBackoffMs(3, 2_000, 1_000)).toBe(2_000);
  });

  it("logs delivery.store-error again only when the code changes", async () => {
    await oneInquiry();
    const codes = ["SQLITE_FULL", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_IOERR"];
    vi.spyOn(store, "claimNext").mockImplementation(async () => {
      throw Object.assign(new Error("store failing"), { code: codes.shift() ?? "SQLITE_IOERR" });
    });
    worker = startWorker(store, new RecordingMailer(), CFG, 5);
    await vi.waitFor(() => expect(codes).toEqual([]));
    expect(events(errors, "delivery.store-error").map((l) => l.code)).toEqual(["SQLITE_FULL", "SQLITE_IOERR"]);
  });
});

describe("the worker's lease", () => {
  it("a stop whose grace runs out releases the entry with its token; the late send's mark then changes nothing", async () => {
    const id = await oneInquiry();
    let finish: () => void = () => {};
    const hanging: Mailer = {
      describe: "hanging",
      send: () => new Promise<void>((resolve) => (finish = resolve)),
      close() {},
    };
    worker = startWorker(store, hanging, CFG, POLL);
    await vi.waitFor(async () => expect((await store.outbox(id))?.state).toBe("sending"));
    await sleep(POLL);
    expect(await worker.stop(10)).toBe(false);
    expect(await store.outbox(id)).toMatchObject({ state: "pending", lastError: "ESHUTDOWN", attempts: 1 });
    expect(events(errors, "delivery.released")).toEqual([expect.objectContaining({ id, reason: "shutdown" })]);
    // The relay accepts it after all: this worker no longer holds the lease, so the entry stays pending for the next.
    finish();
    await vi.waitFor(() => expect(events(errors, "delivery.lease-lost")).toEqual([expect.objectContaining({ id, state: "sent" })]));
    expect(await store.outbox(id)).toMatchObject({ state: "pending", lastError: "ESHUTDOWN" });
    worker = undefined;
  });
});
