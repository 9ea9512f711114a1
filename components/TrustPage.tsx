import type { ComponentType } from "react";
import type { MDXComponents } from "mdx/types";
import type { Metadata } from "next";
import { mdxComponents } from "@/mdx-components";
import { formatDate } from "@/lib/i18n/format";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { trustPages, type TrustPageKey } from "@/lib/site/routes";
import { breadcrumbs, webPage } from "@/lib/seo/structured-data";
import { pageMetadata } from "@/lib/seo/metadata";
import { JsonLd } from "@/components/JsonLd";
import { SiteFrame } from "@/components/layout/SiteBody";
import AboutEn from "@/content/en/pages/about.mdx";
import PrivacyEn from "@/content/en/pages/privacy.mdx";
import NondiscriminationEn from "@/content/en/pages/nondiscrimination.mdx";
import AboutEs from "@/content/es/pages/about.mdx";
import PrivacyEs from "@/content/es/pages/privacy.mdx";
import NondiscriminationEs from "@/content/es/pages/nondiscrimination.mdx";

type MdxBody = ComponentType<{ components?: MDXComponents }>;

/** The prose of each trust page in each locale: content/<locale>/pages/<page>.mdx. */
const bodies: Record<Locale, Record<TrustPageKey, MdxBody>> = {
  en: { about: AboutEn, privacy: PrivacyEn, nondiscrimination: NondiscriminationEn },
  es: { about: AboutEs, privacy: PrivacyEs, nondiscrimination: NondiscriminationEs },
};

export function trustPageMetadata(key: TrustPageKey, locale: Locale): Metadata {
  const { title, description } = strings(locale).trustPages[key];
  return pageMetadata({ locale, path: trustPages[key].path, title, description });
}

/** A plain page of prose (about, privacy, nondiscrimination): title, date, MDX body, in one locale. */
export function TrustPage({ page, locale }: { page: TrustPageKey; locale: Locale }) {
  const t = strings(locale);
  const p = { ...trustPages[page], ...t.trustPages[page] };
  const Body = bodies[locale][page];
  const path = localePath(locale, p.path);
  return (
    <SiteFrame locale={locale} path={p.path}>
      <article className="mx-auto max-w-3xl px-4 py-8">
        <JsonLd data={webPage({ type: page === "about" ? "AboutPage" : "WebPage", path, name: p.title, description: p.description, locale })} />
        <JsonLd
          data={breadcrumbs([
            { name: t.article.breadcrumbHome, path: localePath(locale, "/") },
            { name: p.title, path },
          ])}
        />
        <h1 className="text-3xl font-bold sm:text-4xl">{p.title}</h1>
        <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{p.description}</p>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          {t.trustPages.updated} <time dateTime={p.updated}>{formatDate(p.updated, locale)}</time>
        </p>
        <div className="prose mt-8 max-w-none prose-slate dark:prose-invert prose-a:text-brand-800 dark:prose-a:text-brand-300">
          <Body components={mdxComponents(locale)} />
        </div>
      </article>
    </SiteFrame>
  );
}
