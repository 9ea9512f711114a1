import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, postInquiry, sampleInquiry, tempDir, waitFor, type NextServer } from "../helpers/next-server";
import { startBuiltNext } from "../helpers/built-server";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { inquiryRows, logLines, outboxRow } from "../helpers/inquiry-db";
import { TSX_SERVER_ARGS } from "../../scripts/lib/bin.mjs";

/**
 * The generated key (no INQUIRY_KEYS) lost and restored: the server takes no inquiries beside stored inquiries and
 * generates nothing; the operator command creates nothing; with the key restored from a backup kept outside
 * DATA_DIR, every inquiry is readable and delivered. Ports are picked by the OS (freePort).
 */
const root = path.resolve(__dirname, "..", "..");

function cli(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...TSX_SERVER_ARGS, "scripts/operations/inquiries.ts", ...args],
      { cwd: root, env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: "production", INQUIRY_KEYS: "" }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await Promise.resolve(c()).catch(() => {});
});

const keyish = (dataDir: string) => fs.readdirSync(dataDir).filter((f) => f.includes("inquiry-key"));

describe("restoring a lost key file", () => {
  it("takes no inquiries without it, generates nothing, and delivers everything once it is restored", async () => {
    const smtp: SmtpSink = await startSmtpSink(0, "down");
    cleanups.push(() => smtp.close());
    const dataDir = tempDir();
    const backup = tempDir("iop-key-backup-");
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    cleanups.push(() => fs.rmSync(backup, { recursive: true, force: true }));
    const env = {
      SMTP_URL: smtp.url,
      SMTP_REQUIRE_TLS: "false",
      INQUIRY_KEYS: "",
      RETRY_BASE_MS: "200",
      RETRY_MAX_MS: "1000",
      DELIVERY_POLL_MS: "100",
      SMTP_CONNECTION_TIMEOUT_MS: "5000",
      RATE_LIMIT_MAX: "100",
    };
    const start = async () => {
      const s: NextServer = await startBuiltNext({ port: await freePort(), env, dataDir });
      cleanups.push(() => s.stop());
      return s;
    };

    // 1. Two inquiries stored under a generated key; the relay is down, so both wait.
    const a = await start();
    for (const name of ["Restorecase One", "Restorecase Two"]) expect((await postInquiry(a, sampleInquiry({ name }))).status).toBe(201);
    const ids = inquiryRows(dataDir).map((r) => r.id);
    expect(ids).toHaveLength(2);
    await a.stop();
    const keyFile = path.join(dataDir, "inquiry-key");
    const keyLine = fs.readFileSync(keyFile, "utf8");
    expect(keyLine).toMatch(/^local-\d{8}-[0-9a-f]{8}:/);

    // 2. The key file is lost (its backup is kept elsewhere).
    fs.copyFileSync(keyFile, path.join(backup, "inquiry-key"));
    fs.rmSync(keyFile);

    // 3. The server takes no inquiries (pages are still served), names the key file and the fix, and generates no key.
    const b = await start();
    expect((await fetch(`${b.url}/`)).status).toBe(200);
    expect((await postInquiry(b, sampleInquiry({ name: "Restorecase Three" }))).status).toBe(503);
    const health = await fetch(`${b.url}/api/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { problems: string[] }).problems).toContain("store-unavailable:KEY_FILE_MISSING");
    const [failed] = logLines(b.output(), "store.open-failed");
    expect(failed).toMatchObject({ code: "KEY_FILE_MISSING" });
    expect(String(failed.detail)).toContain(keyLine.split(":")[0]); // the key id the records need
    expect(String(failed.detail)).toContain("inquiry-key");
    expect(keyish(dataDir)).toEqual([]);
    await b.stop();

    // 4. Nor does the operator command create one.
    const shown = await cli(dataDir, "show", ids[0]);
    expect(shown.code).toBe(1);
    expect(shown.stderr).toContain(keyFile);
    expect(`${shown.stdout}${shown.stderr}`).not.toContain("Restorecase");
    expect(keyish(dataDir)).toEqual([]);
    expect(inquiryRows(dataDir).map((r) => r.key_id)).toEqual([keyLine.split(":")[0], keyLine.split(":")[0]]);

    // 5. Restored from the backup: readable, and delivered when the relay is back.
    fs.copyFileSync(path.join(backup, "inquiry-key"), keyFile);
    fs.chmodSync(keyFile, 0o600);
    expect((await cli(dataDir, "show", ids[0])).stdout).toMatch(/Restorecase (One|Two)/);
    smtp.setMode("accept");
    const c = await start();
    await waitFor(() => ids.every((id) => outboxRow(dataDir, id)?.state === "sent"), "both inquiries delivered");
    expect(smtp.messages.map((m) => /Name: (Restorecase \w+)/.exec(m.parsed.text ?? "")?.[1]).sort()).toEqual(["Restorecase One", "Restorecase Two"]);
    expect(fs.readFileSync(keyFile, "utf8")).toBe(keyLine);
    expect(c.output()).not.toMatch(/inquiry-key\.generated/);
  });
});
