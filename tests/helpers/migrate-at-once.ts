import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { TSX_SERVER_ARGS } from "../../scripts/lib/bin.mjs";

const root = path.resolve(__dirname, "..", "..");

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `count` processes that each migrate the store (tests/helpers/migrate-child.ts with DATA_DIR `dir` and the given
 * environment), waits until all are ready, releases them together through a file, and returns how each ended. The
 * migrations then race for real, whichever engine the environment selects.
 */
export async function migrateAtOnce(dir: string, env: NodeJS.ProcessEnv = process.env, count = 4): Promise<ChildResult[]> {
  const goFile = path.join(dir, "go");
  const children = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, [...TSX_SERVER_ARGS, "tests/helpers/migrate-child.ts", dir, goFile], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const ready = new Promise<void>((resolve) =>
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes("ready")) resolve();
      }),
    );
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<ChildResult>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
    return { ready, done };
  });
  await Promise.all(children.map((c) => c.ready));
  fs.writeFileSync(goFile, "");
  return Promise.all(children.map((c) => c.done));
}

/** Each child's last line: the versions it migrated from and to. */
export const migrationOutcomes = (results: ChildResult[]) =>
  results.map((r) => JSON.parse(r.stdout.split("\n").filter(Boolean).at(-1)!) as { from: number; to: number });
