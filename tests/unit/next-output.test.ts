import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { NEXT_DIR, prerenderedDir } from "@/lib/build/next-paths.mjs";
import { buildSteps } from "../../scripts/build/steps.mjs";
import { TSX_SERVER_ARGS } from "../../scripts/lib/bin.mjs";
import { repositoryFiles } from "../helpers/repository";
import {
  VERIFIED_NEXT_VERSION,
  executableInlineScripts,
  externalScripts,
  finishBuild,
  finishedMarker,
  frameworkLeftovers,
  installedNextVersion,
  nextVersionProblem,
  stripFrameworkRuntime,
  varyWithoutRouter,
} from "@/lib/build/next-output";

const root = path.resolve(__dirname, "..", "..");

// Shaped like a page from `next build` (Next.js 16.4, Turbopack): chunk scripts, a nomodule polyfill, a
// script preload, the bootstrap and flight-data inline scripts (whose payload can mention JSON-LD), plus
// the page's own structured data, its stylesheet (and a style preload) and the form module.
const page = [
  '<!DOCTYPE html><html lang="en"><head>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<link rel="preload" href="/font.woff2" as="font" type="font/woff2"/>',
  '<script src="/_next/static/chunks/c.js" async=""></script>',
  '<script src="/_next/static/chunks/legacy.js" noModule=""></script>',
  "<title>What is IOP?</title></head><body><main><h1>What is IOP?</h1>",
  '<script type="application/ld+json">{"@type":"Article","name":"a \\u003c/script> b"}</script>',
  "</main>",
  '<script type="module" src="/assets/inquiry-form.js?v=abc" integrity="sha384-x"></script>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})</script>',
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
  '<script>self.__next_f.push([1,"3:[\\"$\\",\\"script\\",null,{\\"type\\":\\"application/ld+json\\"}]"])</script>',
  '<script type="text/javascript">alert(1)</script>',
  '<script type="module">import("/x.js")</script>',
  "</body></html>",
].join("");

describe("stripFrameworkRuntime", () => {
  const out = stripFrameworkRuntime(page);

  it("removes every framework script, inline or external, and the hints to preload them", () => {
    expect(executableInlineScripts(out)).toEqual([]);
    expect(externalScripts(out)).toEqual(["/assets/inquiry-form.js?v=abc"]);
    expect(out).not.toContain("__next_f");
    expect(out).not.toContain("TURBOPACK");
    expect(out).not.toContain('as="script"');
    expect(out).not.toContain("alert(1)");
  });

  it("keeps the content, the stylesheet, other preloads, structured data and the site's own module", () => {
    for (const kept of [
      "<h1>What is IOP?</h1>",
      '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
      '<link rel="preload" href="/font.woff2" as="font" type="font/woff2"/>',
      '<script type="application/ld+json">{"@type":"Article","name":"a \\u003c/script> b"}</script>',
      '<script type="module" src="/assets/inquiry-form.js?v=abc" integrity="sha384-x"></script>',
    ])
      expect(out).toContain(kept);
  });

  it("drops the site's own module too when asked (a page served under a script-free policy)", () => {
    const bare = stripFrameworkRuntime(page, { keepOwn: false });
    expect(externalScripts(bare)).toEqual([]);
    expect(bare).toContain('type="application/ld+json"');
  });

  it("changes nothing in a page that has no scripts", () => {
    const plain = "<!DOCTYPE html><html><head><title>x</title></head><body><p>Hi</p></body></html>";
    expect(stripFrameworkRuntime(plain)).toBe(plain);
  });
});

describe("executableInlineScripts", () => {
  it("counts scripts a browser would run and skips data blocks and external scripts", () => {
    expect(executableInlineScripts(page)).toHaveLength(5);
    expect(executableInlineScripts('<script type="application/json">{}</script><script src="/a.js"></script>')).toEqual([]);
  });
});

