import { describe, expect, it } from "vitest";
import { referenceProblems } from "@/lib/content/gates";
import { isBareHomePage, retiredDomainOf, superseded, supersededEntryOf } from "@/lib/content/superseded";

const FILE = "content/en/articles/test.mdx";
let serial = 0;
const ref = (url: string, title = "A publication page") => ({
  title,
  publisher: "Publisher",
  year: 2024,
  url,
  id: `source-${serial++}`,
  language: "en" as const,
});
const GOOD = ref("https://nida.nih.gov/publications/drugs-brains-behavior-science-addiction/treatment-recovery", "Treatment and Recovery");
const problemsFor = (...references: ReturnType<typeof ref>[]) => referenceProblems({ file: FILE, references: [GOOD, ...references] });

describe("reference URLs: retired domains", () => {
  it.each(["https://drugabuse.gov/x", "https://www.drugabuse.gov/publications/x", "https://archives.drugabuse.gov/publications/x"])("fails %s", (url) => {
    expect(retiredDomainOf(url)?.domain).toBe("drugabuse.gov");
  });

  it("does not fail a domain that only ends in the same letters, or NIDA's current domain", () => {
    expect(retiredDomainOf("https://notdrugabuse.gov/x")).toBeUndefined();
    expect(retiredDomainOf("https://nida.nih.gov/publications/x")).toBeUndefined();
  });

  it("names the file, the reference's number and title, and what to do", () => {
    const problems = problemsFor(ref("https://www.drugabuse.gov/publications/relapse", "Relapse rates"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, gate: "references" });
    expect(problems[0].message).toMatch(
      /^reference 2 \("Relapse rates"\): https:\/\/www\.drugabuse\.gov\/publications\/relapse is on a retired domain \(drugabuse\.gov\): .*nida\.nih\.gov/,
    );
  });
});

describe("reference URLs: bare home pages", () => {
  it.each(["https://store.samhsa.gov/", "https://findtreatment.gov", "https://www.samhsa.gov/#main"])("fails %s", (url) => {
    expect(isBareHomePage(url)).toBe(true);
    expect(problemsFor(ref(url))[0].message).toContain("is a site's home page; link the exact page of the publication");
  });

  it.each(["https://www.cms.gov/nosurprises", "https://findtreatment.gov/?q=iop", "https://www.samhsa.gov/find-help/national-helpline"])(
    "accepts %s",
    (url) => {
      expect(isBareHomePage(url)).toBe(false);
      expect(problemsFor(ref(url))).toEqual([]);
    },
  );
});

describe("reference URLs: superseded sources (one list)", () => {
  it("fails TIP 63's 2018 edition on NCBI, with the reason and its replacement", () => {
    const problems = problemsFor(ref("https://www.ncbi.nlm.nih.gov/books/NBK535275/", "TIP 63"));
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^reference 2 \("TIP 63"\): https:\/\/www\.ncbi\.nlm\.nih\.gov\/books\/NBK535275\/ is superseded: /);
    expect(problems[0].message).toContain("historical reference only");
    expect(problems[0].message).toContain("Cite https://www.ncbi.nlm.nih.gov/books/NBK574910/ instead.");
  });

  it("matches a page below a listed prefix, without the trailing slash, or without www.", () => {
    expect(supersededEntryOf("https://www.ncbi.nlm.nih.gov/books/NBK535275/chapter/part3")).toBeDefined();
    expect(supersededEntryOf("https://www.ncbi.nlm.nih.gov/books/NBK535275")).toBeDefined();
    expect(supersededEntryOf("https://ncbi.nlm.nih.gov/books/NBK535275/")).toBeDefined();
  });

  it("does not match a different page that shares the prefix's letters", () => {
    expect(supersededEntryOf("https://www.ncbi.nlm.nih.gov/books/NBK5352750/")).toBeUndefined();
    expect(supersededEntryOf("https://www.ncbi.nlm.nih.gov/books/NBK574910/")).toBeUndefined();
  });

  it("fails the archived TEDS 2004 discharge report, any page of it", () => {
    const url = "https://webarchive.library.unt.edu/eot2008/20080916053023/http:/www.drugabusestatistics.samhsa.gov/TEDSdischarges/2k4/TEDSD2k4Chp4.htm";
    expect(supersededEntryOf(url)?.why).toContain("TEDS");
  });

  it("each entry names a replacement that is itself a current, exact page", () => {
    for (const s of superseded) {
      expect(supersededEntryOf(s.replacedBy), s.replacedBy).toBeUndefined();
      expect(retiredDomainOf(s.replacedBy), s.replacedBy).toBeUndefined();
      expect(isBareHomePage(s.replacedBy), s.replacedBy).toBe(false);
      expect(s.why.length).toBeGreaterThan(20);
    }
  });
});

describe("reference count", () => {
  it("still needs at least two references", () => {
    expect(referenceProblems({ file: FILE, references: [GOOD] })).toEqual([
      { file: FILE, gate: "references", message: "has 1 references; at least 2 are needed" },
    ]);
  });

  it("reports each problem of one reference separately", () => {
    expect(problemsFor(ref("https://www.drugabuse.gov/"))).toHaveLength(2);
  });
});
