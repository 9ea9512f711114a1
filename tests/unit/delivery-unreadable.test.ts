import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseKeyring } from "@/lib/inquiries/crypto";
import { deliverNext, startWorker, type DeliveryConfig } from "@/lib/inquiries/delivery";
import type { Mailer } from "@/lib/inquiries/mail";
import type { InquiryStore } from "@/lib/inquiries/store/contract";
import { openSqliteInquiryStore } from "@/lib/inquiries/store/sqlite";
import { validInquiry } from "../helpers/fixtures";

/** What delivery logs and does with a record it cannot read (the state machine itself is in tests/contract/). */
const CANARY = "zqdeliverycanary";
const CFG: DeliveryConfig = { from: "website@example.org", to: "intake@example.org", leaseMs: 60_000, retryBaseMs: 1_000, retryMaxMs: 3_600_000, giveUpMs: 1 };
const T0 = 1_700_000_000_000;
const key = () => `k${crypto.randomBytes(3).toString("hex")}:${crypto.randomBytes(32).toString("base64")}`;

let dir: string;
const stores: InquiryStore[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-delivery-"));
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const s of stores.splice(0)) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(keys: string) {
  const s = await openSqliteInquiryStore(path.join(dir, "inquiries.db"), parseKeyring(keys));
  stores.push(s);
  return s;
}

const mailer = (sent: string[]): Mailer => ({
  describe: "test",
  async send(m) {
    sent.push(m.inquiryId);
  },
  close() {},
});

describe("delivery of an unreadable record", () => {
  it("marks it unreadable and logs delivery.unreadable at error level with the id and code only", async () => {
    const writer = await open(key());
    const r = await writer.create({ inquiry: { ...validInquiry, name: `Ann ${CANARY}` }, now: T0, dedupeWindowMs: 1 });
    if (r.kind !== "created") throw new Error(r.kind);
    const reader = await open(key());
    const errors: string[] = [];
    const infos: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    vi.spyOn(console, "log").mockImplementation((line: string) => void infos.push(line));
    const sent: string[] = [];

    // giveUpMs is 1 ms: were it treated as a send failure, it would be dead at once.
    expect(await deliverNext(reader, mailer(sent), CFG, () => T0 + 10)).toBe("unreadable");
    expect(await reader.outbox(r.id)).toMatchObject({ state: "unreadable", lastError: "ENOKEY", nextAttemptAt: T0 + 10 + CFG.retryMaxMs });
    expect(sent).toEqual([]);
    const lines = errors.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    const { t, ...rest } = lines[0];
    expect(typeof t).toBe("string");
    expect(rest).toEqual({ level: "error", event: "delivery.unreadable", id: r.id, code: "ENOKEY" });
    expect([...errors, ...infos].join("\n")).not.toContain(CANARY);
  });

  it("a store that fails (not the record) is not marked unreadable: the error goes up and the lease expires", async () => {
    const writer = await open(key());
    const r = await writer.create({ inquiry: validInquiry, now: T0, dedupeWindowMs: 1 });
    if (r.kind !== "created") throw new Error(r.kind);
    const failing: InquiryStore = Object.assign(Object.create(writer) as InquiryStore, {
      getInquiry: async () => {
        throw Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR" });
      },
    });
    await expect(deliverNext(failing, mailer([]), CFG, () => T0)).rejects.toThrow("disk I/O error");
    expect(await writer.outbox(r.id)).toMatchObject({ state: "sending" });
  });

  it("the worker keeps draining past an unreadable record and sends the readable ones", async () => {
    const oldKeys = key();
    const before = await open(oldKeys);
    await before.create({ inquiry: { ...validInquiry, name: "Old" }, now: 0, dedupeWindowMs: 1 });
    const keys = key();
    const store = await open(keys);
    const ok = await store.create({ inquiry: { ...validInquiry, name: "New" }, now: 1, dedupeWindowMs: 1 });
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "log").mockImplementation(() => {});
    const sent: string[] = [];
    const worker = startWorker(store, mailer(sent), CFG, 60_000);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    await worker.stop();
    expect(ok.kind === "created" && sent).toEqual([ok.kind === "created" && ok.id]);
    expect((await store.counts(Date.now())).unreadable).toBe(1);
  });
});
