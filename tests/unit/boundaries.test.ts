import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The site's layers, read from its imports (type-only imports included, as TypeScript resolves them with the
 * repository's tsconfig): lib/ is used by components/ and app/ and never uses them; content/ is words and the center's
 * facts; no cycle anywhere among them and server/; and the one browser module reaches no module marked server-only.
 */
const root = path.resolve(__dirname, "..", "..");
const LAYERS = ["app", "components", "content", "lib", "server"];
/** The browser module's entry per locale (scripts/build/build-client.mjs). */
const BROWSER_ENTRIES = ["components/inquiry/inquiry-form.en.ts", "components/inquiry/inquiry-form.es.ts"];

const config = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile).config, ts.sys, root);

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
  });
}

const files = [...LAYERS.flatMap(sources), "mdx-components.tsx"];
/** file → the project files it imports; and the files that import "server-only". */
const graph = new Map<string, string[]>();
const serverOnly = new Set<string>();
for (const file of files) {
  const abs = path.join(root, file);
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(abs, "utf8"), true, true);
  const deps: string[] = [];
  for (const { fileName } of importedFiles) {
    if (fileName === "server-only") serverOnly.add(file);
    const resolved = ts.resolveModuleName(fileName, abs, config.options, ts.sys).resolvedModule?.resolvedFileName;
    if (!resolved || resolved.includes(`${path.sep}node_modules${path.sep}`)) continue;
    const rel = path.relative(root, resolved).split(path.sep).join("/");
    if (graph.has(rel) || files.includes(rel)) deps.push(rel);
  }
  graph.set(file, deps);
}

/** Every cycle, once each (Tarjan's strongly connected components of more than one file, or a file importing itself). */
function cycles(): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const layerOf = (file: string) => file.split("/")[0];
const importsInto = (from: string, into: string[]) =>
  [...graph].flatMap(([file, deps]) => (layerOf(file) === from ? deps.filter((d) => into.includes(layerOf(d))).map((d) => `${file} → ${d}`) : []));

describe("boundaries between app/, components/, content/, lib/ and server/", () => {
  it("reads the whole tree", () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get("server/site-server.ts")).toContain("lib/env.ts");
  });

  it("has no import cycle", () => {
    expect(cycles()).toEqual([]);
  });

  it("lib/ imports nothing from components/, app/ or server/; components/ nothing from app/ or server/", () => {
    expect(importsInto("lib", ["components", "app", "server"])).toEqual([]);
    expect(importsInto("components", ["app", "server"])).toEqual([]);
  });

  it("content/ (words and the center's facts) imports nothing from components/, app/ or server/", () => {
    expect(importsInto("content", ["components", "app", "server"])).toEqual([]);
  });

  it.each(BROWSER_ENTRIES)("the browser module %s reaches no module marked server-only (the build refuses it too)", (entry) => {
    const reached = new Set<string>();
    const walk = (f: string) => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const d of graph.get(f) ?? []) walk(d);
    };
    walk(entry);
    expect(reached.size).toBeGreaterThan(3);
    expect([...reached].filter((f) => serverOnly.has(f))).toEqual([]);
  });

  it("marks the modules that hold secrets, reach the store or send mail as server-only", () => {
    for (const f of ["lib/env.ts", "lib/inquiries/crypto.ts", "lib/inquiries/mail.ts", "lib/inquiries/store/open.ts", "server/site-server.ts"])
      expect(serverOnly.has(f), f).toBe(true);
  });
});
