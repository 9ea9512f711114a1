import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, postInquiry, sampleInquiry, tempDir, waitFor, type NextServer } from "../helpers/next-server";
import { startBuiltNext } from "../helpers/built-server";
import { inquiryRows, outboxRow } from "../helpers/inquiry-db";
import { testCert } from "../helpers/tls-fixtures";
import { TSX_SERVER_ARGS } from "../../scripts/lib/bin.mjs";

/**
 * The SMTP_URL credentials never reach a log line or a response, on authentication failure nor on TLS failure,
 * neither from the server nor from the operator's test-mail. Positive control: the relay did receive them.
 */
const root = path.resolve(__dirname, "..", "..");
const USER = "zqsmtpcanaryuser";
const PASS = "zqsmtpcanarypass";
const findCreds = (text: string) => [USER, PASS].filter((c) => text.includes(c));

/** A relay that refuses every login (535) and records what it was given; optionally TLS with a self-signed certificate. */
async function relay(tls: boolean) {
  const logins: { username?: string | null; password?: string | null }[] = [];
  const server = new SMTPServer({
    ...(tls ? { secure: true, ...testCert("selfsigned") } : { disabledCommands: ["STARTTLS"], allowInsecureAuth: true }),
    logger: false,
    onAuth(auth, _s, cb) {
      logins.push({ username: auth.username, password: auth.password });
      cb(Object.assign(new Error("Authentication failed"), { responseCode: 535 }));
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.server.address() as AddressInfo).port, logins, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function testMail(env: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...TSX_SERVER_ARGS, "scripts/operations/inquiries.ts", "test-mail"],
      { cwd: root, env: { ...process.env, NODE_ENV: "production", ...env }, timeout: 60_000 },
      (_err, stdout, stderr) => resolve(`${stdout}${stderr}`),
    );
  });
}

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await Promise.resolve(c()).catch(() => {});
});

describe("SMTP_URL credentials stay out of logs and responses", () => {
  it.each([
    ["authentication failure", false, "smtp", /^EAUTH$/],
    ["TLS failure (self-signed certificate)", true, "smtps", /^DEPTH_ZERO_SELF_SIGNED_CERT$/],
  ] as const)("on %s", async (_what, tls, scheme, lastError) => {
    const r = await relay(tls);
    cleanups.push(r.close);
    const dataDir = tempDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env = {
      SMTP_URL: `${scheme}://${USER}:${PASS}@127.0.0.1:${r.port}`,
      SMTP_REQUIRE_TLS: tls ? "true" : "false",
      RETRY_BASE_MS: "200",
      RETRY_MAX_MS: "1000",
      DELIVERY_POLL_MS: "100",
      SMTP_CONNECTION_TIMEOUT_MS: "5000",
    };
    const server: NextServer = await startBuiltNext({ port: await freePort(), env, dataDir });
    cleanups.push(() => server.stop());

    const responses: string[] = [];
    const res = await postInquiry(server, sampleInquiry({ name: "Credcase" }));
    responses.push(`${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`);
    expect(res.status).toBe(201);
    const [id] = inquiryRows(dataDir).map((row) => row.id);
    await waitFor(() => lastError.test(outboxRow(dataDir, id)?.last_error ?? ""), "the failure recorded");
    // Kept pending: a configuration error, not the message's.
    expect(outboxRow(dataDir, id)?.state).toMatch(/pending|sending/);
    for (const p of ["/api/health", "/"]) {
      const h = await fetch(`${server.url}${p}`);
      responses.push(`${h.status} ${JSON.stringify([...h.headers])} ${await h.text()}`);
    }
    const cliOut = await testMail({ ...env, DATA_DIR: dataDir });
    await server.stop();

    // Positive control: the credentials were in use (the relay saw them on a plain-text login).
    if (!tls) expect(r.logins).toContainEqual({ username: USER, password: PASS });
    expect(server.output()).toMatch(lastError.source.replace(/[\^$]/g, ""));
    expect(cliOut).toMatch(/Test message failed: config error/);
    expect(findCreds(server.output()), "server output").toEqual([]);
    expect(findCreds(cliOut), "test-mail output").toEqual([]);
    for (const body of responses) expect(findCreds(body), "a response").toEqual([]);
  });
});
