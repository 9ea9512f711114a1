import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTER_REQUEST_HEADERS, ROUTER_RESPONSE_HEADERS, frameworkLeftovers, routeCacheCopies } from "@/lib/build/next-output";
import { prerenderedDir, routeCacheDir } from "@/lib/build/next-paths.mjs";
import { privateBuild } from "../helpers/built-server";
import { freePort, startNext, tempDir, type NextServer } from "../helpers/next-server";
import { parseCsp, rawRequest, sitemapPaths, type RawResponse } from "../security/helpers";

/**
 * Served pages are what count, not the files the build wrote. Next.js serves a prerendered page from the build's copy
 * the first time, copies it into its route cache (.next/server/route-cache) then, and serves that copy from then on,
 * also after a restart (lib/build/next-output.ts). So every page is fetched three times: once, again after each has
 * been served once, and again from a restarted server; each time it must carry none of the framework's client runtime
 * and none of the client router's headers. The server runs on a private copy of the build without a route cache, so
 * the first round is each page's first request, whatever other servers on this checkout have served. A request in the
 * router's own dialect (rsc: 1 …), for a page's `.rsc` file, or with `?_rsc=` gets the page or a 404, never the payload.
 */
const NOT_FOUND = "/no-such-page-for-served-pages-test";

let build: Awaited<ReturnType<typeof privateBuild>>;
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
  build = await privateBuild();
  port = await freePort();
  server = await startNext({ port, dataDir, cwd: build.dir });
  pages = await sitemapPaths(server.url);
});

afterAll(async () => {
  await server?.stop();
  build?.remove();
});

describe("every page as served, without the framework runtime or the router's headers", () => {
  it("on its first request, from the build's own file (which the request copies into Next's route cache)", async () => {
    expect(pages.length).toBeGreaterThan(3);
    // Nothing served yet: the private build came without a route cache, and the sitemap is no page.
    expect(routeCacheCopies(build.dir)).toEqual(new Map());
    expect(await problems("first")).toEqual([]);
    expect(fs.existsSync(routeCacheDir(build.dir))).toBe(true);
  });

  it("when served again, from the route cache, whose copies carry no runtime either", async () => {
    const copies = routeCacheCopies(build.dir);
    expect(pages.filter((p) => !copies.has(p)).map((p) => `no route-cache copy of ${p}`)).toEqual([]);
    expect(await problems("again")).toEqual([]);
    for (const file of copies.values()) expect(frameworkLeftovers(fs.readFileSync(file, "utf8")), path.relative(build.dir, file)).toEqual([]);
  });

  it("after a restart (served from the route cache on disk)", async () => {
    await server.stop();
    server = await startNext({ port, dataDir, cwd: build.dir });
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

  it("serves no page's .rsc payload: /<page>.rsc answers 404, and ?_rsc= without the router's headers gets the page", async () => {
    const page = await rawRequest(`${server.url}/about`);
    const answers: Buffer[] = [];
    for (const p of ["/about.rsc", "/articles/what-is-iop.rsc", "/index.rsc", `${NOT_FOUND}.rsc`]) {
      const res = await rawRequest(`${server.url}${p}`);
      expect(res.status, p).toBe(404);
      answers.push(res.body);
    }
    // The same answer whatever page is named (Next's not-found page, in its own payload form): none is a page's payload.
    expect(answers.every((body) => body.equals(answers[0]))).toBe(true);
    expect(answers[0].equals(fs.readFileSync(path.join(prerenderedDir(build.dir), "about.rsc")))).toBe(false);
    const cacheBusted = await rawRequest(`${server.url}/about?_rsc=1x2y3`);
    expect(cacheBusted.status).toBe(200);
    expect(header(cacheBusted, "content-type")).toMatch(/^text\/html/);
    expect(frameworkLeftovers(cacheBusted.body.toString("utf8"))).toEqual([]);
    expect(cacheBusted.body.equals(page.body)).toBe(true);
  });
});
