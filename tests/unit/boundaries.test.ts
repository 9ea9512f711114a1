import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { clientEntries } from "../../scripts/build/client-entries.mjs";

/**
 * The site's layers, read from its imports (type-only imports included, as TypeScript resolves them with the
 * repository's tsconfig): lib/ is used by components/ and app/ and never uses them; content/ is words and the center's
 * facts; no cycle anywhere among them and server/; every module that loads Node's own modules, a database driver or
 * the mailer is marked server-only, and no browser module reaches one.
 */
const root = path.resolve(__dirname, "..", "..");
const LAYERS = ["app", "components", "content", "lib", "server"];
/** The browser modules' entries, as scripts/build/build-client.mjs builds them. */
const BROWSER_ENTRIES = Object.values(clientEntries);

/** Packages that only run on a server: Node's own modules, the database drivers, the mailer. */
const SERVER_PACKAGES = new Set([...builtinModules, "better-sqlite3", "pg", "nodemailer"]);
const isServerPackage = (specifier: string) => specifier.startsWith("node:") || SERVER_PACKAGES.has(specifier.split("/")[0]);

/** Modules that load a server package and are not marked, each with the reason. */
const UNMARKED = new Map([
  [
    "lib/build/next-paths.mjs",
    "plain JavaScript with Node alone: scripts/build/ensure-tools.mjs loads it before dependencies (the marker among them) are installed",
  ],
]);

const config = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile).config, ts.sys, root);

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.(?:tsx?|mjs)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
  });
}

const files = [...LAYERS.flatMap(sources), "mdx-components.tsx"];
/**
 * The packages a module loads when it runs: imports and re-exports other than `import type`, dynamic imports and
 * require calls (type-only imports are erased; a server package named in one is not loaded).
 */
function runtimeImports(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const typeOnly = (clause: ts.ImportClause | undefined) =>
    !!clause &&
    (clause.isTypeOnly ||
      (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !typeOnly(node.importClause)) out.push(node.moduleSpecifier.text);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly)
      out.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require");
      if (dynamic) out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** file → the project files it imports; the files that import "server-only"; and those that load a server package. */
const graph = new Map<string, string[]>();
const serverOnly = new Set<string>();
const loadsServerPackage = new Map<string, string[]>();
for (const file of files) {
  const abs = path.join(root, file);
  const source = fs.readFileSync(abs, "utf8");
  const packages = runtimeImports(file, source).filter(isServerPackage);
  if (packages.length) loadsServerPackage.set(file, packages);
  const { importedFiles } = ts.preProcessFile(source, true, true);
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

  it("marks every module that loads Node's own modules, a database driver or the mailer as server-only", () => {
    // The rule sees them: the modules that hold secrets, reach the store or send mail are among those it covers.
    for (const f of ["lib/env.ts", "lib/inquiries/crypto.ts", "lib/inquiries/mail.ts", "lib/inquiries/store/sqlite.ts", "server/site-server.ts"])
      expect(loadsServerPackage.has(f), f).toBe(true);
    const unmarked = [...loadsServerPackage].filter(([f]) => !serverOnly.has(f) && !UNMARKED.has(f)).map(([f, pkgs]) => `${f} (${pkgs.join(", ")})`);
    expect(unmarked).toEqual([]);
    // A listed exception that no longer loads a server package, or got the marker, is stale.
    expect([...UNMARKED.keys()].filter((f) => !loadsServerPackage.has(f) || serverOnly.has(f))).toEqual([]);
  });

  it("reads server packages from what runs: a type-only import loads nothing", () => {
    const source = [
      'import type Database from "better-sqlite3";',
      'import { type IncomingMessage } from "node:http";',
      'import { Readable } from "node:stream";',
      'export { x } from "pg";',
      'const m = await import("nodemailer");',
      'const f = require("fs");',
      'import { z } from "zod";',
    ].join("\n");
    expect(runtimeImports("x.ts", source).filter(isServerPackage)).toEqual(["node:stream", "pg", "nodemailer", "fs"]);
  });
});
