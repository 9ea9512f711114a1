import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { nextFilesForServer } from "@/lib/build/next-output";
import { NEXT_DIR, buildIdFile, nextDir } from "@/lib/build/next-paths.mjs";
import { startNext, type NextServer } from "./next-server";

/**
 * startNext, but patient with a build that is being redone (other work on this checkout may run `next build`,
 * which empties .next until it finishes): waits for a finished build, starts, and starts again if a build
 * pulled files away from the starting server.
 */
const root = path.resolve(__dirname, "..", "..");
const buildId = buildIdFile(root);

async function waitForBuild(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let seen = 0;
  while (Date.now() < deadline) {
    if (fs.existsSync(buildId)) {
      // Present twice in a row, half a second apart: not a build that is just about to remove it again.
      if (++seen >= 2) return;
    } else seen = 0;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Build the site first (npm run build): ${path.relative(root, buildId)} is missing.`);
}

/** The server failed because the build was missing, or a file of the build vanished under it (ENOENT …/.next/…). */
const buildPulledAway = (message: string) =>
  message.includes("Build the site first") || message.split("\n").some((line) => /ENOENT/.test(line) && line.includes(`${NEXT_DIR}/`, line.indexOf("ENOENT")));

export async function startBuiltNext(opts: Parameters<typeof startNext>[0]): Promise<NextServer> {
  for (let attempt = 1; ; attempt++) {
    await waitForBuild(110_000);
    try {
      return await startNext(opts);
    } catch (err) {
      // A build that started meanwhile empties .next under the starting server: wait for it, then try again.
      if (attempt >= 5 || !buildPulledAway(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 3_000));
    }
  }
}

/**
 * A private copy of the finished build in a new temporary folder, for a server that must meet the pages as the build left
 * them, whatever servers on this checkout have served: the server entry takes its working directory as the project
 * (.next/, content/, public/; server/site-server.ts), so one started there serves the copy. The copy holds what a server
 * needs of .next/ (nextFilesForServer: no route cache); the rest is linked (directories) or copied (the config).
 */
export async function privateBuild(): Promise<{ dir: string; remove: () => void }> {
  await waitForBuild(110_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-private-build-"));
  for (const rel of nextFilesForServer(root)) {
    const to = path.join(nextDir(dir), rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(nextDir(root), rel), to);
  }
  // A junction on Windows, where a directory link needs no privilege; "junction" is ignored elsewhere.
  for (const d of ["dist", "content", "public", "lib", "node_modules"]) fs.symlinkSync(path.join(root, d), path.join(dir, d), "junction");
  for (const f of ["next.config.ts", "package.json"]) fs.copyFileSync(path.join(root, f), path.join(dir, f));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
