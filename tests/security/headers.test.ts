import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, postInquiry, sampleInquiry, startNext, type NextServer } from "../helpers/next-server";
import crypto from "node:crypto";
import { executableInlineScripts, externalScripts, frameworkLeftovers } from "@/lib/build/next-output";
import { tags } from "../helpers/html";
import { parseCsp, rawRequest, sitemapPaths, type RawResponse } from "./helpers";

/**
 * Security headers on every kind of response the production server gives: each sitemap page, a 404, the health
 * API, the inquiry API (accepted, refused and the no-JavaScript error page), and static assets. Plus the script
 * check: no page serves an inline script or the framework's runtime, so script-src 'self' is the whole policy,
 * and the one module the contact page loads carries an integrity hash that matches the bytes served.
 *
 * Ports: free ones (the SMTP sink too).
 */
// A free port: other processes may hold any fixed one.
const PORT = await freePort();

interface Target {
  label: string;
  kind: "page" | "api" | "static";
  res: RawResponse;
}

let server: NextServer;
let pages: string[] = [];
const targets: Target[] = [];
const NOT_FOUND = "/no-such-page-for-security-test";

const header = (res: RawResponse, name: string): string | undefined => {
  const v = res.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(", ") : v;
};

/** Collects one line per target that fails `check` (undefined = pass), so a failure names every bad response. */
function failures(check: (t: Target) => string | undefined, filter: (t: Target) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const t of targets.filter(filter)) {
    const problem = check(t);
    if (problem) out.push(`${t.label}: ${problem}`);
  }
  return out;
}

beforeAll(async () => {
  server = await startNext({ port: PORT, env: { RATE_LIMIT_MAX: "1000" } });
  pages = await sitemapPaths(server.url);
  for (const p of pages) targets.push({ label: `GET ${p}`, kind: "page", res: await rawRequest(`${server.url}${p}`) });
  targets.push({ label: `GET ${NOT_FOUND} (404)`, kind: "page", res: await rawRequest(`${server.url}${NOT_FOUND}`) });
  targets.push({ label: "GET /api/health", kind: "api", res: await rawRequest(`${server.url}/api/health`) });

  // The inquiry API: an accepted JSON post, a refused cross-site post and an invalid no-JavaScript form post.
  const accepted = await postInquiry(server, sampleInquiry({ name: "Header Test" }));
  targets.push({
    label: "POST /api/inquiries (accepted)",
    kind: "api",
    res: {
      status: accepted.status,
      headers: Object.fromEntries(accepted.headers),
      rawHeaders: [...accepted.headers].flat(),
      body: Buffer.from(await accepted.arrayBuffer()),
    },
  });
  targets.push({
    label: "POST /api/inquiries (cross-site, refused)",
    kind: "api",
    res: await rawRequest(`${server.url}/api/inquiries`, {
      method: "POST",
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "application/json" },
      body: JSON.stringify(sampleInquiry()),
    }),
  });
  targets.push({
    label: "POST /api/inquiries (invalid form, no-JS error page)",
    kind: "api",
    res: await rawRequest(`${server.url}/api/inquiries`, {
      method: "POST",
      headers: { origin: server.url, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" },
      body: "role=self&name=",
    }),
  });

  const home = targets[0].res.body.toString("utf8");
  const css = tags(home, "link").find((l) => l.attrs.rel === "stylesheet" && l.attrs.href?.startsWith("/assets/site.css?v="))?.attrs.href;
  if (!css) throw new Error("the home page links no /assets/site.css stylesheet");
  targets.push({ label: `GET ${css} (static)`, kind: "static", res: await rawRequest(`${server.url}${css}`) });
  const contact = targets.find((t) => t.label === "GET /contact")!.res.body.toString("utf8");
  const [module] = externalScripts(contact);
  if (!module) throw new Error("the contact page loads no script");
  targets.push({ label: `GET ${module} (static)`, kind: "static", res: await rawRequest(`${server.url}${module}`) });
});

afterAll(async () => {
  await server?.stop();
});

describe("responses answer as expected (so the header checks look at real responses)", () => {
  it("covers every sitemap page, a 404, the APIs and a static asset", () => {
    expect(pages.length).toBeGreaterThan(3);
    expect(pages).toContain("/");
    expect(pages).toContain("/contact");
    const statuses = Object.fromEntries(targets.map((t) => [t.label, t.res.status]));
    for (const p of pages) expect(statuses[`GET ${p}`], p).toBe(200);
    expect(statuses[`GET ${NOT_FOUND} (404)`]).toBe(404);
    expect(statuses["GET /api/health"]).toBe(200);
    expect(statuses["POST /api/inquiries (accepted)"]).toBe(201);
    expect(statuses["POST /api/inquiries (cross-site, refused)"]).toBe(403);
    expect(statuses["POST /api/inquiries (invalid form, no-JS error page)"]).toBe(400);
    for (const t of targets.filter((x) => x.kind === "static")) expect(t.res.status, t.label).toBe(200);
  });
});

