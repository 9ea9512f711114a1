import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { Nodes } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { Lexer } from "yaml";
import { describe, expect, it } from "vitest";
import { repositoryFiles } from "../helpers/repository";

/**
 * A comment says why the code is as it is, in words that stay true: a tracker item's number, or what "the issue" asked,
 * means nothing to the next reader, who has the code and not the tracker. Every comment in the repository's code, styles and MDX is read
 * (with the TypeScript scanner, the MDX syntax tree and the YAML lexer, so strings and prose are never mistaken for
 * comments) and none may point at a tracker item.
 *
 * Markdown files are not read: the decision records, BENCHMARKS.md and the READMEs are dated records of why and when
 * something changed, and naming the piece of work a decision or a measurement belongs to is what they are for.
 */
const root = path.resolve(__dirname, "..", "..");

/** How a comment points at a tracker item (the first test shows each form). */
const TRACKER_REFERENCES = [
  /\b(?:issues?|tickets?|pull requests?|PRs?)\s*#?\d+/i,
  /\bthe (?:issue|ticket)'s\b/i,
  /\b(?:per|in|by|from|see|under|for) the (?:issue|ticket)\b/i,
];

const CODE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;
const SCANNED = /\.(?:ts|tsx|mts|cts|js|mjs|cjs|css|mdx|sql)$/;

interface Comment {
  /** 1-based line of the comment's first character. */
  line: number;
  text: string;
}

const lineAt = (source: string, offset: number) => source.slice(0, offset).split("\n").length;

/** The comments of a JavaScript or TypeScript source, as the compiler sees them (text inside JSX is not a comment). */
function codeComments(source: string, fileName: string): Comment[] {
  const kind = /\.(?:tsx|jsx)$/.test(fileName) ? ts.ScriptKind.TSX : /\.(?:ts|mts|cts)$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const ranges = new Map<number, ts.CommentRange>();
  const jsxText: [number, number][] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.JsxText) jsxText.push([node.getFullStart(), node.getEnd()]);
    for (const r of [...(ts.getLeadingCommentRanges(source, node.getFullStart()) ?? []), ...(ts.getTrailingCommentRanges(source, node.getEnd()) ?? [])])
      ranges.set(r.pos, r);
    for (const child of node.getChildren(sf)) visit(child);
  };
  visit(sf);
  return [...ranges.values()]
    .filter((r) => !jsxText.some(([start, end]) => r.pos >= start && r.pos < end))
    .sort((a, b) => a.pos - b.pos)
    .map((r) => ({ line: lineAt(source, r.pos), text: source.slice(r.pos, r.end) }));
}

/** The comments of an MDX source: those inside `{…}` expressions and import/export blocks, and YAML comments in the frontmatter. */
function mdxComments(source: string): Comment[] {
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).parse(source);
  const out: Comment[] = [];
  const visit = (node: Nodes) => {
    const start = node.position?.start.offset;
    if (start !== undefined && (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression" || node.type === "mdxjsEsm")) {
      // The expression's source, found where the tree says it is: comments inside keep their line in the file.
      for (const c of codeComments(source.slice(start, node.position!.end.offset), "expression.tsx"))
        out.push({ line: node.position!.start.line + c.line - 1, text: c.text });
    }
    if (node.type === "yaml" && start !== undefined) {
      let offset = source.indexOf(node.value, start);
      for (const token of new Lexer().lex(node.value)) {
        if (token.startsWith("#")) out.push({ line: lineAt(source, offset), text: token });
        offset += token.length;
      }
    }
    if ("children" in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return out;
}

/** `/* … *\/` comments in a stylesheet, `--` comments in SQL. */
function patternComments(source: string, pattern: RegExp): Comment[] {
  return [...source.matchAll(pattern)].map((m) => ({ line: lineAt(source, m.index), text: m[0] }));
}

function commentsOf(file: string, source: string): Comment[] {
  if (CODE.test(file)) return codeComments(source, file);
  if (file.endsWith(".mdx")) return mdxComments(source);
  if (file.endsWith(".css")) return patternComments(source, /\/\*[\s\S]*?\*\//g);
  return patternComments(source, /--[^\n]*/g);
}

const pointsAtTracker = (text: string) => TRACKER_REFERENCES.some((p) => p.test(text));

/** "file:line: text" for each comment line that points at a tracker item (or the comment's first line, when the words span lines). */
function trackerReferences(file: string, source: string): string[] {
  return commentsOf(file, source).flatMap((c) => {
    const lines = c.text.split("\n").flatMap((text, i) => (pointsAtTracker(text) ? [`${file}:${c.line + i}: ${text.trim()}`] : []));
    if (lines.length === 0 && pointsAtTracker(c.text.replace(/\s*\n\s*\*?/g, " "))) lines.push(`${file}:${c.line}: ${c.text.split("\n")[0].trim()} …`);
    return lines;
  });
}

describe("no comment points at a tracker item", () => {
  it("finds references in every kind of comment and nothing in strings, JSX text or frontmatter values", () => {
    const tsx = [
      "// Why: see issue 6.",
      "/** Under the issue's ceiling. */",
      'const a = "issue 6";',
      "const b = <p>// issue 7 is text here</p>;",
      "const c = <p>{/* as asked in the issue */}</p>; // fine: says why",
      "/** The issue codes zod gives for an input. */",
    ].join("\n");
    expect(trackerReferences("x.tsx", tsx)).toEqual([
      "x.tsx:1: // Why: see issue 6.",
      "x.tsx:2: /** Under the issue's ceiling. */",
      "x.tsx:5: /* as asked in the issue */",
    ]);
    expect(trackerReferences("x.css", "a { color: red; }\n/* Issue #12: contrast */\n.b { content: 'issue 3'; }")).toEqual([
      "x.css:2: /* Issue #12: contrast */",
    ]);
    const mdx = ['---\ntitle: "Advisory, Volume 9, Issue 1"\n# from issue 15\n---', "", "Text about issue 4 in prose.", "", "{/* PR 9 moved this */}"].join(
      "\n",
    );
    expect(trackerReferences("a.mdx", mdx)).toEqual(["a.mdx:3: # from issue 15", "a.mdx:8: /* PR 9 moved this */"]);
    expect(trackerReferences("s.sql", "-- ticket 3\nSELECT 'issue 4';")).toEqual(["s.sql:1: -- ticket 3"]);
    expect(trackerReferences("y.ts", "const y = 1;\n/**\n * Reads the file.\n * Kept for issue 9.\n */\n/* Split across lines: see issue\n   12. */")).toEqual([
      "y.ts:4: * Kept for issue 9.",
      "y.ts:6: /* Split across lines: see issue …",
    ]);
  });

  it("in the repository's code, styles, MDX and SQL", () => {
    const files = repositoryFiles(SCANNED);
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain("tests/unit/tracker-references.test.ts");
    expect(files.flatMap((f) => trackerReferences(f, fs.readFileSync(path.join(root, f), "utf8")))).toEqual([]);
  });
});
