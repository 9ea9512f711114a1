import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { parseKeyring } from "@/lib/inquiries/crypto";
import { openPostgresInquiryStore } from "@/lib/inquiries/store/postgres";
import { startPostgres, type TestPostgres } from "../helpers/postgres";
import { describeInquiryStoreContract, type RawPayload } from "./inquiry-store.contract";

/**
 * The contract against PostgreSQL: one real server for this file (tests/helpers/postgres.ts), a new database per
 * test, one pool per open(), connecting as the application role with its password.
 */
let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.destroy();
});

describeInquiryStoreContract("postgres", async () => {
  const { url, name } = await server.createDatabase();
  const raw = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  return {
    open: (keys) => openPostgresInquiryStore(url, parseKeyring(keys)),
    async readPayload(id) {
      const { rows } = await raw((c) =>
        c.query<{ payload_version: number; key_id: string; payload: Buffer }>("SELECT payload_version, key_id, payload FROM inquiries WHERE id = $1", [id]),
      );
      if (!rows[0]) throw new Error(`no record ${id}`);
      return { payloadVersion: rows[0].payload_version, keyId: rows[0].key_id, blob: rows[0].payload } satisfies RawPayload;
    },
    async writePayload(id, p) {
      const r = await raw((c) =>
        c.query("UPDATE inquiries SET payload_version = $1, key_id = $2, payload = $3 WHERE id = $4", [p.payloadVersion, p.keyId, p.blob, id]),
      );
      if (r.rowCount !== 1) throw new Error(`no record ${id}`);
    },
    async destroy() {
      const admin = new pg.Client({ connectionString: server.adminUrl() });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
});
