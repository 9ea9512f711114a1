import { describe, expect, it } from "vitest";
import sitemap from "@/app/sitemap";
import { loadArticles } from "@/lib/content/load";
import { defaultLocale, localePath, locales, otherLocales, splitLocalePath } from "@/lib/i18n/locales";
import { absoluteUrl, articlePage, faqPage, medicalClinic, webPage } from "@/lib/seo/structured-data";
import { pageMetadata } from "@/lib/seo/metadata";
import { pageAlternates } from "@/lib/site/page-index";
import { staticPages } from "@/lib/site/routes";

describe("locale paths", () => {
  it("keeps English at the root and puts Spanish under /es", () => {
    expect(localePath("en", "/")).toBe("/");
    expect(localePath("en", "/articles/what-is-iop")).toBe("/articles/what-is-iop");
    expect(localePath("es", "/")).toBe("/es");
    expect(localePath("es", "/articles/what-is-iop")).toBe("/es/articles/what-is-iop");
    expect(localePath("es", "contact")).toBe("/es/contact");
  });

  it.each([
    ["/", "en", "/"],
    ["/contact", "en", "/contact"],
    ["/es", "es", "/"],
    ["/es/contact/thanks", "es", "/contact/thanks"],
    // A path that only starts with the letters of a locale is English.
    ["/espanol", "en", "/espanol"],
  ])("reads %s as locale %s, site path %s", (pathname, locale, path) => {
    expect(splitLocalePath(pathname)).toEqual({ locale, path });
  });

  it("round-trips every page of every locale", () => {
    for (const locale of locales) for (const p of staticPages) expect(splitLocalePath(localePath(locale, p.path))).toEqual({ locale, path: p.path });
  });
});

describe("hreflang alternates", () => {
  it("name the same page in every locale, and the English page as x-default", () => {
    expect(pageAlternates("/articles/what-is-iop")).toEqual({
      en: "/articles/what-is-iop",
      es: "/es/articles/what-is-iop",
      "x-default": "/articles/what-is-iop",
    });
    expect(pageAlternates("/")).toEqual({ en: "/", es: "/es", "x-default": "/" });
  });

  it("leave out a locale that has no such page", () => {
    expect(pageAlternates("/articles/no-such-article")).toEqual({});
  });

  it("go into each page's metadata, canonical in its own locale, both ways", () => {
    for (const locale of locales) {
      const m = pageMetadata({ locale, path: "/contact", title: "t", description: "d" });
      expect(m.alternates?.canonical).toBe(absoluteUrl(localePath(locale, "/contact")));
      expect(m.alternates?.languages).toEqual({ en: absoluteUrl("/contact"), es: absoluteUrl("/es/contact"), "x-default": absoluteUrl("/contact") });
    }
  });

  it("the thank-you page names its form as canonical in its own locale", () => {
    const m = pageMetadata({ locale: "es", path: "/contact/thanks", canonicalPath: "/contact" });
    expect(m.alternates?.canonical).toBe(absoluteUrl("/es/contact"));
  });
});

describe("the sitemap", () => {
  const entries = sitemap();

  it("lists every page of every locale once", () => {
    const urls = entries.map((e) => e.url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const locale of locales) {
      for (const p of staticPages.filter((x) => x.inSitemap)) expect(urls).toContain(absoluteUrl(localePath(locale, p.path)));
      for (const a of loadArticles(locale)) expect(urls).toContain(absoluteUrl(localePath(locale, `/articles/${a.slug}`)));
    }
  });

  it("gives each entry its alternates in every locale (both ways) and x-default", () => {
    for (const e of entries) {
      const languages = e.alternates?.languages as Record<string, string>;
      expect(Object.keys(languages).sort(), e.url).toEqual([...locales, "x-default"].sort());
      expect(Object.values(languages), `${e.url} lists itself`).toContain(e.url);
      expect(languages["x-default"]).toBe(languages[defaultLocale]);
      // The other locale's entry lists this one back.
      for (const other of Object.keys(languages).filter((k) => k !== "x-default")) {
        const back = entries.find((x) => x.url === languages[other]);
        expect(back, `${languages[other]} is in the sitemap`).toBeDefined();
        expect(Object.values(back!.alternates!.languages as Record<string, string>)).toContain(e.url);
      }
    }
  });
});

describe("structured data names its language", () => {
  it("articles, FAQ pages and other pages carry inLanguage; the clinic says which languages admissions speaks", () => {
    for (const locale of locales) {
      const articles = loadArticles(locale);
      for (const a of articles) {
        const ld = articlePage(a);
        expect(ld.inLanguage).toBe(locale);
        expect(ld.mainEntity.inLanguage).toBe(locale);
        if (a.kind === "faq") expect(faqPage(a).inLanguage).toBe(locale);
      }
      expect(webPage({ type: "WebPage", path: localePath(locale, "/about"), name: "n", description: "d", locale }).inLanguage).toBe(locale);
      const clinic = medicalClinic(locale);
      expect(clinic.url).toBe(absoluteUrl(localePath(locale, "/")));
      expect(clinic.contactPoint.availableLanguage.length).toBeGreaterThan(0);
      expect(otherLocales(locale)).not.toContain(locale);
    }
  });
});
