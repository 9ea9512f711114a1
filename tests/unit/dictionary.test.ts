import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Dictionary } from "@/lib/i18n/dictionary";
import { en } from "@/lib/i18n/en";
import { locales } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { repositoryFiles } from "../helpers/repository";

describe("one dictionary per locale", () => {
  it("every locale has a dictionary", () => {
    for (const locale of locales) expect(strings(locale)).toBeTypeOf("object");
  });

  it("the Dictionary type takes other words but not a missing key or a different signature (checked by tsc)", () => {
    // Another language's words fit: the type is English's shape with its strings widened.
    const other: Dictionary = { ...en, notFound: { title: "No encontramos esa página", body: "Estas páginas pueden ayudar:" } };
    // @ts-expect-error a section without one of its keys is not a dictionary
    const missing: Dictionary = { ...en, notFound: { title: "No encontramos esa página" } };
    // @ts-expect-error a sentence with config values stays a function with the same parameters
    const wrongSignature: Dictionary = { ...en, inquiry: { ...en.inquiry, privacy: "Guardamos su consulta 30 días." } };
    expect([other, missing, wrongSignature]).toHaveLength(3);
  });

  it("has no empty strings", () => {
    const empty: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v === "string") {
        if (v.trim() === "") empty.push(path);
      } else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    for (const locale of locales) walk(strings(locale), locale);
    expect(empty).toEqual([]);
  });

  it("spells the English words the US way ('license', not 'licence')", () => {
    const british: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v === "string") {
        if (/licence/i.test(v)) british.push(path);
      } else if (typeof v === "function") {
        // A sentence built from config values: its words are in its source.
        if (/licence/i.test(v.toString())) british.push(path);
      } else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(en, "en");
    expect(british).toEqual([]);
  });
});

describe("US spelling in the repository's own text", () => {
  it("spells 'license' the US way in code, comments and docs (publishers' quotes and the checks for the other spelling aside)", () => {
    const root = path.resolve(__dirname, "..", "..");
    // Built from parts, so this test's own source does not contain the word it looks for.
    const british = new RegExp(["lic", "ence"].join(""), "i");
    // The two checks that look for the British spelling on purpose name it.
    const searchesForIt = new Set(["tests/unit/dictionary.test.ts", "tests/e2e/accessibility-details.spec.ts"]);
    const found: string[] = [];
    for (const rel of repositoryFiles(/\.(ts|tsx|mts|mjs|js|md|mdx|json|css)$/)) {
      if (rel === "package-lock.json" || searchesForIt.has(rel)) continue;
      fs.readFileSync(path.join(root, rel), "utf8")
        .split("\n")
        .forEach((line, i) => british.test(line) && found.push(`${rel}:${i + 1}`));
    }
    expect(found).toEqual([]);
  });
});
