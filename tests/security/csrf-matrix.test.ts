import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, sampleInquiry, startNext, type NextServer } from "../helpers/next-server";
import { countRows } from "../helpers/inquiry-db";
import { rawRequest } from "./helpers";

/**
 * Cross-site request forgery against POST /api/inquiries, table-driven: every way a request from another site (or
 * with no provenance) can look is refused with the expected status, and no inquiry is stored. Requests are sent
 * with node:http so each case carries exactly the headers listed (fetch would add its own Sec-Fetch-Mode).
 *
 * Ports: free ones (the SMTP sink too).
 */
// A free port: other processes may hold any fixed one.
const PORT = await freePort();
const SITE = `http://127.0.0.1:${PORT}`;

type Kind = "json" | "form" | "multipart" | "text";

interface Case {
  name: string;
  origin?: string;
  secFetchSite?: string;
  kind: Kind;
  /** Extra headers (e.g. a spoofed Host). */
  headers?: Record<string, string>;
  expected: number;
}

const cases: Case[] = [
  { name: "foreign Origin, no Fetch Metadata", origin: "https://evil.example", kind: "json", expected: 403 },
  { name: "foreign Origin (urlencoded form), no Fetch Metadata", origin: "https://evil.example", kind: "form", expected: 403 },
  { name: "foreign Origin, Sec-Fetch-Site cross-site", origin: "https://evil.example", secFetchSite: "cross-site", kind: "form", expected: 403 },
  { name: "foreign Origin claiming Sec-Fetch-Site same-origin", origin: "https://evil.example", secFetchSite: "same-origin", kind: "json", expected: 403 },
  { name: "Origin: null, no Fetch Metadata", origin: "null", kind: "form", expected: 403 },
  { name: "Origin: null, Sec-Fetch-Site cross-site (sandboxed frame)", origin: "null", secFetchSite: "cross-site", kind: "form", expected: 403 },
  { name: "Origin: null, Sec-Fetch-Site same-site", origin: "null", secFetchSite: "same-site", kind: "form", expected: 403 },
  { name: "look-alike host (127.0.0.1.evil.example)", origin: `http://127.0.0.1.evil.example:${PORT}`, kind: "json", expected: 403 },
  { name: "look-alike host (site origin as prefix)", origin: `${SITE}.evil.example`, kind: "json", expected: 403 },
  { name: "look-alike host (localhost for 127.0.0.1)", origin: `http://localhost:${PORT}`, kind: "json", expected: 403 },
  { name: "Origin with trailing slash", origin: `${SITE}/`, kind: "json", expected: 403 },
  { name: "Origin in upper case", origin: SITE.toUpperCase(), kind: "json", expected: 403 },
  { name: "scheme mismatch (https)", origin: `https://127.0.0.1:${PORT}`, kind: "json", expected: 403 },
  { name: "port mismatch", origin: `http://127.0.0.1:${PORT + 1}`, kind: "json", expected: 403 },
  { name: "default port (no port)", origin: "http://127.0.0.1", kind: "json", expected: 403 },
  { name: "spoofed Host matching a foreign Origin", origin: "http://evil.example", headers: { host: "evil.example" }, kind: "json", expected: 403 },
  { name: "no Origin, no Fetch Metadata", kind: "json", expected: 403 },
  { name: "no Origin, Sec-Fetch-Site same-origin", secFetchSite: "same-origin", kind: "json", expected: 403 },
  { name: "Sec-Fetch-Site cross-site (correct Origin)", origin: SITE, secFetchSite: "cross-site", kind: "form", expected: 403 },
  { name: "Sec-Fetch-Site same-site (correct Origin)", origin: SITE, secFetchSite: "same-site", kind: "json", expected: 403 },
  { name: "Sec-Fetch-Site none (correct Origin)", origin: SITE, secFetchSite: "none", kind: "json", expected: 403 },
  { name: "multipart form, cross-site", origin: "https://evil.example", secFetchSite: "cross-site", kind: "multipart", expected: 403 },
  {
    name: "text/plain with JSON body, cross-site (classic form CSRF)",
    origin: "https://evil.example",
    secFetchSite: "cross-site",
    kind: "text",
    expected: 403,
  },
  { name: "text/plain with JSON body, same-origin", origin: SITE, secFetchSite: "same-origin", kind: "text", expected: 415 },
];

const BOUNDARY = "----csrfmatrixboundary7MA4YWxkTrZu0gW";