describe("headers every response carries", () => {
  it("Strict-Transport-Security: max-age=63072000; includeSubDomains", () => {
    expect(
      failures((t) => {
        const v = header(t.res, "strict-transport-security");
        if (!v) return "missing";
        const parts = v.split(";").map((s) => s.trim().toLowerCase());
        if (!parts.includes("max-age=63072000")) return `max-age is not 63072000: ${v}`;
        if (!parts.includes("includesubdomains")) return `no includeSubDomains: ${v}`;
      }),
    ).toEqual([]);
  });

  it("Referrer-Policy: no-referrer", () => {
    expect(failures((t) => (header(t.res, "referrer-policy") === "no-referrer" ? undefined : `got ${header(t.res, "referrer-policy")}`))).toEqual([]);
  });

  it("X-Content-Type-Options: nosniff", () => {
    expect(failures((t) => (header(t.res, "x-content-type-options") === "nosniff" ? undefined : `got ${header(t.res, "x-content-type-options")}`))).toEqual([]);
  });

  it("Cross-Origin-Resource-Policy: same-origin", () => {
    expect(
      failures((t) => (header(t.res, "cross-origin-resource-policy") === "same-origin" ? undefined : `got ${header(t.res, "cross-origin-resource-policy")}`)),
    ).toEqual([]);
  });

  it("Permissions-Policy denies camera, microphone, geolocation and interest cohorts (browsing-topics, interest-cohort)", () => {
    expect(
      failures((t) => {
        const v = header(t.res, "permissions-policy");
        if (!v) return "missing";
        const directives = new Map(v.split(",").map((d) => d.trim().split("=") as [string, string]));
        const notDenied = ["camera", "microphone", "geolocation", "browsing-topics", "interest-cohort"].filter((f) => directives.get(f)?.trim() !== "()");
        return notDenied.length ? `not denied: ${notDenied.join(", ")} (${v})` : undefined;
      }),
    ).toEqual([]);
  });

  it("X-Frame-Options: DENY", () => {
    expect(failures((t) => (header(t.res, "x-frame-options")?.toUpperCase() === "DENY" ? undefined : `got ${header(t.res, "x-frame-options")}`))).toEqual([]);
  });

  it("no X-Powered-By and no Set-Cookie", () => {
    expect(
      failures((t) => {
        if (header(t.res, "x-powered-by") !== undefined) return `X-Powered-By: ${header(t.res, "x-powered-by")}`;
        if (header(t.res, "set-cookie") !== undefined) return `Set-Cookie: ${header(t.res, "set-cookie")}`;
      }),
    ).toEqual([]);
  });

  it("each header is sent once (a duplicate could carry a weaker value)", () => {
    const names = [
      "strict-transport-security",
      "referrer-policy",
      "x-content-type-options",
      "cross-origin-resource-policy",
      "permissions-policy",
      "x-frame-options",
      "content-security-policy",
    ];
    expect(
      failures((t) => {
        const seen = new Map<string, number>();
        for (let i = 0; i < t.res.rawHeaders.length; i += 2) {
          const n = t.res.rawHeaders[i].toLowerCase();
          if (names.includes(n)) seen.set(n, (seen.get(n) ?? 0) + 1);
        }
        const dup = [...seen].filter(([, c]) => c > 1).map(([n]) => n);
        return dup.length ? `sent more than once: ${dup.join(", ")}` : undefined;
      }),
    ).toEqual([]);
  });
});

