import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { checkInquiry, fromFormFields } from "@/lib/inquiries/schema";
import { validInquiry, validInquiryForm } from "../helpers/fixtures";
import { repositoryFiles } from "../helpers/repository";

/**
 * One valid inquiry (tests/helpers/fixtures.ts) that every test and benchmark starts from, so a change to the schema's
 * required fields is made once. A copy is an object literal that spells most of the fixture's fields with the
 * fixture's own values (as JSON, or as form fields: a ticked box "yes" or "on"); inquiries built to differ (every field
 * set, every field wrong) share too few values to count.
 */
const root = path.resolve(__dirname, "..", "..");
const FIXTURES = "tests/helpers/fixtures.ts";
/** Of the fixture's nine fields, this many spelled with its values make a copy. */
const COPY_AT = 6;

function sameValue(name: string, node: ts.Expression): boolean {
  const expected = validInquiry[name as keyof typeof validInquiry];
  if (expected === undefined) return false;
  if (node.kind === ts.SyntaxKind.TrueKeyword) return expected === true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return expected === false;
  if (!ts.isStringLiteralLike(node)) return false;
  return expected === true ? ["yes", "on"].includes(node.text) : node.text === String(expected);
}

/** "file:line" of each object literal that copies the valid inquiry. */
function copiesIn(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : undefined);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const same = node.properties.filter(
        (p) => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && sameValue(p.name.text, p.initializer),
      );
      if (same.length >= COPY_AT) out.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe("one valid inquiry", () => {
  it("is valid, in both forms the site receives", () => {
    expect(checkInquiry(validInquiry)).toEqual({ ok: true, inquiry: validInquiry });
    // As the form posts it: read back as the server reads a form, it is the same inquiry.
    const form = validInquiryForm();
    expect(checkInquiry(fromFormFields((name) => form[name] ?? null))).toEqual({ ok: true, inquiry: validInquiry });
    expect(Object.values(form).every((v) => typeof v === "string")).toBe(true);
    expect(form).not.toHaveProperty("voicemailOk");
    expect(validInquiryForm({ name: "Bo", textOk: "yes" })).toMatchObject({ name: "Bo", textOk: "yes", consent: "yes" });
  });

  it("finds a copy, as JSON or as form fields, and not an inquiry built to differ", () => {
    const source = [
      'const a = { role: "self", name: "Mallory", phone: "555-010-0199", contactMethod: "phone", bestTime: "any", voicemailOk: false, textOk: false, language: "en", consent: true };',
      'const b = { role: "self", name: "Ann", phone: "555-010-0100", contactMethod: "phone", bestTime: "any", language: "en", consent: "on" };',
      'const c = { ...validInquiry, name: "Mallory", phone: "555-010-0199" };',
      'const d = { role: "professional", name: "Jo", phone: "555-010-0142", contactMethod: "email", bestTime: "evening", voicemailOk: true, textOk: false, language: "es", consent: true };',
    ].join("\n");
    expect(copiesIn("x.ts", source)).toEqual(["x.ts:1", "x.ts:2"]);
  });

  it("is spelled once: every other test and script builds from tests/helpers/fixtures.ts", () => {
    const files = repositoryFiles(/^(?:tests|scripts)\/.*\.(?:ts|tsx|mts|mjs)$/).filter((f) => f !== FIXTURES);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => copiesIn(f, fs.readFileSync(path.join(root, f), "utf8")))).toEqual([]);
  });
});
