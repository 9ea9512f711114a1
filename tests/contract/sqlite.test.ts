import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseKeyring } from "@/lib/inquiries/crypto";
import { openDatabase, openSqliteInquiryStore } from "@/lib/inquiries/store/sqlite";
import { describeInquiryStoreContract, type RawPayload } from "./inquiry-store.contract";

/** The contract against SQLite: a fresh temporary folder per test, one connection per open(). */
describeInquiryStoreContract("sqlite", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-contract-sqlite-"));
  const file = path.join(dir, "inquiries.db");
  const raw = <T>(fn: (db: ReturnType<typeof openDatabase>) => T): T => {
    const db = openDatabase(file, { mustExist: true });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  return {
    open: (keys) => openSqliteInquiryStore(file, parseKeyring(keys)),
    async readPayload(id) {
      const row = raw((db) => db.prepare("SELECT payload_version, key_id, payload FROM inquiries WHERE id = ?").get(id)) as
        { payload_version: number; key_id: string; payload: Buffer } | undefined;
      if (!row) throw new Error(`no record ${id}`);
      return { payloadVersion: row.payload_version, keyId: row.key_id, blob: row.payload } satisfies RawPayload;
    },
    async writePayload(id, p) {
      const n = raw(
        (db) => db.prepare("UPDATE inquiries SET payload_version = ?, key_id = ?, payload = ? WHERE id = ?").run(p.payloadVersion, p.keyId, p.blob, id).changes,
      );
      if (n !== 1) throw new Error(`no record ${id}`);
    },
    async destroy() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
