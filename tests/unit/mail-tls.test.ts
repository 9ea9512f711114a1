import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";
import { parseKeyring } from "@/lib/inquiries/crypto";
import { deliverNext, type DeliveryConfig } from "@/lib/inquiries/delivery";
import { classifyFailure } from "@/lib/inquiries/failures";
import { createMailer } from "@/lib/inquiries/mail";
import { openSqliteInquiryStore } from "@/lib/inquiries/store/sqlite";
import { validInquiry } from "../helpers/fixtures";
import { testCert } from "../helpers/tls-fixtures";

/**
 * A real TLS SMTP server (smtp-server) with certificates the client must refuse: a self-signed one, one from a CA
 * the client does not trust, one for another host name. Each is a configuration error named by Node's reason code,
 * never a temporary failure that quietly turns dead after the give-up time.
 */
const CANARY = "zqtlscanary";
const T0 = 1_700_000_000_000;
const CFG: DeliveryConfig = { from: "website@mail.iop.org", to: "intake@iop.org", leaseMs: 60_000, retryBaseMs: 1_000, retryMaxMs: 3_600_000, giveUpMs: 1 };

let dir: string;
const closers: (() => Promise<unknown> | void)[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-tls-"));
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of closers.splice(0).reverse()) await c();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** secure: TLS from the first byte (smtps); otherwise STARTTLS offered with the same certificate. */
async function tlsServer(cert: "loopback" | "wronghost" | "selfsigned", secure: boolean): Promise<{ port: number; received: () => number }> {
  let received = 0;
  const server = new SMTPServer({
    ...testCert(cert),
    secure,
    authOptional: true,
    logger: false,
    onData(stream, _s, cb) {
      stream.resume();
      stream.on("end", () => {
        received++;
        cb();
      });
    },
  });
  server.on("error", () => {}); // the client hanging up mid-handshake is what these tests cause
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: (server.server.address() as AddressInfo).port, received: () => received };
}

async function sendError(smtpUrl: string): Promise<unknown> {
  const mailer = createMailer(parseEnv({ SMTP_URL: smtpUrl, DATA_DIR: dir, SMTP_CONNECTION_TIMEOUT_MS: "5000" }));
  try {
    await mailer.send({ inquiryId: "inq_tls", from: CFG.from, to: CFG.to, subject: "s", text: "t" });
    return undefined;
  } catch (err) {
    return err;
  } finally {
    mailer.close();
  }
}

describe("a certificate the client refuses", () => {
  for (const secure of [true, false]) {
    const scheme = secure ? "smtps" : "smtp";
    const how = secure ? "implicit TLS (smtps)" : "STARTTLS";
    it.each([
      ["selfsigned", "DEPTH_ZERO_SELF_SIGNED_CERT"],
      ["loopback", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"], // signed by a CA this process does not trust
    ] as const)(`${how}: %s → config %s`, async (cert, code) => {
      const srv = await tlsServer(cert, secure);
      const err = await sendError(`${scheme}://127.0.0.1:${srv.port}`);
      expect(err, "the send should have failed").toBeInstanceOf(Error);
      expect(classifyFailure(err)).toEqual({ kind: "config", code, responseCode: undefined });
      expect(srv.received()).toBe(0);
    });
  }

  it("delivery keeps the entry pending (not dead, though the give-up time has passed) and logs the reason code, nothing else", async () => {
    const srv = await tlsServer("selfsigned", true);
    const store = await openSqliteInquiryStore(path.join(dir, "inquiries.db"), parseKeyring(`k1:${crypto.randomBytes(32).toString("base64")}`));
    closers.push(() => store.close());
    const r = await store.create({ inquiry: { ...validInquiry, name: `Ann ${CANARY}` }, now: T0, dedupeWindowMs: 1 });
    if (r.kind !== "created") throw new Error(r.kind);
    const lines: string[] = [];
    for (const level of ["log", "warn", "error"] as const) vi.spyOn(console, level).mockImplementation((l: string) => void lines.push(String(l)));
    const mailer = createMailer(parseEnv({ SMTP_URL: `smtps://user:pw@127.0.0.1:${srv.port}`, DATA_DIR: dir }));
    closers.push(() => mailer.close());

    expect(await deliverNext(store, mailer, CFG, () => T0 + 60_000)).toBe("config");
    expect(await store.outbox(r.id)).toMatchObject({ state: "pending", lastError: "DEPTH_ZERO_SELF_SIGNED_CERT" });
    const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events).toContainEqual(expect.objectContaining({ level: "error", event: "delivery.config-error", id: r.id, code: "DEPTH_ZERO_SELF_SIGNED_CERT" }));
    expect(lines.join("\n")).not.toContain(CANARY);
    expect(lines.join("\n")).not.toMatch(/user|pw@/);
  });
});
