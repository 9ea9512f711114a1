import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..", "..");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/**
 * A copy of the real articles and trust pages in a temporary folder, changed by `edit` (file path → new source). The
 * content step reads content/ from its working directory; the code and the center config come from the repository.
 */
function contentCopy(edit: (read: (file: string) => string) => Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-content-"));
  dirs.push(dir);
  for (const locale of ["en", "es"]) fs.cpSync(path.join(root, "content", locale), path.join(dir, "content", locale), { recursive: true });
  const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");
  for (const [file, source] of Object.entries(edit(read))) fs.writeFileSync(path.join(dir, file), source);
  return dir;
}

/** Runs the build's content step (what `npm run build` runs first) in `cwd`. */
function checkContent(cwd: string) {
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const r = spawnSync(process.execPath, [tsx, "--tsconfig", path.join(root, "tsconfig.json"), path.join(root, "scripts", "build", "check-content.ts")], {
    cwd,
    encoding: "utf8",
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

const ARTICLE = "content/en/articles/iop-research-and-outcomes.mdx";

describe("the build's content step (scripts/build/check-content.ts)", () => {
  it("exits 0 on good content, and a stale review date only warns", () => {
    // This Spanish article names its medicines only in Spanish (buprenorfina, metadona).
    const stale = "content/es/articles/benefits-of-iop.mdx";
    const r = checkContent(contentCopy((read) => ({ [stale]: read(stale).replace(/^lastReviewed: .*$/m, 'lastReviewed: "2020-01-01"') })));
    expect(r.out).toContain("content gates (en): ");
    expect(r.out).toMatch(new RegExp(`warning: ${stale} \\[review\\] lastReviewed 2020-01-01`));
    expect(r.status, r.out).toBe(0);
  });

  it("exits 1 on a banned claim in an article or a trust page, naming each file and the gate", () => {
    const page = "content/es/pages/privacy.mdx";
    const r = checkContent(
      contentCopy((read) => ({
        [ARTICLE]: read(ARTICLE).replace("\n## The short answer\n", "\n## The short answer\n\nWe guarantee recovery.\n"),
        [page]: `${read(page)}\nSu consulta es 100% confidencial.\n`,
      })),
    );
    expect(r.out).toContain(`${ARTICLE} [claims] guarantee:`);
    expect(r.out).toContain(`${page} [claims] hundred-percent:`);
    expect(r.status).toBe(1);
  });

  it("exits 1 on an article whose frontmatter is invalid", () => {
    const r = checkContent(contentCopy((read) => ({ [ARTICLE]: read(ARTICLE).replace(/^category: .*$/m, "category: gossip") })));
    expect(r.out).toContain(`${ARTICLE}: invalid frontmatter`);
    expect(r.status).toBe(1);
  });
});
