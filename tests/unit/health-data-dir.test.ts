import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkHealth, dataDirInUse } from "@/lib/inquiries/health";

/** A store that answers its probe and counts nothing: only the data folder's check is under test here. */
const store = {
  probe: async () => {},
  counts: async () => ({ pending: 0, dead: 0, unreadable: 0, oldestPendingAgeMs: 0 }),
} as unknown as Parameters<typeof checkHealth>[0]["store"];

describe("the data folder in health", () => {
  const missing = path.join(os.tmpdir(), "iop-no-such-data-dir", String(process.pid));

  it("is in use with SQLite, and with PostgreSQL while staff mail is written as files", () => {
    expect(dataDirInUse({ mailTransport: "smtp", dataDir: "/d" })).toBe("/d");
    expect(dataDirInUse({ mailTransport: "file", dataDir: "/d" })).toBe("/d");
    expect(dataDirInUse({ DATABASE_URL: "postgres://db/iop", mailTransport: "file", dataDir: "/d" })).toBe("/d");
    expect(dataDirInUse({ DATABASE_URL: "postgres://db/iop", mailTransport: "smtp", dataDir: "/d" })).toBeNull();
  });

  it("a missing folder is a problem when it is in use, and none when the process writes nothing there", async () => {
    expect(fs.existsSync(missing)).toBe(false);
    const sqlite = await checkHealth({ store, dataDir: dataDirInUse({ mailTransport: "smtp", dataDir: missing }), transport: "smtp", now: Date.now() });
    expect(sqlite.problems).toContain("data-dir-unwritable:ENOENT");
    const shared = await checkHealth({
      store,
      dataDir: dataDirInUse({ DATABASE_URL: "postgres://db/iop", mailTransport: "smtp", dataDir: missing }),
      transport: "smtp",
      now: Date.now(),
    });
    expect(shared.problems.filter((p) => p.startsWith("data-dir"))).toEqual([]);
  });
});
