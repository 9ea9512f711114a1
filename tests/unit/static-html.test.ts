import { describe, expect, it } from "vitest";
import { executableInlineScripts, externalScripts, stripFrameworkRuntime } from "@/lib/build/static-html";

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
