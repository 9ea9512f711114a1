import { describe, expect, it } from "vitest";
import { localePath, locales } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { knownRoutes } from "@/lib/site/page-index";

/**
 * Every link a dictionary holds (`href`: the home page's paths, the self-check link, the thank-you page's reading list)
 * leads to a page in that locale. Next's typedRoutes checks the written path's shape at compile time (each goes through
 * route(), lib/site/routes.ts), but an article's slug is any one segment to it: the articles on disk decide here.
 */
function hrefsIn(value: unknown, at: string, out: { at: string; href: string }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => hrefsIn(v, `${at}[${i}]`, out));
  else if (value && typeof value === "object")
    for (const [key, v] of Object.entries(value)) {
      if (key === "href" && typeof v === "string") out.push({ at, href: v });
      else hrefsIn(v, `${at}.${key}`, out);
    }
  return out;
}

describe.each(locales)("the %s dictionary's links", (locale) => {
  const links = hrefsIn(strings(locale), locale);

  it("are found (the home page's paths and self-check link, the thank-you page's reading list)", () => {
    expect(links.map((l) => l.at)).toEqual(expect.arrayContaining([`${locale}.home.selfCheck`, `${locale}.inquiry.thanks.links[0]`]));
    expect(links.length).toBeGreaterThanOrEqual(7);
  });

  it("each lead to a page in the locale", () => {
    const known = knownRoutes(locale);
    expect(links.filter((l) => !known.has(localePath(locale, l.href))).map((l) => `${l.at}: ${l.href}`)).toEqual([]);
  });
});
