// @ts-check
// Which Chromium the browser tests run in and how it is launched, decided in one place for `npm test`
// (scripts/test-all.mjs, which also installs it), playwright.config.ts, and the page-weight, Lighthouse and screenshot
// scripts in scripts/bench/ (which launch it):
// 1. CHROMIUM_PATH, when set: any Chromium or Chrome executable.
// 2. Linux with a system /usr/bin/chromium (not Ubuntu's snap shim), or Debian where apt-get can install it (root or
//    sudo): the distribution's Chromium, as CI (Debian, root) has always used. No browser download.
// 3. Everywhere else (macOS, Windows, Ubuntu, other Linux): Playwright's own Chromium, downloaded once by
//    `playwright install chromium` into Playwright's cache (~/.cache/ms-playwright, ~/Library/Caches/ms-playwright,
//    %LOCALAPPDATA%\ms-playwright).
// Only Node built-ins at the top: scripts/test-all.mjs imports this before `npm ci` may have run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const APT_PACKAGES = ["chromium", "fonts-dejavu-core"];

/**
 * @typedef {{ kind: "system", executablePath: string, why: string }
 *   | { kind: "playwright", executablePath: string, why: string }} ChromiumChoice
 * "system": launched with executablePath. "playwright": launched with channel "chromium" (Playwright's full Chromium in
 * its new headless mode, like the system one; no separate headless shell to download); executablePath is where it lives.
 */

/** @returns {Record<string, string>} /etc/os-release as key/value pairs ({} when absent). */
function osRelease() {
  try {
    const text = fs.readFileSync("/etc/os-release", "utf8");
    const pairs = text.split("\n").map((line) => /^([A-Z_]+)=(.*)$/.exec(line));
    return Object.fromEntries(pairs.flatMap((m) => (m ? [[m[1], m[2].replace(/^"|"$/g, "")]] : [])));
  } catch {
    return {};
  }
}

/** Debian itself or a derivative that installs Debian's chromium package; Ubuntu's "chromium" is a snap, so not Ubuntu. */
export function isDebian() {
  const os = osRelease();
  const family = `${os.ID ?? ""} ${os.ID_LIKE ?? ""}`.split(/\s+/);
  return family.includes("debian") && !family.includes("ubuntu");
}

/** @param {string} cmd */
export const onPath = (cmd) => (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, cmd)));
/** Root, or sudo is there to ask (it may prompt for a password, as apt-get would). */
export const canAdminister = () => process.getuid?.() === 0 || onPath("sudo");
/** @param {string} file */
const isSnapShim = (file) => fs.realpathSync(file).startsWith("/snap/");

/**
 * Where `playwright install chromium` puts the browser (whether or not it is there yet). No import.meta here: Playwright
 * compiles this file for its config, and import.meta breaks that.
 * @param {string} root the project folder
 * @returns {string}
 */
function playwrightChromiumPath(root) {
  // Lazily: @playwright/test exists only after `npm ci`.
  const { chromium } = createRequire(path.join(root, "package.json"))("@playwright/test");
  return chromium.executablePath();
}

/**
 * The decision alone: no installing, the same answer every time on one machine (the config is loaded by each worker).
 * @param {string} root the project folder
 */
function chooseChromium(root) {
  /** @type {ChromiumChoice} */
  let choice;
  if (process.env.CHROMIUM_PATH) choice = { kind: "system", executablePath: process.env.CHROMIUM_PATH, why: "CHROMIUM_PATH" };
  else if (process.platform === "linux" && fs.existsSync(SYSTEM_CHROMIUM) && !isSnapShim(SYSTEM_CHROMIUM))
    choice = { kind: "system", executablePath: SYSTEM_CHROMIUM, why: "the system's chromium" };
  else if (process.platform === "linux" && isDebian() && canAdminister())
    choice = { kind: "system", executablePath: SYSTEM_CHROMIUM, why: "Debian's chromium (apt-get)" };
  else choice = { kind: "playwright", executablePath: playwrightChromiumPath(root), why: "Playwright's Chromium" };
  return choice;
}

