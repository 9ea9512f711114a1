import fs from "node:fs";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseSecurityHeaders, apiCsp } from "@/lib/security/headers";
import { startBuiltNext } from "../helpers/built-server";
import { freePort, sampleInquiry, type NextServer } from "../helpers/next-server";
import { countRows } from "../helpers/inquiry-db";
import { rawRequest } from "../security/helpers";

/**
 * The server entry answers methods pages do not take, before Next sees them: anything but GET and HEAD on a path
 * that is not one of its own routes is 405 with `Allow: GET, HEAD` and the security headers (no CORS, so OPTIONS
 * too). And the inquiry route's Origin check is exact: whitespace that survives HTTP parsing is refused.
 *
 * Port: one from freePort().
 */
let server: NextServer;

beforeAll(async () => {
  server = await startBuiltNext({ port: await freePort(), env: { DELIVERY_WORKER: "false", RATE_LIMIT_MAX: "1000" } });
});

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const PAGES = [
  "/",
  "/contact",
  "/articles/what-is-iop",
  "/contact/thanks",
  "/no-such-page",
  "/sitemap.xml",
  "/assets/site.css",
  "/_next/static/x.js",
  "/api/other",
];
const METHODS = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

describe("methods other than GET and HEAD on pages", () => {
  it("control: GET and HEAD of a page still reach Next (200)", async () => {
    for (const method of ["GET", "HEAD"]) expect((await rawRequest(`${server.url}/`, { method })).status, method).toBe(200);
  });

  it.each(METHODS)("%s answers 405 with Allow: GET, HEAD and the security headers, on every kind of path", async (method) => {
    for (const path of PAGES) {
      const res = await rawRequest(`${server.url}${path}`, {
        method,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: "https://evil.example",
          "access-control-request-method": "POST",
          // What a Next server action posts: there are none here, and it is refused like any other POST.
          "next-action": "0123456789abcdef",
        },
        body: method === "OPTIONS" ? undefined : "name=x",
      });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.allow, `${method} ${path}`).toBe("GET, HEAD");
      expect(res.headers["cache-control"]).toBe("no-store");
      for (const h of baseSecurityHeaders) expect(res.headers[h.key.toLowerCase()], `${method} ${path} ${h.key}`).toBe(h.value);
      expect(res.headers["content-security-policy"]).toBe(apiCsp);
      for (const name of Object.keys(res.headers)) expect(name, `${method} ${path}`).not.toMatch(/^access-control-/);
      expect(res.body.length).toBe(0);
    }
  });

  it("the entry's own routes keep their own 405s", async () => {
    const put = await rawRequest(`${server.url}/api/inquiries`, { method: "PUT", body: "x" });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe("POST, GET, HEAD");
    const post = await rawRequest(`${server.url}/api/health`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
    expect((await rawRequest(`${server.url}/api/health`)).status).toBe(200);
  });
});

describe("GET of the address the form posts to", () => {
  it("answers 303 to the contact page (relative Location), with no body and nothing stored", async () => {
    for (const method of ["GET", "HEAD"]) {
      const res = await rawRequest(`${server.url}/api/inquiries?name=x`, { method });
      expect(res.status, method).toBe(303);
      expect(res.headers.location, method).toBe("/contact");
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(res.body.length).toBe(0);
    }
    expect(countRows(server.dataDir, "inquiries")).toBe(0);
  });

  it("keeps to the default language's form for a Referer from another site or an unknown prefix", async () => {
    for (const referer of ["https://evil.example/es/contact", `${server.url}/xx/contact`]) {
      expect((await rawRequest(`${server.url}/api/inquiries`, { headers: { referer } })).headers.location, referer).toBe("/contact");
    }
  });
});

/** One request written byte for byte on a socket (node:http would refuse to send some of these header values). */
function socketPost(originLine: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.connect(server.port, "127.0.0.1", () => {
      const head =
        `POST /api/inquiries HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${originLine}\r\nSec-Fetch-Site: same-origin\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
      s.write(Buffer.concat([Buffer.from(head, "latin1"), Buffer.from(body, "utf8")]));
    });
    let out = "";
    s.on("data", (d: Buffer) => (out += d.toString("latin1")));
    s.on("error", reject);
    s.on("close", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(out)?.[1] ?? 0)));
  });
}

describe("the Origin must match byte for byte", () => {
  let n = 0;
  const body = () => JSON.stringify(sampleInquiry({ name: `Origin ${n++}` }));

  it("control: the exact origin is accepted", async () => {
    expect(await socketPost(`Origin: ${server.url}`, body())).toBe(201);
  });

  it.each([
    ["a no-break space before", "\u00a0", ""],
    ["a no-break space after", "", "\u00a0"],
    ["a vertical tab after", "", "\u000b"],
    ["a form feed before", "\u000c", ""],
    ["a NUL after", "", "\u0000"],
  ])("whitespace that survives HTTP parsing is refused: %s", async (_what, before, after) => {
    const rows = countRows(server.dataDir, "inquiries");
    const status = await socketPost(`Origin: ${before}${server.url}${after}`, body());
    // 403 from the guard, or 400 from Node's HTTP parser for characters a header value may not hold: never stored.
    expect([400, 403]).toContain(status);
    expect(countRows(server.dataDir, "inquiries")).toBe(rows);
  });

  it("spaces and tabs around a header value are not part of it (RFC 9110 §5.5): the parser drops them before any code sees them", async () => {
    // Documented, not a loophole: `Origin:  x ` and `Origin: x` are the same field value on the wire.
    expect(await socketPost(`Origin: \t ${server.url} \t`, body())).toBe(201);
  });
});
