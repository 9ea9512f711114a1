import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle, loadArticles, ContentError } from "@/lib/content/load";

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
    id: psychiatr-serv-2014-substance-abuse-intensive
    language: en
  - title: "Clinical Issues in Intensive Outpatient Treatment (TIP 47)"
    publisher: "SAMHSA"
    year: 2006
    url: "https://www.ncbi.nlm.nih.gov/books/NBK64093/"
    id: samhsa-2006-clinical-issues
    language: en
---

## First heading

Some words here.
`;

const FILE = "content/en/articles/x.mdx";

/** The message parseArticle throws for a source (fails the test if it does not throw a ContentError). */
function errorFor(src: string): string {
  try {
    parseArticle(src, FILE, "en");
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    return (e as Error).message;
  }
  throw new Error("expected parseArticle to throw");
}

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
    const src = valid.replace(/  - title: "Clinical[\s\S]*?language: en\n/, "");
    expect(() => parseArticle(src, "a.mdx", "en")).toThrow(/references: needs at least two references/);
  });

  it("rejects a date not written YYYY-MM-DD, naming the file and the field", () => {
    const msg = errorFor(valid.replace('published: "2026-11-01"', 'published: "11/01/2026"'));
    expect(msg).toContain(FILE);
    expect(msg).toMatch(/^\s+- published: must be a date written YYYY-MM-DD$/m);
  });

  it("rejects an updated date before the published date", () => {
    const msg = errorFor(valid.replace('updated: "2026-11-27"', 'updated: "2026-10-01"'));
    expect(msg).toContain(FILE);
    expect(msg).toMatch(/^\s+- updated: must not be before published$/m);
  });

  it("accepts updated on the same day as published", () => {
    expect(() => parseArticle(valid.replace('updated: "2026-11-27"', 'updated: "2026-11-01"'), FILE, "en")).not.toThrow();
  });

  it("rejects a category outside the list", () => {
    const msg = errorFor(valid.replace("category: basics", "category: news"));
    expect(msg).toContain(FILE);
    expect(msg).toMatch(/^\s+- category: /m);
  });

  it("rejects a reference URL that is not https, naming the reference's index", () => {
    const msg = errorFor(valid.replace("https://www.ncbi.nlm.nih.gov/books/NBK64093/", "http://www.ncbi.nlm.nih.gov/books/NBK64093/"));
    expect(msg).toContain(FILE);
    expect(msg).toMatch(/^\s+- references\.1\.url: must be an https URL$/m);
  });

  it("rejects an unknown extra field (the schema is strict) and names it", () => {
    const msg = errorFor(valid.replace("category: basics", 'category: basics\nauthor: "Someone"'));
    expect(msg).toContain(FILE);
    expect(msg).toMatch(/unrecognized key[\s\S]*"author"/i);
  });

  it("requires each reference's stable id and language, and takes only the site's languages", () => {
    expect(errorFor(valid.replace("    id: samhsa-2006-clinical-issues\n", ""))).toMatch(/^\s+- references\.1\.id: /m);
    expect(errorFor(valid.replace("    id: samhsa-2006-clinical-issues\n", "    id: SAMHSA 2006\n"))).toMatch(
      /^\s+- references\.1\.id: must be a lowercase id/m,
    );
    expect(errorFor(valid.replace("    language: en\n---", "    language: fr\n---"))).toMatch(/^\s+- references\.1\.language: /m);
  });

  it("rejects an unknown field inside a reference", () => {
    const msg = errorFor(valid.replace("    year: 2014\n", '    year: 2014\n    doi: "10.1176/appi.ps.201300249"\n'));
    expect(msg).toMatch(/references\.0: [\s\S]*"doi"/i);
  });

  const reviewers = [{ id: "real-person", name: "Real Person", credentials: "LCSW" }];

  it("names its reviewer by id, and the page gets the name and credentials from the center's list", () => {
    const a = parseArticle(valid.replace("related: []", "related: []\nreviewer: real-person"), FILE, "en", reviewers);
    expect(a.reviewer).toEqual({ name: "Real Person", credentials: "LCSW" });
  });

  it("rejects a reviewer id that is not in the center's list, naming the file and the id", () => {
    expect(() => parseArticle(valid.replace("related: []", "related: []\nreviewer: dr-invented"), FILE, "en", reviewers)).toThrow(
      `${FILE}: reviewer: no clinician with id "dr-invented" in reviewers (content/center.ts)`,
    );
  });

  it("takes a reviewer only for the languages they review in (English unless listed)", () => {
    const spanish = valid.replace("related: []", "related: []\nreviewer: real-person");
    expect(() => parseArticle(spanish, "content/es/articles/x.mdx", "es", reviewers)).toThrow(
      'content/es/articles/x.mdx: reviewer: "real-person" does not review es pages (languages in reviewers, content/center.ts)',
    );
    const bilingual = [{ ...reviewers[0], languages: ["en", "es"] as const }];
    expect(parseArticle(spanish, "content/es/articles/x.mdx", "es", bilingual).reviewer).toEqual({ name: "Real Person", credentials: "LCSW" });
  });

  it("rejects a reviewer written out by hand instead of an id", () => {
    expect(errorFor(valid.replace("related: []", 'related: []\nreviewer: { name: "Dr. Invented", credentials: "MD" }'))).toMatch(/^\s+- reviewer: /m);
    expect(errorFor(valid.replace("related: []", 'related: []\nreviewer: "Dr. Invented, MD"'))).toMatch(/^\s+- reviewer: must be a lowercase slug/m);
  });

  it("rejects a file with no YAML block", () => {
    const msg = errorFor("## Just a heading\n\nNo frontmatter here.\n");
    expect(msg).toBe(`${FILE}: missing YAML frontmatter (the file must start with a --- block)`);
  });

  it("rejects frontmatter that is not valid YAML", () => {
    const msg = errorFor(valid.replace("category: basics", "category: [basics"));
    expect(msg).toMatch(new RegExp(`^${FILE.replace(/[./]/g, "\\$&")}: frontmatter is not valid YAML: `));
  });

  it("rejects a file name that is not a lowercase slug", () => {
    expect(() => parseArticle(valid, "content/en/articles/What_Is.mdx", "en")).toThrow(/What_Is\.mdx: file name must be a lowercase slug/);
  });
});

describe("the real articles in content/en/articles", () => {
  const dir = path.join(process.cwd(), "content", "en", "articles");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".mdx"));

  it("all load and validate", () => {
    const articles = loadArticles("en");
    expect(files.length).toBeGreaterThan(0);
    expect(articles.map((a) => a.slug).sort()).toEqual(files.map((f) => f.replace(/\.mdx$/, "")).sort());
    for (const a of articles) expect(a.file).toBe(path.join("content", "en", "articles", `${a.slug}.mdx`));
  });

  it("every related slug names another existing article", () => {
    const articles = loadArticles("en");
    const slugs = new Set(articles.map((a) => a.slug));
    const broken = articles.flatMap((a) => a.related.filter((r) => !slugs.has(r) || r === a.slug).map((r) => `${a.slug} → ${r}`));
    expect(broken, `related slugs that do not resolve:\n${broken.join("\n")}`).toEqual([]);
  });
});
