import { defineConfig } from "@playwright/test";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { chromiumLaunchOptions } from "./scripts/lib/chromium.mjs";

/**
 * End-to-end tests run against the server entry serving the built site, in the Chromium scripts/lib/chromium.mjs chooses:
 * CHROMIUM_PATH, the system's (Debian) chromium, or Playwright's own (`npm test` installs whichever is missing).
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4397);
export const E2E_ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
/**
 * The server's data folder. Set once in the runner and inherited by the workers (which load this file again), so a
 * spec can read the server's database: process.env.E2E_DATA_DIR (see tests/e2e/security.spec.ts).
 */
const dataDir = (process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "iop-e2e-")));

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PW_JSON ? [["list"], ["json", { outputFile: process.env.PW_JSON }]] : "list",
  use: {
    baseURL: E2E_ORIGIN,
    // The one launch configuration (scripts/lib/chromium.mjs): which browser, and its switches.
    launchOptions: chromiumLaunchOptions(__dirname),
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The one server entry, as `npm start` runs it.
    command: "node dist/server/main.mjs",
    url: `${E2E_ORIGIN}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      SITE_ORIGIN: E2E_ORIGIN,
      PORT: String(E2E_PORT),
      HOST: "127.0.0.1",
      // Generous limit: the suite submits the form several times from one address.
      RATE_LIMIT_MAX: "100",
      // The self-check as it will be once the USAUDIT's licence is confirmed (loopback only; tests/e2e/self-check.spec.ts).
      SELF_CHECK_PREVIEW: "1",
    },
  },
});