function body(kind: Kind, inquiry: Record<string, unknown>): { contentType: string; body: string } {
  const fields = Object.entries(inquiry).flatMap(([k, v]) => (v === false ? [] : [[k, v === true ? "on" : String(v)] as [string, string]]));
  switch (kind) {
    case "json":
      return { contentType: "application/json", body: JSON.stringify(inquiry) };
    case "form":
      return { contentType: "application/x-www-form-urlencoded", body: new URLSearchParams(fields).toString() };
    case "multipart":
      return {
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        body: fields.map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${BOUNDARY}--\r\n`,
      };
    case "text":
      // What <form enctype="text/plain"> with name='{"role":…,"x":"' value='"}' produces: JSON with an "=" in it.
      return { contentType: "text/plain", body: `${JSON.stringify({ ...inquiry, x: "" }).slice(0, -2)}="}` };
  }
}

let server: NextServer;
const matrix: { case: string; origin: string; "sec-fetch-site": string; "content-type": string; expected: number; status: number }[] = [];

beforeAll(async () => {
  server = await startNext({ port: PORT, env: { RATE_LIMIT_MAX: "100000", DELIVERY_WORKER: "false" } });
});

afterAll(async () => {
  if (matrix.length) {
    console.log(`\nCSRF matrix (POST /api/inquiries on ${SITE}, allowed origin ${SITE}):`);
    console.table(matrix);
  }
  await server?.stop();
});

describe("CSRF matrix: POST /api/inquiries from anywhere but the site itself is refused", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const before = countRows(server.dataDir, "inquiries");
    // A valid inquiry, different in each case: only the request's provenance can make it fail.
    const { contentType, body: payload } = body(c.kind, sampleInquiry({ name: `Csrf ${cases.indexOf(c)}` }));
    const headers: Record<string, string> = { "content-type": contentType, ...c.headers };
    if (c.origin !== undefined) headers.origin = c.origin;
    if (c.secFetchSite !== undefined) headers["sec-fetch-site"] = c.secFetchSite;
    const res = await rawRequest(`${server.url}/api/inquiries`, { method: "POST", headers, body: payload });
    matrix.push({
      case: c.name,
      origin: c.origin ?? "(none)",
      "sec-fetch-site": c.secFetchSite ?? "(none)",
      "content-type": contentType.split(";")[0],
      expected: c.expected,
      status: res.status,
    });
    expect(res.status).toBe(c.expected);
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    expect(countRows(server.dataDir, "inquiries")).toBe(before);
  });

  it("control: the same requests from the site itself are stored (the matrix is not refusing everything)", async () => {
    const before = countRows(server.dataDir, "inquiries");
    const statuses: Record<string, number> = {};
    for (const kind of ["json", "form", "multipart"] as const) {
      const { contentType, body: payload } = body(kind, sampleInquiry({ name: `Control ${kind}` }));
      const res = await rawRequest(`${server.url}/api/inquiries`, {
        method: "POST",
        headers: { "content-type": contentType, origin: SITE, "sec-fetch-site": "same-origin" },
        body: payload,
      });
      statuses[kind] = res.status;
    }
    // Browsers without Fetch Metadata (older ones) still send Origin on a POST: accepted on the exact origin alone.
    const { contentType, body: payload } = body("json", sampleInquiry({ name: "Control no-metadata" }));
    statuses["json, Origin only"] = (
      await rawRequest(`${server.url}/api/inquiries`, { method: "POST", headers: { "content-type": contentType, origin: SITE }, body: payload })
    ).status;
    // Under the site's own Referrer-Policy: no-referrer, a browser's plain (no-JS) form post sends Origin: null, with
    // Sec-Fetch-Site: same-origin, which no page can forge (guard.ts accepts exactly this pair).
    const form = body("form", sampleInquiry({ name: "Control origin-null" }));
    statuses["form, Origin null + same-origin"] = (
      await rawRequest(`${server.url}/api/inquiries`, {
        method: "POST",
        headers: { "content-type": form.contentType, origin: "null", "sec-fetch-site": "same-origin" },
        body: form.body,
      })
    ).status;
    expect(statuses).toEqual({ json: 201, form: 303, multipart: 303, "json, Origin only": 201, "form, Origin null + same-origin": 303 });
    expect(countRows(server.dataDir, "inquiries")).toBe(before + 5);
  });

  it("CORS preflight from another origin is not granted", async () => {
    const res = await rawRequest(`${server.url}/api/inquiries`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    expect(res.headers["access-control-allow-methods"]).toBeUndefined();
    expect(res.headers["access-control-allow-headers"]).toBeUndefined();
  });
});
