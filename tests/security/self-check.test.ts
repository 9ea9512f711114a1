import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { es } from "@/lib/i18n/es";
import { freePort, type NextServer } from "../helpers/next-server";
import { startBuiltNext } from "../helpers/built-server";
import { tags, textOf } from "../helpers/html";
import { randomHex, rawRequest, type RawResponse } from "./helpers";

/**
 * The self-check's route for browsers without JavaScript (POST /self-check/result) stores and logs nothing of the
 * answers. A canary sent in every field, beside a distinctive set of valid answers, must appear nowhere: not in the
 * server's output, not in any response's headers or body, not in any file of the data folder. Answers are never
 * cached or cookied, GET is sent to the page, and a post from elsewhere is refused like an inquiry from elsewhere.
 *
 * The server runs with SELF_CHECK_PREVIEW (loopback only): the shipped config does not confirm the USAUDIT's license.
 */
const CANARY = `SCCANARY${randomHex(6)}`;
let server: NextServer;
const text = (r: RawResponse) => r.body.toString("utf8");

const post = (body: string, headers: Record<string, string> = {}) =>
  rawRequest(`${server.url}/self-check/result`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, "sec-fetch-site": "same-origin", ...headers },
    body,
  });

/** Items 1–10 with a pattern no page or log would hold by chance, and the canary in every field besides. */
const distinctive = { age: "66-plus", sex: "man", stage: "2", q1: "5", q2: "4", q3: "3", q4: "2", q5: "1", q6: "3", q7: "4", q8: "2", q9: "4", q10: "2" };
const canaryBody = new URLSearchParams({ ...distinctive, note: CANARY, q11: CANARY, lang: CANARY }).toString() + `&${CANARY}=${CANARY}`;

const responses: RawResponse[] = [];

beforeAll(async () => {
  server = await startBuiltNext({ port: await freePort(), env: { SELF_CHECK_PREVIEW: "1" } });
}, 180_000);
afterAll(() => server?.stop());

describe("POST /self-check/result", () => {
  it("scores valid answers at once: 200, no-store, no cookie, the zone in the page", async () => {
    const res = await post(canaryBody);
    responses.push(res);
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["set-cookie"]).toBeUndefined();
    // 30 points: zone IV, with the withdrawal warning. (The score slots the in-page scoring fills stay empty here.)
    const scores = tags(text(res), "span").filter((s) => s.attrs["data-score"] === "true");
    expect(scores.map(textOf).filter((score) => score !== "")).toEqual(["30"]);
    expect(text(res)).toContain("zone IV");
    // No script runs: the only <script> is the page's structured data.
    expect(
      tags(text(res), "script")
        .filter((s) => s.attrs.type !== "application/ld+json")
        .map((s) => s.raw),
    ).toEqual([]);
  });

  it("answers with a canary in every field that is not a known answer are refused as unanswered: 422, the same page with the error summary", async () => {
    const body = new URLSearchParams({ age: CANARY, sex: CANARY, q1: CANARY, q2: CANARY, q3: CANARY }).toString();
    const res = await post(body);
    responses.push(res);
    expect(res.status).toBe(422);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(text(res)).toContain("Some questions still need an answer");
  });

  it("a positive USAUDIT-C answers with the 7 further questions, the first answers kept", async () => {
    const res = await post(new URLSearchParams({ age: "18-65", sex: "woman", q1: "3", q2: "2", q3: "2" }).toString());
    responses.push(res);
    expect(res.status).toBe(200);
    expect(text(res)).toMatch(/name="stage" value="2"/);
    expect(text(res)).toMatch(/id="sc-q1-3"[^>]*checked|checked=""[^>]*id="sc-q1-3"/);
  });

  it("GET and HEAD are sent to the page (303), never answered with a result", async () => {
    for (const method of ["GET", "HEAD"]) {
      const res = await rawRequest(`${server.url}/self-check/result?q1=${CANARY}`, { method });
      responses.push(res);
      expect(res.status, method).toBe(303);
      expect(res.headers.location).toBe("/self-check");
    }
  });

  it("a post in Spanish, where no scored check exists, is answered in Spanish through the shared renderer: 404, why, no form, nothing kept", async () => {
    const res = await post(new URLSearchParams({ ...distinctive, lang: "es", note: CANARY }).toString());
    responses.push(res);
    expect(res.status).toBe(404);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["set-cookie"]).toBeUndefined();
    const body = text(res);
    expect(body.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(tags(body, "html")[0].attrs.lang).toBe("es");
    expect(body).toContain(es.selfCheck.unavailable.noPublisherVersion.heading);
    expect(tags(body, "meta").some((m) => m.attrs.name === "robots" && m.attrs.content === "noindex")).toBe(true);
    // No instrument, no answers given back, no script.
    const all = tags(body);
    expect(all.filter((t) => "data-instrument" in t.attrs || (t.name === "input" && t.attrs.type === "radio")).map((t) => t.raw)).toEqual([]);
    expect(all.filter((t) => t.name === "script" && t.attrs.type !== "application/ld+json").map((t) => t.raw)).toEqual([]);
  });

  it("a post from another site, or without an Origin, is refused (403) as the inquiry route does", async () => {
    for (const headers of [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "", "sec-fetch-site": "" },
    ]) {
      const res = await rawRequest(`${server.url}/self-check/result`, {
        method: "POST",
        headers: Object.fromEntries(Object.entries({ "content-type": "application/x-www-form-urlencoded", ...headers }).filter(([, v]) => v !== "")),
        body: canaryBody,
      });
      responses.push(res);
      expect(res.status).toBe(403);
    }
  });

  it("the canary is nowhere: not in the server's output, any response, or any file of the data folder", () => {
    expect(server.output()).not.toContain(CANARY);
    for (const r of responses) {
      expect(JSON.stringify(r.headers)).not.toContain(CANARY);
      expect(text(r)).not.toContain(CANARY);
    }
    const walk = (d: string): string[] =>
      fs.existsSync(d)
        ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]))
        : [];
    for (const file of walk(server.dataDir)) expect(fs.readFileSync(file).includes(Buffer.from(CANARY)), file).toBe(false);
  });
});
