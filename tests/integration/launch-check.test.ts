import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { launchFindings } from "@/lib/launch/check";

const root = path.resolve(__dirname, "..", "..");

describe("npm run launch-check", () => {
  it("lists every placeholder of the shipped demo, one per line, and exits 1", () => {
    const r = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/operations/launch-check.ts"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    const findings = launchFindings(new Date());
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(r.stdout).toContain(`${f.where}: ${f.what}\n`);
    expect(r.stdout).toContain(`launch-check: ${findings.length} placeholders left.`);
  });
});
