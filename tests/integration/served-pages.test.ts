import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTER_REQUEST_HEADERS, ROUTER_RESPONSE_HEADERS, frameworkLeftovers, prerenderedPageFiles } from "@/lib/build/next-output";
import { startBuiltNext } from "../helpers/built-server";
import { freePort, tempDir, type NextServer } from "../helpers/next-server";
import { parseCsp, rawRequest, sitemapPaths, type RawResponse } from "../security/helpers";

/**
 * Served pages are what count, not the files the build wrote. Next.js serves a prerendered page from the build's copy
 * the first time, copies it into its route cache (.next/server/route-cache) then, and serves that copy from then on,
 * also after a restart (lib/build/next-output.ts). So every page is fetched three times: once, again after each has
 * been served once, and again from a restarted server; each time it must carry none of the framework's client runtime
 * and none of the client router's headers. A request in the router's own dialect (rsc: 1 …) gets the same page.
 */
const root = path.resolve(__dirname, "..", "..");
const NOT_FOUND = "/no-such-page-for-served-pages-test";

let server: NextServer;
let port: number;
const dataDir = tempDir("iop-served-");
let pages: string[] = [];

const header = (res: RawResponse, name: string) => {
  const v = res.headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
};

/** One line per page that carries any of the runtime or the router's headers, or a script-src other than 'self'. */
async function problems(round: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of [...pages, "/contact/thanks", NOT_FOUND]) {
    const res = await rawRequest(`${server.url}${p}`);
    const expected = p === NOT_FOUND ? 404 : 200;
    const found = [
      ...(res.status === expected ? [] : [`status ${res.status}`]),
      ...frameworkLeftovers(res.body.toString("utf8")),
      ...ROUTER_RESPONSE_HEADERS.filter((h) => header(res, h) !== undefined).map((h) => `header ${h}`),
      ...(header(res, "vary") ?? "")
        .split(",")
        .map((v) => v.trim().toLowerCase())
        .filter((v) => (ROUTER_REQUEST_HEADERS as readonly string[]).includes(v))
        .map((v) => `Vary: ${v}`),
      ...(parseCsp(header(res, "content-security-policy") ?? "")
        .get("script-src")
        ?.join(" ") === "'self'"
        ? []
        : ["script-src is not 'self'"]),
    ];
    if (found.length) out.push(`${round} ${p}: ${found.join("; ")}`);
  }
  return out;
}

beforeAll(async () => {
  port = await freePort();
  server = await startBuiltNext({ port, dataDir });
  pages = await sitemapPaths(server.url);
});

afterAll(async () => {
  await server?.stop();
});

describe("every page as served, without the framework runtime or the router's headers", () => {
  it("when served (the first request copies each page into Next's route cache)", async () => {
    expect(pages.length).toBeGreaterThan(3);
    expect(await problems("first")).toEqual([]);
  });

  it("when served again, from the route cache, whose copies carry no runtime either", async () => {
    expect(await problems("again")).toEqual([]);
    const copies = prerenderedPageFiles(root).filter((f) => f.includes(`${path.sep}route-cache${path.sep}`));
    for (const p of pages) {
      const file = p === "/" ? `${path.sep}index.html` : `${p.replaceAll("/", path.sep)}.html`;
      expect(
        copies.some((c) => c.endsWith(`${path.sep}$${file}`)),
        `a route-cache copy of ${p}`,
      ).toBe(true);
    }
    for (const c of copies) expect(frameworkLeftovers(fs.readFileSync(c, "utf8")), path.relative(root, c)).toEqual([]);
  });

  it("after a restart (served from the route cache on disk)", async () => {
    await server.stop();
    server = await startBuiltNext({ port, dataDir });
    expect(await problems("restarted")).toEqual([]);
  });

  it("answers a request in the client router's dialect with the page itself (no .rsc payload, no redirect)", async () => {
    const page = await rawRequest(`${server.url}/about`);
    const dialects: Record<string, string>[] = [
      { rsc: "1" },
      { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree" },
      { rsc: "1", "next-router-state-tree": "%5B%22%22%5D", "next-url": "/" },
    ];
    for (const extra of dialects) {
      const res = await rawRequest(`${server.url}/about`, { headers: extra });
      expect(res.status, JSON.stringify(extra)).toBe(200);
      expect(header(res, "content-type"), JSON.stringify(extra)).toMatch(/^text\/html/);
      expect(res.body.equals(page.body), JSON.stringify(extra)).toBe(true);
    }
  });
});
