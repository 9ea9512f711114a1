import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseKeyring } from "@/lib/inquiries/crypto";
import { deliverBatch, type DeliveryConfig } from "@/lib/inquiries/delivery";
import type { Mailer } from "@/lib/inquiries/mail";
import { openSqliteInquiryStore, type SqliteInquiryStore } from "@/lib/inquiries/store/sqlite";
import { validInquiry } from "../helpers/fixtures";

/**
 * deliverBatch, the round POST /api/deliver runs: bounded by a count and by a deadline on a clock the test drives, so no
 * assertion depends on how fast this machine is. A real SQLite store; a mailer that records or refuses.
 */
const CFG: DeliveryConfig = { from: "website@example.org", to: "intake@example.org", leaseMs: 60_000, retryBaseMs: 1_000, retryMaxMs: 4_000, giveUpMs: 1e12 };

let dir: string;
let store: SqliteInquiryStore;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-batch-"));
  store = await openSqliteInquiryStore(path.join(dir, "inquiries.db"), parseKeyring(`k1:${crypto.randomBytes(32).toString("base64")}`));
  // The worker's log lines (delivery.sent …) go to the console: keep the test output quiet.
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

class RecordingMailer implements Mailer {
  readonly sent: string[] = [];
  readonly describe = "recording";
  /** Called before each send; may throw to refuse it. */
  constructor(private readonly before: () => void = () => {}) {}
  async send(m: { inquiryId: string }) {
    this.before();
    this.sent.push(m.inquiryId);
  }
  close() {}
}

async function inquiries(n: number, now: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await store.create({ inquiry: { ...validInquiry, name: `Batch Person ${"abcdefgh"[i]}` }, now: now - 1_000, dedupeWindowMs: 1 });
    if (r.kind !== "created") throw new Error(r.kind);
    ids.push(r.id);
  }
  return ids;
}

describe("deliverBatch", () => {
  it("sends at most `max` entries and says how many remain; the next round sends the rest", async () => {
    const t = Date.now();
    const ids = await inquiries(3, t);
    const mailer = new RecordingMailer();
    const first = await deliverBatch(store, mailer, CFG, { max: 2, deadline: t + 60_000, now: () => t });
    expect(first).toMatchObject({ sent: 2, retry: 0, dead: 0, unreadable: 0, remaining: 1, stoppedBy: "max" });
    const second = await deliverBatch(store, mailer, CFG, { max: 2, deadline: t + 60_000, now: () => t });
    expect(second).toMatchObject({ sent: 1, remaining: 0, stoppedBy: "idle" });
    expect([...mailer.sent].sort()).toEqual([...ids].sort());
  });

  it("claims nothing new once the deadline has passed (a send in progress finishes)", async () => {
    let t = Date.now();
    await inquiries(3, t);
    // Each send moves the clock past the deadline: the first entry is sent, no second one is claimed.
    const mailer = new RecordingMailer(() => (t += 10_000));
    const r = await deliverBatch(store, mailer, CFG, { max: 10, deadline: t + 5_000, now: () => t });
    expect(r).toMatchObject({ sent: 1, remaining: 2, stoppedBy: "deadline" });
    expect(mailer.sent).toHaveLength(1);
  });

  it("counts a relay's refusals by kind: 4xx retry, 5xx dead", async () => {
    const t = Date.now();
    await inquiries(2, t);
    const refusals = [
      Object.assign(new Error("451"), { code: "EENVELOPE", responseCode: 451 }),
      Object.assign(new Error("550"), { code: "EENVELOPE", responseCode: 550 }),
    ];
    const mailer = new RecordingMailer(() => {
      throw refusals.shift();
    });
    const r = await deliverBatch(store, mailer, CFG, { max: 10, deadline: t + 60_000, now: () => t });
    expect(r).toMatchObject({ sent: 0, retry: 1, dead: 1, remaining: 1, stoppedBy: "idle" });
  });

  it("ends the round on a store error, saying so, without throwing", async () => {
    const t = Date.now();
    await inquiries(1, t);
    vi.spyOn(store, "claimNext").mockRejectedValue(Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR" }));
    const r = await deliverBatch(store, new RecordingMailer(), CFG, { max: 10, deadline: t + 60_000, now: () => t });
    expect(r).toMatchObject({ sent: 0, remaining: 1, stoppedBy: "store-error" });
  });
});
