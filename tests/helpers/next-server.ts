import { freePort, startServer, tempDir } from "../../scripts/lib/server.mjs";
import { validInquiry } from "./fixtures";

/** A process of the server entry (dist/server/main.mjs) serving the built site, on a port of the test's choosing, with its own data folder. */
export type NextServer = Awaited<ReturnType<typeof startServer>>;

export { freePort, tempDir };

/** Starts the server entry and waits until it answers (the one helper: scripts/lib/server.mjs). */
export const startNext = (opts: { port: number; env?: Record<string, string>; dataDir?: string; cwd?: string }): Promise<NextServer> => startServer(opts);

/** A valid inquiry as the JSON client sends it (the one fixture, tests/helpers/fixtures.ts), with `overrides`. */
export function sampleInquiry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...validInquiry, ...overrides };
}

/** POSTs JSON to the inquiry route as the site's own page would. */
export function postInquiry(server: Pick<NextServer, "url">, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/inquiries`, {
    method: "POST",
    headers: { origin: server.url, "sec-fetch-site": "same-origin", "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
    redirect: "manual",
  });
}

export async function waitFor<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
