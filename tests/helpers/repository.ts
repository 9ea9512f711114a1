import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

/** The repository's files (relative, with "/") whose names match `pattern`: those git tracks and new ones it does not ignore. */
export function repositoryFiles(pattern: RegExp): string[] {
  return execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" })
    .split("\0")
    .filter((f) => pattern.test(f) && !f.split("/").includes("node_modules") && fs.existsSync(path.join(root, f)));
}
