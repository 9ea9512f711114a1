import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { tempDir } from "../helpers/next-server";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { testCaFile, testCert } from "../helpers/tls-fixtures";
import { TEST_MAIL_SUBJECT } from "@/lib/inquiries/mail";
import { TSX_SERVER_ARGS } from "../../scripts/lib/bin.mjs";

/**
 * `npm run inquiries -- test-mail`, run as an operator would: a marked message through the configured transport,
 * the relay's reply printed, a failure explained by its classified reason and a non-zero exit. No server needed;
 * SMTP sinks on ports the OS picks.
 */
const root = path.resolve(__dirname, "..", "..");
const USER = "zqmailuser";
const PASS = "zqmailpass-Secret";

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function testMail(env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    const base = { ...process.env };
    for (const k of ["SMTP_URL", "MAIL_TRANSPORT", "SITE_ORIGIN", "MAIL_TO", "MAIL_FROM", "NODE_EXTRA_CA_CERTS", "SMTP_REQUIRE_TLS"]) delete base[k];
    execFile(
      process.execPath,
      [...TSX_SERVER_ARGS, "scripts/operations/inquiries.ts", "test-mail"],
      { cwd: root, env: { ...base, NODE_ENV: "production", MAIL_TO: "intake@iop-clinic.org", MAIL_FROM: "website@iop-clinic.org", ...env }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function sink(...args: Parameters<typeof startSmtpSink>): Promise<SmtpSink> {
  const s = await startSmtpSink(...args);
  cleanups.push(() => s.close());
  return s;
}
function dataDir() {
  const d = tempDir();
  cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

describe("npm run inquiries -- test-mail", () => {
  it("file transport: writes one marked message and prints its path, saying nobody is emailed", async () => {
    const dir = dataDir();
    const r = await testMail({ DATA_DIR: dir });
    expect(r.code, r.stderr).toBe(0);
    const file = /Written to (\S+\.eml)/.exec(r.stdout)?.[1];
    expect(file && path.dirname(file)).toBe(path.join(dir, "mail"));
    expect(r.stdout).toMatch(/nobody is emailed/);
    const mail = await simpleParser(fs.readFileSync(file!, "utf8"));
    expect(mail.subject).toBe(TEST_MAIL_SUBJECT);
    expect(r.stderr).toMatch(/"event":"mail.file-transport"/);
  });

  it("SMTP: prints the relay's reply; the sink received the marked message", async () => {
    const smtp = await sink(0, "accept");
    const r = await testMail({ DATA_DIR: dataDir(), SMTP_URL: smtp.url, SMTP_REQUIRE_TLS: "false" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/The relay accepted it: 250\b/);
    expect(smtp.messages.map((m) => m.parsed.subject)).toEqual([TEST_MAIL_SUBJECT]);
  });

  it("a refusal exits non-zero with its classified reason and the relay's reply", async () => {
    const smtp = await sink(0, "rcpt550");
    const r = await testMail({ DATA_DIR: dataDir(), SMTP_URL: smtp.url, SMTP_REQUIRE_TLS: "false" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Test message failed: permanent error EENVELOPE 550/);
    expect(r.stderr).toMatch(/No such user/);
    expect(r.stderr).toMatch(/MAIL_FROM/);
  });

  it("bad credentials: a configuration error, and the credentials appear nowhere in the output", async () => {
    const smtp = await sink(0, "auth535", { allowInsecureAuth: true });
    const r = await testMail({ DATA_DIR: dataDir(), SMTP_URL: `smtp://${USER}:${PASS}@127.0.0.1:${smtp.port}`, SMTP_REQUIRE_TLS: "false" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Test message failed: config error EAUTH 535/);
    expect(`${r.stdout}${r.stderr}`).not.toContain(USER);
    expect(`${r.stdout}${r.stderr}`).not.toContain(PASS);
  });

  describe("TLS (implicit, smtps)", () => {
    const secureSink = (cert: Parameters<typeof testCert>[0]) => sink(0, "accept", { secure: true, ...testCert(cert) });

    it("a self-signed certificate: config error DEPTH_ZERO_SELF_SIGNED_CERT, credentials not shown", async () => {
      const smtp = await secureSink("selfsigned");
      const r = await testMail({ DATA_DIR: dataDir(), SMTP_URL: `smtps://${USER}:${PASS}@127.0.0.1:${smtp.port}` });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/Test message failed: config error DEPTH_ZERO_SELF_SIGNED_CERT/);
      expect(r.stderr).toMatch(/NODE_EXTRA_CA_CERTS/);
      expect(`${r.stdout}${r.stderr}`).not.toContain(USER);
      expect(`${r.stdout}${r.stderr}`).not.toContain(PASS);
      expect(smtp.messages).toHaveLength(0);
    });

    it("a private CA: refused without NODE_EXTRA_CA_CERTS, accepted with it", async () => {
      const smtp = await secureSink("loopback");
      const without = await testMail({ DATA_DIR: dataDir(), SMTP_URL: `smtps://127.0.0.1:${smtp.port}` });
      expect(without.code).toBe(1);
      expect(without.stderr).toMatch(/config error UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
      const withCa = await testMail({ DATA_DIR: dataDir(), SMTP_URL: `smtps://127.0.0.1:${smtp.port}`, NODE_EXTRA_CA_CERTS: testCaFile });
      expect(withCa.code, withCa.stderr).toBe(0);
      expect(withCa.stdout).toMatch(/The relay accepted it: 250\b/);
      expect(smtp.messages).toHaveLength(1);
    });

    it("a trusted certificate for another host name: config error ERR_TLS_CERT_ALTNAME_INVALID", async () => {
      const smtp = await secureSink("wronghost");
      const r = await testMail({ DATA_DIR: dataDir(), SMTP_URL: `smtps://127.0.0.1:${smtp.port}`, NODE_EXTRA_CA_CERTS: testCaFile });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/config error ERR_TLS_CERT_ALTNAME_INVALID/);
      expect(smtp.messages).toHaveLength(0);
    });
  });

  it("refuses what the server would refuse: the file transport by default on a public origin", async () => {
    const dir = dataDir();
    const r = await testMail({ DATA_DIR: dir, SITE_ORIGIN: "https://iop-clinic.org" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^  - MAIL_TRANSPORT: /m);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