describe("the parser, where patterns went wrong", () => {
  it('ends a script where a browser does, not at a "</script>" inside a comment or string of another element', () => {
    const html = '<p title="<script>x</script>">a</p><!-- <script src="/_next/c.js"></script> --><script src="/_next/d.js"></script><p>b</p>';
    expect(externalScripts(html)).toEqual(["/_next/d.js"]);
    expect(stripFrameworkRuntime(html)).toBe('<p title="<script>x</script>">a</p><!-- <script src="/_next/c.js"></script> --><p>b</p>');
  });

  it("reads attributes in any quoting and case, and rel as a list of tokens", () => {
    const html =
      "<SCRIPT SRC='/_next/a.js' async></SCRIPT><script src=/_next/b.js></script><link rel='Preload' as=SCRIPT href=/x.js><link rel=\"stylesheet modulepreload\" href=/y.js>";
    expect(externalScripts(html)).toEqual(["/_next/a.js", "/_next/b.js"]);
    expect(frameworkLeftovers(html)).toHaveLength(4);
    expect(stripFrameworkRuntime(html)).toBe("");
  });

  it("treats import maps and speculation rules as scripts, JSON-LD with a parameter or odd case as data", () => {
    const html = '<script type="importmap">{}</script><script type="speculationrules">{}</script><script type="Application/LD+JSON; charset=utf-8">{}</script>';
    expect(executableInlineScripts(html)).toHaveLength(2);
    expect(stripFrameworkRuntime(html)).toBe('<script type="Application/LD+JSON; charset=utf-8">{}</script>');
  });

  it("finds scripts inside a <template>, which run once it is cloned into the page", () => {
    expect(executableInlineScripts("<template><script>go()</script></template>")).toEqual(["go()"]);
    expect(stripFrameworkRuntime("<template><b>x</b><script>go()</script></template>")).toBe("<template><b>x</b></template>");
  });

  it("keeps every byte it does not remove (no re-serialisation: self-closing marks, entities and attribute order stay)", () => {
    const html =
      '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title>A &amp; B</title></head><body><p data-x=\'1\' id=p>caf&eacute;<br/></p><script>x()</script></body></html>';
    expect(stripFrameworkRuntime(html)).toBe(html.replace("<script>x()</script>", ""));
  });
});