describe("Content-Security-Policy", () => {
  const scriptSources = (csp: Map<string, string[]>) => csp.get("script-src") ?? csp.get("default-src") ?? [];

  it("every HTML page has a CSP header with a strict script-src and the hardening directives", () => {
    expect(
      failures(
        (t) => {
          if (!/^text\/html/.test(header(t.res, "content-type") ?? "")) return `not HTML: ${header(t.res, "content-type")}`;
          const v = header(t.res, "content-security-policy");
          if (!v) return "no Content-Security-Policy header";
          if (v.includes(",")) return `more than one policy: ${v}`;
          const csp = parseCsp(v);
          const problems: string[] = [];
          const script = csp.get("script-src");
          if (!script) problems.push("no script-src");
          else {
            for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:", "blob:"])
              if (script.includes(bad)) problems.push(`script-src allows ${bad}`);
            if (script.some((s) => s.startsWith("'nonce-"))) problems.push("script-src uses a nonce on a static page");
          }
          const expectExactly = {
            "object-src": "'none'",
            "base-uri": "'self'",
            "form-action": "'self'",
            "frame-ancestors": "'none'",
            "connect-src": "'self'",
            "default-src": "'self'",
            "style-src": "'self'",
          };
          for (const [d, want] of Object.entries(expectExactly))
            if (csp.get(d)?.join(" ") !== want) problems.push(`${d} is ${JSON.stringify(csp.get(d)?.join(" "))}, want ${want}`);
          return problems.length ? problems.join("; ") : undefined;
        },
        (t) => t.kind === "page",
      ),
    ).toEqual([]);
  });

  it("API responses have a CSP that runs no script and cannot be framed", () => {
    expect(
      failures(
        (t) => {
          const v = header(t.res, "content-security-policy");
          if (!v) return "no Content-Security-Policy header";
          const csp = parseCsp(v);
          const problems: string[] = [];
          if (csp.get("frame-ancestors")?.join(" ") !== "'none'") problems.push(`frame-ancestors is ${csp.get("frame-ancestors")?.join(" ")}`);
          const script = scriptSources(csp);
          if (script.join(" ") !== "'none'" && !(script.length > 0 && script.every((s) => s === "'self'" || s.startsWith("'sha256-"))))
            problems.push(`scripts allowed: ${script.join(" ") || "(no script-src or default-src)"}`);
          if (csp.get("object-src")?.join(" ") !== "'none'" && csp.get("default-src")?.join(" ") !== "'none'") problems.push("object-src not 'none'");
          if (csp.get("style-src")?.includes("'unsafe-inline'")) problems.push("style-src allows 'unsafe-inline'");
          return problems.length ? problems.join("; ") : undefined;
        },
        (t) => t.kind === "api",
      ),
    ).toEqual([]);
  });

  it("the no-JavaScript error page (HTML from the API) carries no script at all", () => {
    const t = targets.find((x) => x.label.startsWith("POST /api/inquiries (invalid form"))!;
    const html = t.res.body.toString("utf8");
    expect(header(t.res, "content-type")).toMatch(/^text\/html/);
    expect(html).toContain('id="inquiry-form"');
    expect(executableInlineScripts(html)).toEqual([]);
    expect(externalScripts(html)).toEqual([]);
  });

  it("pages serve no inline script and no framework runtime; script-src is exactly 'self'", () => {
    const checked: string[] = [];
    expect(
      failures(
        (t) => {
          const html = t.res.body.toString("utf8");
          const problems: string[] = [];
          problems.push(...frameworkLeftovers(html));
          if (html.includes("self.__next_f")) problems.push("framework payload left in the page");
          const script = parseCsp(header(t.res, "content-security-policy") ?? "")
            .get("script-src")
            ?.join(" ");
          if (script !== "'self'") problems.push(`script-src is ${script}`);
          checked.push(t.label);
          return problems.length ? problems.join("; ") : undefined;
        },
        (t) => t.kind === "page",
      ),
    ).toEqual([]);
    expect(checked).toHaveLength(pages.length + 1);
  });

  it("the contact page's module is served with an integrity hash that matches its bytes, and nothing else matches", () => {
    const contact = targets.find((t) => t.label === "GET /contact")!.res.body.toString("utf8");
    const [tag] = tags(contact, "script").filter((t) => t.attrs.src?.startsWith("/assets/"));
    expect(tag?.attrs.type).toBe("module");
    const integrity = tag?.attrs.integrity;
    const body = targets.find((t) => t.label.includes("/assets/inquiry-form.js"))!.res.body;
    const sri = (b: Buffer) => `sha384-${crypto.createHash("sha384").update(b).digest("base64")}`;
    expect(integrity).toBe(sri(body));
    expect(integrity).not.toBe(sri(Buffer.concat([body, Buffer.from(";window.__pwned=1")])));
  });

  it("the module and the stylesheet are cached for a year under URLs that change with their content", () => {
    const assets = targets.filter((x) => x.label.includes("/assets/"));
    expect(assets.map((t) => t.label.split("?")[0].replace("GET ", ""))).toEqual(["/assets/site.css", "/assets/inquiry-form.js"]);
    for (const t of assets) {
      expect(t.label).toMatch(/\?v=[0-9a-f]{12} /);
      expect(header(t.res, "cache-control")).toBe("public, max-age=31536000, immutable");
      expect(header(t.res, "content-type")).toMatch(t.label.includes(".css") ? /^text\/css/ : /javascript/);
    }
  });
});
