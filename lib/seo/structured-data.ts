import { center } from "@/content/center";
import type { Article } from "@/lib/content/load";
import { faqEntries } from "@/lib/content/markdown";
import { afterHoursSentences, costSummarySentences, drugTestingSentences, medicationSentences, virtualSentence } from "@/lib/center/format";
import { articlePath } from "@/lib/site/routes";
import { localePath } from "@/lib/i18n/locales";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";

/** Absolute URL on the public site. */
export const absoluteUrl = (path: string) => new URL(path, center.siteUrl).toString();

const clinicId = () => absoluteUrl("/#clinic");

/** The center as schema.org MedicalClinic, from the one center config. */
export function medicalClinic(locale: Locale) {
  return {
    "@context": "https://schema.org",
    "@type": "MedicalClinic",
    "@id": clinicId(),
    name: center.name,
    legalName: center.legalName,
    url: absoluteUrl(localePath(locale, "/")),
    telephone: center.phones.main.tel,
    email: center.email,
    address: {
      "@type": "PostalAddress",
      streetAddress: center.address.street,
      addressLocality: center.address.city,
      addressRegion: center.address.region,
      postalCode: center.address.postalCode,
      addressCountry: center.address.country,
    },
    areaServed: center.serviceArea[locale],
    openingHoursSpecification: center.hours.map((h) => ({
      "@type": "OpeningHoursSpecification",
      dayOfWeek: h.dayOfWeek,
      opens: h.open,
      closes: h.close,
    })),
    contactPoint: {
      "@type": "ContactPoint",
      contactType: strings(locale).center.admissionsContactType,
      telephone: center.phones.admissions.tel,
      // The languages the admissions staff speak (config), as BCP 47 tags.
      availableLanguage: center.languages.staffSpeak,
    },
  };
}

export function breadcrumbs(items: { name: string; path: string }[]) {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, i) => ({ "@type": "ListItem", position: i + 1, name: item.name, item: absoluteUrl(item.path) })),
  };
}

/** An article as a MedicalWebPage whose main entity is an Article. Reviewer only when a real one is named. */
export function articlePage(article: Article) {
  const url = absoluteUrl(articlePath(article.locale, article.slug));
  return {
    "@context": "https://schema.org",
    "@type": "MedicalWebPage",
    "@id": url,
    url,
    name: article.title,
    description: article.description,
    inLanguage: article.locale,
    lastReviewed: article.lastReviewed,
    ...(article.reviewer ? { reviewedBy: { "@type": "Person", name: article.reviewer.name, jobTitle: article.reviewer.credentials } } : {}),
    publisher: { "@id": clinicId() },
    mainEntity: {
      "@type": "Article",
      inLanguage: article.locale,
      headline: article.title,
      description: article.description,
      datePublished: article.published,
      dateModified: article.updated,
      author: { "@type": "Organization", name: center.name, url: absoluteUrl("/") },
      publisher: { "@type": "Organization", name: center.name, url: absoluteUrl("/") },
      citation: article.references.map((r) => ({
        "@type": "CreativeWork",
        name: r.title,
        inLanguage: r.language,
        publisher: { "@type": "Organization", name: r.publisher },
        datePublished: String(r.year),
        url: r.url,
      })),
    },
  };
}

/** The words a config-driven component shows inside an FAQ answer, so the structured answer says what the page says. */
const faqComponentText: Record<string, (c: typeof center, locale: Locale) => string[]> = {
  CenterVirtual: (c, l) => [virtualSentence(c, l)],
  CenterDrugTesting: drugTestingSentences,
  CenterMedications: medicationSentences,
  CenterAfterHours: afterHoursSentences,
  CostSummary: costSummarySentences,
};

/**
 * FAQPage from an faq article's "### Question?" sections, read from its MDX syntax tree: the answer is the plain
 * text of the paragraphs and list items up to the next h2 or h3 (citations and component tags left out).
 */
export function faqPage(article: Article) {
  const componentText = (name: string) => faqComponentText[name]?.(center, article.locale).join(" ");
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    inLanguage: article.locale,
    mainEntity: faqEntries(article.body, componentText)
      .filter((e) => e.answer.length > 0)
      .map((e) => ({ "@type": "Question", name: e.question, acceptedAnswer: { "@type": "Answer", text: e.answer } })),
  };
}

/** A non-article page (index, contact, about, privacy…) as its schema.org page type, published by the center. */
export function webPage(input: {
  type: "CollectionPage" | "ContactPage" | "AboutPage" | "WebPage";
  path: string;
  name: string;
  description: string;
  locale: Locale;
  parts?: { name: string; path: string }[];
}) {
  const url = absoluteUrl(input.path);
  return {
    "@context": "https://schema.org",
    "@type": input.type,
    "@id": url,
    url,
    name: input.name,
    description: input.description,
    inLanguage: input.locale,
    publisher: { "@id": clinicId() },
    ...(input.type === "ContactPage" || input.type === "AboutPage" ? { about: { "@id": clinicId() } } : {}),
    ...(input.parts ? { hasPart: input.parts.map((p) => ({ "@type": "WebPage", name: p.name, url: absoluteUrl(p.path) })) } : {}),
  };
}