describe("the version guard", () => {
  it("passes the verified version and names what to re-verify for any other", () => {
    expect(nextVersionProblem(VERIFIED_NEXT_VERSION)).toBeUndefined();
    const problem = nextVersionProblem("16.5.0")!;
    expect(problem).toContain(`verified against next ${VERIFIED_NEXT_VERSION}`);
    expect(problem).toMatch(/route cache/);
    expect(problem).toMatch(/docs\/decisions\/0002-no-client-runtime\.md/);
  });

  /** A project as `next build` leaves it, with `version` of next installed: one prerendered page that carries a script. */
  function builtProject(version: string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-finish-build-"));
    fs.mkdirSync(path.join(dir, "node_modules", "next"), { recursive: true });
    fs.writeFileSync(path.join(dir, "node_modules", "next", "package.json"), JSON.stringify({ name: "next", version }));
    fs.mkdirSync(prerenderedDir(dir), { recursive: true });
    const notFound = path.join(prerenderedDir(dir), "_not-found.html");
    fs.writeFileSync(notFound, page);
    return { dir, notFound };
  }

  it("stops the build's last step on another next version: it names what to re-verify, rewrites no page, writes no marker", () => {
    const { dir, notFound } = builtProject("16.5.0");
    try {
      expect(() => finishBuild(dir)).toThrow(
        /^next 16\.5\.0 is installed, but .* verified against next [\d.]+\.\nRead Next\.js's source at the new version and re-verify:/,
      );
      expect(fs.readFileSync(notFound, "utf8")).toBe(page);
      expect(fs.existsSync(finishedMarker(dir))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finishes the same build when the installed next is the verified one", () => {
    const { dir, notFound } = builtProject(VERIFIED_NEXT_VERSION);
    try {
      expect(finishBuild(dir).pages).toBe(1);
      expect(frameworkLeftovers(fs.readFileSync(notFound, "utf8"))).toEqual([]);
      expect(fs.existsSync(finishedMarker(dir))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is the build's first step too, before `next build`, so a new version fails in a second", () => {
    const titles = buildSteps.map(([title]) => title);
    expect(titles.indexOf("Next.js version")).toBe(0);
    expect(titles.indexOf("next build")).toBeGreaterThan(0);
    const check = (dir: string) =>
      spawnSync(process.execPath, [...TSX_SERVER_ARGS, "scripts/build/finish-build.ts", "--check-version", "--root", dir], { cwd: root, encoding: "utf8" });
    const other = builtProject("16.5.0");
    const verified = builtProject(VERIFIED_NEXT_VERSION);
    try {
      const stopped = check(other.dir);
      expect(stopped.status, stopped.stderr).toBe(1);
      expect(stopped.stderr).toContain("finish-build: next 16.5.0 is installed");
      expect(stopped.stderr).toContain("docs/decisions/0002-no-client-runtime.md");
      expect(fs.readFileSync(other.notFound, "utf8")).toBe(page);
      const passed = check(verified.dir);
      expect(passed.status, passed.stderr).toBe(0);
      expect(fs.existsSync(finishedMarker(verified.dir))).toBe(false);
    } finally {
      for (const d of [other.dir, verified.dir]) fs.rmSync(d, { recursive: true, force: true });
    }
  });

  it("the installed next is the verified one (else the build stops; raise the constant only after re-verifying)", () => {
    expect(installedNextVersion(root)).toBe(VERIFIED_NEXT_VERSION);
    expect(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).dependencies.next).toBe(VERIFIED_NEXT_VERSION);
  });
});

describe("varyWithoutRouter", () => {
  it("drops the client router's request headers from Vary and keeps the rest", () => {
    expect(varyWithoutRouter("rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding")).toBe("Accept-Encoding");
    expect(varyWithoutRouter("RSC, Next-URL")).toBeUndefined();
    expect(varyWithoutRouter("Accept")).toBe("Accept");
  });
});

describe("one place spells where Next's build output is", () => {
  /** Files allowed to: the paths module, the output module, and a tool's ignore glob (it reads nothing there). */
  const SPELLERS = new Set(["lib/build/next-paths.mjs", "lib/build/next-output.ts", "eslint.config.mjs"]);
  const escaped = NEXT_DIR.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // The folder's name not glued to a word before it ("_next/static" is a URL, "a.next" a property) and ending a path part.
  const insideOutput = new RegExp(`(?<![\\w$])${escaped}(?:[/\\\\]|$)`);

  /** "file:line: literal" for every string, template part or pattern in a source that names the folder or a path in it. */
  function spelledPaths(file: string, source: string): string[] {
    const sf = ts.createSourceFile(
      file,
      source,
      ts.ScriptTarget.Latest,
      true,
      file.endsWith(".tsx") ? ts.ScriptKind.TSX : file.endsWith("js") ? ts.ScriptKind.JS : ts.ScriptKind.TS,
    );
    const out: string[] = [];
    const visit = (node: ts.Node) => {
      // A pattern's text with its escapes undone (/\.x\// reads as ".x/"); strings and template parts as their value.
      const text = ts.isRegularExpressionLiteral(node)
        ? node.text.replace(/\\(.)/g, "$1")
        : ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)
          ? node.text
          : undefined;
      if (text !== undefined && insideOutput.test(text))
        out.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}: ${node.getText(sf)}`);
      ts.forEachChild(node, visit);
    };
    visit(sf);
    return out;
  }

  it("finds the folder named in strings, templates and patterns, and not in comments or URLs", () => {
    const source = [
      `const a = path.join(root, "${NEXT_DIR}", "BUILD_ID");`,
      `const b = \`\${root}/${NEXT_DIR}/finished\`;`,
      `const c = /ENOENT.*\\${NEXT_DIR}\\//;`,
      `// ${NEXT_DIR}/server/app is where pages are`,
      'const d = "/_next/static/chunks/a.js";',
    ].join("\n");
    expect(spelledPaths("x.ts", source).map((s) => s.split(":").slice(0, 2).join(":"))).toEqual(["x.ts:1", "x.ts:2", "x.ts:3"]);
  });

  it("the paths module's declarations (for the site's type check, which reads no JavaScript) match what it exports", async () => {
    const declared = [...fs.readFileSync(path.join(root, "lib", "build", "next-paths.d.mts"), "utf8").matchAll(/^export declare const (\w+)/gm)].map(
      (m) => m[1],
    );
    expect(declared.sort()).toEqual(Object.keys(await import("@/lib/build/next-paths.mjs")).sort());
  });

  it("no other file spells a path into the build output: they use lib/build/next-paths.mjs", () => {
    const files = repositoryFiles(/\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/).filter((f) => !SPELLERS.has(f));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((f) => spelledPaths(f, fs.readFileSync(path.join(root, f), "utf8")))).toEqual([]);
  });
});
