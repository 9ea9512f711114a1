import fs from "node:fs";
import path from "node:path";
import { startNext, type NextServer } from "./next-server";

/**
 * startNext, but patient with a build that is being redone (other work on this checkout may run `next build`,
 * which empties .next until it finishes): waits for a finished build, starts, and starts again if a build
 * pulled files away from the starting server.
 */
const buildId = path.resolve(__dirname, "..", "..", ".next", "BUILD_ID");

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
  throw new Error("Build the site first (npm run build): .next/BUILD_ID is missing.");
}

export async function startBuiltNext(opts: Parameters<typeof startNext>[0]): Promise<NextServer> {
  for (let attempt = 1; ; attempt++) {
    await waitForBuild(110_000);
    try {
      return await startNext(opts);
    } catch (err) {
      // A build that started meanwhile empties .next under the starting server: wait for it, then try again.
      if (attempt >= 5 || !/Build the site first|ENOENT[^\n]*\.next\//.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 3_000));
    }
  }
}