/**
 * The switches every launch uses: no sandbox or GPU (containers, CI, servers without a display), and none of the
 * browser's own background traffic (updates, sync, QUIC probes), which would add requests to what is measured.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * The one Playwright launch configuration: the chosen browser (a system one by its path; Playwright's own by channel
 * "chromium", the full browser in new headless mode as the system one runs, rather than the separate headless shell)
 * with CHROMIUM_ARGS.
 * @param {string} root the project folder
 * @returns {({ executablePath: string } | { channel: "chromium" }) & { args: string[] }}
 */
export function chromiumLaunchOptions(root) {
  const choice = chooseChromium(root);
  return { ...(choice.kind === "system" ? { executablePath: choice.executablePath } : { channel: "chromium" }), args: CHROMIUM_ARGS };
}

/**
 * The chosen browser's executable, for tools that start it themselves (Lighthouse, with CHROMIUM_ARGS as its flags).
 * @param {string} root the project folder
 */
export function chromiumExecutablePath(root) {
  return chooseChromium(root).executablePath;
}

/** @param {string} cmd @param {string[]} args @param {typeof process.env} [env] */
const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: "inherit", env }).status === 0;

/**
 * Installs Debian packages with apt-get, as root or through sudo; false when that fails. Also used for the Java
 * runtime the HTML checker needs (scripts/lib/java.mjs).
 * @param {string[]} packages
 */
export function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  /** @param {string[]} args */
  const apt = (args) => (process.getuid?.() === 0 ? run("apt-get", args, env) : run("sudo", ["-E", "apt-get", ...args], env));
  return apt(["update", "-qq"]) && apt(["install", "-y", "-qq", "--no-install-recommends", ...packages]);
}

/** What to do by hand when the browser cannot be installed here. */
function howToInstall() {
  return [
    "The browser tests need Chromium. Install one of these, then run `npm test` again:",
    `  - Debian: sudo apt-get install ${APT_PACKAGES.join(" ")}   (as root: without sudo)`,
    "  - any OS: npx playwright install chromium   (on Linux as root: npx playwright install --with-deps chromium)",
    "  - or set CHROMIUM_PATH to a Chromium or Chrome executable you already have.",
  ].join("\n");
}

/**
 * Decides and installs what is missing. Returns the choice, or throws an Error whose message says exactly what to
 * install. Sets CHROMIUM_PATH for a system browser, so the Playwright runner and its workers make the same choice.
 * @param {string} root the project folder (Playwright's CLI lives in its node_modules)
 * @returns {ChromiumChoice}
 */
export function ensureChromium(root) {
  const choice = chooseChromium(root);
  if (choice.kind === "system") {
    if (!fs.existsSync(choice.executablePath)) {
      if (choice.why === "CHROMIUM_PATH") throw new Error(`CHROMIUM_PATH is set to ${choice.executablePath}, which does not exist.\n${howToInstall()}`);
      console.log(`Installing Debian's chromium for the browser tests (apt-get install ${APT_PACKAGES.join(" ")})…`);
      if (!aptInstall(APT_PACKAGES) || !fs.existsSync(choice.executablePath))
        throw new Error(`Could not install Debian's chromium at ${choice.executablePath}.\n${howToInstall()}`);
    }
    process.env.CHROMIUM_PATH = choice.executablePath;
    return choice;
  }
  if (!fs.existsSync(choice.executablePath)) {
    // System libraries too where Playwright knows how (apt-based Linux) and we may install them.
    const withDeps = process.platform === "linux" && onPath("apt-get") && canAdminister() ? ["--with-deps"] : [];
    const args = ["install", ...withDeps, "--no-shell", "chromium"];
    console.log(`Installing Playwright's Chromium into ${choice.executablePath} (playwright ${args.join(" ")})…`);
    const env = { ...process.env };
    delete env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD;
    const cli = createRequire(path.join(root, "package.json")).resolve("@playwright/test/cli");
    if (!run(process.execPath, [cli, ...args], env) || !fs.existsSync(choice.executablePath))
      throw new Error(`Could not install Playwright's Chromium (to ${choice.executablePath}).\n${howToInstall()}`);
  }
  return choice;
}
