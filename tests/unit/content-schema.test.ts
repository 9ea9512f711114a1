import { describe, expect, it } from "vitest";
import { parseArticle, ContentError } from "@/lib/content/load";

const valid = `---
title: "What is an intensive outpatient program?"
description: "A plain-language description that is long enough to pass the fifty character minimum."
summary: "A short summary that is long enough for the schema to accept it."
category: basics
published: "2026-11-01"
updated: "2026-11-27"
lastReviewed: "2026-11-27"
related: []
references:
  - title: "Substance Abuse Intensive Outpatient Programs: Assessing the Evidence"
    publisher: "Psychiatric Services"
    year: 2014
    url: "https://pmc.ncbi.nlm.nih.gov/articles/PMC4152944/"
  - title: "Clinical Issues in Intensive Outpatient Treatment (TIP 47)"
    publisher: "SAMHSA"
    year: 2006
    url: "https://www.ncbi.nlm.nih.gov/books/NBK64093/"
---

## First heading

Some words here.
`;

describe("article frontmatter schema", () => {
  it("accepts a valid article and derives its slug, contents and reading time", () => {
    const a = parseArticle(valid, "content/en/articles/what-is-iop.mdx", "en");
    expect(a.slug).toBe("what-is-iop");
    expect(a.toc).toEqual([{ depth: 2, text: "First heading", id: "first-heading" }]);
    expect(a.readingMinutes).toBe(1);
    expect(a.kind).toBe("article");
  });

  it("names the file and the field when a field is missing", () => {
    const src = valid.replace(/^description:.*\n/m, "");
    expect(() => parseArticle(src, "content/en/articles/x.mdx", "en")).toThrow(ContentError);
    expect(() => parseArticle(src, "content/en/articles/x.mdx", "en")).toThrow(/content\/en\/articles\/x\.mdx[\s\S]*description/);
  });

  it("rejects fewer than two references", () => {
    const src = valid.replace(/  - title: "Clinical[\s\S]*?NBK64093\/"\n/, "");
    expect(() => parseArticle(src, "a.mdx", "en")).toThrow(/references: needs at least two references/);
  });
});
