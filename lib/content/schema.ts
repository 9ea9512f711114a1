import { z } from "zod";
import { locales } from "@/lib/i18n/locales";

/**
 * What every article must carry. Pages, metadata, the index, the sitemap and structured data are all derived
 * from this one shape; change a field here and every consumer follows.
 */
export const categories = ["basics", "safety", "treatment", "evidence", "planning", "families", "professionals"] as const;
export type Category = (typeof categories)[number];

const isoDate = z.iso.date("must be a date written YYYY-MM-DD");
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug like what-is-iop");

const referenceSchema = z
  .object({
    title: z.string().min(5).max(300),
    publisher: z.string().min(2).max(200),
    year: z.number().int().min(1950).max(2100),
    url: z.url({ protocol: /^https$/, error: "must be an https URL" }),
    /**
     * The source's stable id, the same in every language's version of the article (the parity test compares them, in
     * order): the Spanish article cites the same sources as the English one, each in its Spanish edition where one exists.
     */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase id like nida-2018-principles-drug-addiction"),
    /** The language the source is written in: a page in another language marks it ("(en inglés)") and its link's hreflang. */
    language: z.enum(locales),
  })
  .strict();

export const articleFrontmatterSchema = z
  .object({
    title: z.string().min(10).max(90),
    /** Shown in search results: keep it under 160 characters. */
    description: z.string().min(50).max(160),
    /** One or two sentences for index cards and the top of the article. */
    summary: z.string().min(40).max(320),
    category: z.enum(categories),
    published: isoDate,
    updated: isoDate,
    /** When the article was last checked against its sources. */
    lastReviewed: isoDate,
    /**
     * The id of the clinician who reviewed the article, from `reviewers` in content/center.ts (each person is named
     * once, there). Optional, and never invented: leave it out until a real person has reviewed.
     */
    reviewer: slug.optional(),
    related: z.array(slug).max(6).default([]),
    references: z.array(referenceSchema).min(2, "needs at least two references"),
    /** "faq" articles publish their "### Question?" sections as FAQPage structured data. */
    kind: z.enum(["article", "faq"]).default("article"),
    /** Sort order inside its category on the index (lower first). */
    order: z.number().int().min(0).max(999).default(100),
  })
  .strict()
  .refine((a) => a.updated >= a.published, { path: ["updated"], message: "must not be before published" });

export type ArticleFrontmatter = z.infer<typeof articleFrontmatterSchema>;
export type Reference = z.infer<typeof referenceSchema>;
