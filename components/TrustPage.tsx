import type { ComponentType } from "react";
import type { MDXComponents } from "mdx/types";
import { mdxComponents } from "@/mdx-components";
import type { Metadata } from "next";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { trustPages, type TrustPageKey } from "@/lib/site/routes";
import { breadcrumbs, webPage } from "@/lib/seo/structured-data";
import { JsonLd } from "@/components/JsonLd";

export function trustPageMetadata(key: TrustPageKey, locale: Locale): Metadata {
  const { title, description } = strings(locale).trustPages[key];
  return { title, description, alternates: { canonical: trustPages[key].path } };
}

/** A plain page of prose (about, privacy, nondiscrimination): title, date, MDX body. */
export function TrustPage({ page, Body, locale }: { page: TrustPageKey; Body: ComponentType<{ components?: MDXComponents }>; locale: Locale }) {
  const t = strings(locale);
  const p = { ...trustPages[page], ...t.trustPages[page] };
  return (
    <article className="mx-auto max-w-3xl px-4 py-8">
      <JsonLd data={webPage({ type: page === "about" ? "AboutPage" : "WebPage", path: p.path, name: p.title, description: p.description, locale })} />
      <JsonLd
        data={breadcrumbs([
          { name: t.article.breadcrumbHome, path: "/" },
          { name: p.title, path: p.path },
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
  );
}
