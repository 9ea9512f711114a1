import { defineConfig } from "@playwright/test";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { chromiumLaunchOptions } from "./scripts/lib/chromium.mjs";

/**
 * End-to-end tests run against the server entry serving the built site, in the Chromium scripts/lib/chromium.mjs chooses:
 * CHROMIUM_PATH, the system's (Debian) chromium, or Playwright's own (`npm test` installs whichever is missing).
 */
/** `npm test` sets it to two free neighbouring ports; run by hand, pick a free one when something holds 4397 or 4398. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4397);
const origin = (port: number) => `http://127.0.0.1:${port}`;
/**
 * Specs that count what the server stored (its database, its mail folder) get a server of their own on the next port,
 * so the specs running beside them never add an inquiry between their "before" and "after".
 */
const COUNTS_STORED = ["**/security.spec.ts", "**/inquiry-form-es.spec.ts"];
/**
 * Each server's data folder. Made once in the runner and inherited by the workers (which load this file again
 * and keep the same value); a spec reads its own server's from its project's metadata (tests/e2e/helpers.ts).
 */
const dataDir = (process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "iop-e2e-")));
const ownDataDir = (process.env.E2E_OWN_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "iop-e2e-own-")));

/** The one server entry, as `npm start` runs it. */
function server(port: number, dir: string) {
  return {
    command: "node dist/server/main.mjs",
    url: `${origin(port)}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dir,
      SITE_ORIGIN: origin(port),
      PORT: String(port),
      HOST: "127.0.0.1",
      // Generous limit: the suite submits the form several times from one address.
      RATE_LIMIT_MAX: "100",
      // The self-check as it will be once the USAUDIT's license is confirmed (loopback only; tests/e2e/self-check.spec.ts).
      SELF_CHECK_PREVIEW: "1",
    },
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // Two spec files at a time: a page sweep is mostly the browser's work (rendering, axe), about one core each.
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PW_JSON ? [["list"], ["json", { outputFile: process.env.PW_JSON }]] : "list",
  use: {
    // The one launch configuration (scripts/lib/chromium.mjs): which browser, and its switches.
    launchOptions: chromiumLaunchOptions(__dirname),
  },
  projects: [
    {
      name: "chromium",
      testIgnore: COUNTS_STORED,
      use: { browserName: "chromium", baseURL: origin(E2E_PORT) },
      metadata: { dataDir },
    },
    {
      name: "chromium-own-server",
      testMatch: COUNTS_STORED,
      use: { browserName: "chromium", baseURL: origin(E2E_PORT + 1) },
      metadata: { dataDir: ownDataDir },
    },
  ],
  webServer: [server(E2E_PORT, dataDir), server(E2E_PORT + 1, ownDataDir)],
});
