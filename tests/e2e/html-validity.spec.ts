import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { allPagePaths } from "./helpers";

/**
 * Every page as the server sends it passes the W3C Nu HTML Checker (vnu-jar; it needs a Java runtime, which
 * .ci/run installs when missing), including the responses rendered at request time: the not-found page and
 * the contact form sent back with errors when JavaScript is off.
 */
const vnuJar = path.join(process.cwd(), "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

test("every page is valid HTML (Nu HTML Checker, zero errors)", async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-vnu-"));
  const files = new Map<string, string>();
  const save = (label: string, html: string) => {
    const file = path.join(dir, `${files.size}.html`);
    fs.writeFileSync(file, html);
    files.set(file, label);
  };
  for (const p of await allPagePaths(request)) {
    const res = await request.get(p);
    expect(res.status(), p).toBe(200);
    save(p, await res.text());
  }
  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  save("/no-such-page (404)", await missing.text());
  const rejected = await request.post("/api/inquiries", {
    headers: { origin: new URL(baseURL!).origin, "sec-fetch-site": "same-origin" },
    form: { role: "", name: "" },
    maxRedirects: 0,
  });
  expect(rejected.status(), "a form with mistakes comes back as a page").toBe(400);
  save("/api/inquiries (form with errors)", await rejected.text());
  const rejectedEs = await request.post("/api/inquiries", {
    headers: { origin: new URL(baseURL!).origin, "sec-fetch-site": "same-origin" },
    form: { siteLocale: "es", role: "", name: "" },
    maxRedirects: 0,
  });
  expect(rejectedEs.status(), "the Spanish form with mistakes comes back as a page").toBe(400);
  save("/api/inquiries (Spanish form with errors)", await rejectedEs.text());
  const missingEs = await request.get("/es/no-existe");
  expect(missingEs.status()).toBe(404);
  save("/es/no-existe (404)", await missingEs.text());

  // vnu writes its JSON report to stderr.
  const run = spawnSync("java", ["-jar", vnuJar, "--errors-only", "--format", "json", "--exit-zero-always", ...files.keys()], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`The Nu HTML Checker needs a Java runtime (apt-get install default-jre-headless): ${run.error.message}`);
  const messages = (JSON.parse(run.stderr) as { messages: VnuMessage[] }).messages;
  const errors = messages
    .filter((m) => m.type === "error" || m.subType === "fatal")
    .map((m) => `${files.get(new URL(m.url).pathname) ?? m.url}:${m.lastLine ?? "?"}: ${m.message} ${m.extract ? `[${m.extract.trim()}]` : ""}`);
  expect(errors).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
