import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { crisisLines } from "@/lib/site/crisis";

/**
 * Crisis numbers, keywords and URLs live in lib/site/crisis.ts alone. This reads every string, template and JSX text
 * of the site's source (components/, server/, app/, lib/) with the TypeScript parser, so comments may name a line
 * while code may not restate its number.
 */
const root = path.resolve(__dirname, "../..");
const FOLDERS = ["components", "server", "app", "lib"];
const HOME = path.join("lib", "site", "crisis.ts");

/** What a restated crisis line looks like in source text. */
const LITERALS: { what: string; pattern: RegExp }[] = [
  { what: "911 or 988 as a number", pattern: /(?<![\w#.-])(?:911|988)(?![\w-])/ },
  { what: "a 988 Lifeline URL", pattern: /988lifeline\.org/i },
  { what: "a Veterans Crisis Line URL", pattern: /veteranscrisisline\.net/i },
  { what: "the Veterans Crisis Line text number", pattern: /838255/ },
  { what: "988's Spanish text keyword", pattern: /\bAYUDA\b/ },
  { what: "the SAMHSA helpline", pattern: /1?-?800-?662-?(?:4357|HELP)|662-?4357/i },
  { what: "the SAMHSA TTY", pattern: /487-?4889/ },
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|mjs)$/.test(e.name) ? [full] : [];
  });
}

/** Every piece of literal text in a file (strings, template parts, JSX text, numbers) with its line. */
function literalTexts(file: string): { line: number; text: string }[] {
  const text = fs.readFileSync(file, "utf8");
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const out: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node) ||
      ts.isNumericLiteral(node)
    ) {
      out.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    }
    node.forEachChild(visit);
  };
  visit(source);
  return out;
}

describe("crisis numbers come from lib/site/crisis.ts alone", () => {
  it("the patterns recognise every line the module holds (so the scan below can see a copy of one)", () => {
    const values = [
      crisisLines.emergency.tel,
      crisisLines.lifeline.tel,
      crisisLines.lifeline.chatUrl,
      crisisLines.lifeline.spanish.textKeyword,
      crisisLines.veterans.sms,
      crisisLines.samhsa.display,
      crisisLines.samhsa.ttyDisplay,
    ];
    for (const v of values)
      expect(
        LITERALS.some((l) => l.pattern.test(v)),
        v,
      ).toBe(true);
    // And not what merely looks like one: a colour, a longer number, a word.
    for (const v of ["#911", "9110", "2988", "ayudante", "page 1988"])
      expect(
        LITERALS.some((l) => l.pattern.test(v)),
        v,
      ).toBe(false);
  });

  it("no component, page, server or library file restates one", () => {
    const found: string[] = [];
    for (const folder of FOLDERS) {
      for (const file of sourceFiles(path.join(root, folder))) {
        const rel = path.relative(root, file);
        if (rel === HOME) continue;
        for (const { line, text } of literalTexts(file)) {
          for (const { what, pattern } of LITERALS) if (pattern.test(text)) found.push(`${rel}:${line}: ${what} in ${JSON.stringify(text)}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
