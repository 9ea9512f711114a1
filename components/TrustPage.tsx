import type { ComponentType } from "react";
import type { Metadata } from "next";
import { formatDate } from "@/lib/i18n/format";
import { trustPages } from "@/lib/site/routes";
import { breadcrumbs, webPage } from "@/lib/seo/structured-data";
import { JsonLd } from "@/components/JsonLd";

type Key = keyof typeof trustPages;

export function trustPageMetadata(key: Key): Metadata {
  const p = trustPages[key];
  return { title: p.title, description: p.description, alternates: { canonical: p.path } };
}

/** A plain page of prose (about, privacy, nondiscrimination): title, date, MDX body. */
export function TrustPage({ page, Body }: { page: Key; Body: ComponentType }) {
  const p = trustPages[page];
  return (
    <article className="mx-auto max-w-3xl px-4 py-8">
      <JsonLd data={webPage({ type: page === "about" ? "AboutPage" : "WebPage", path: p.path, name: p.title, description: p.description })} />
      <JsonLd
        data={breadcrumbs([
          { name: "Home", path: "/" },
          { name: p.title, path: p.path },
        ])}
      />
      <h1 className="text-3xl font-bold sm:text-4xl">{p.title}</h1>
      <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{p.description}</p>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        Updated <time dateTime={p.updated}>{formatDate(p.updated, "en")}</time>
      </p>
      <div className="prose mt-8 max-w-none prose-slate dark:prose-invert prose-a:text-brand-800 dark:prose-a:text-brand-300">
        <Body />
      </div>
    </article>
  );
}
