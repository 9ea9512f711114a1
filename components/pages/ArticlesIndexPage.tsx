import type { Metadata } from "next";
import { articlesByCategory, loadArticles } from "@/lib/content/load";
import { categories } from "@/lib/content/schema";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { breadcrumbs, webPage } from "@/lib/seo/structured-data";
import { pageMetadata } from "@/lib/seo/metadata";
import { articlePath } from "@/lib/site/routes";
import { ArticleCard } from "@/components/article/ArticleCard";
import { CallBar } from "@/components/article/CallBar";
import { JsonLd } from "@/components/JsonLd";
import { SiteFrame } from "@/components/layout/SiteBody";

const PATH = "/articles";

export function articlesIndexMetadata(locale: Locale): Metadata {
  const t = strings(locale);
  return pageMetadata({ locale, path: PATH, title: t.articles.title, description: t.articles.intro });
}

/** Every article of a locale, by category (app/(en)/articles/page.tsx, app/(es)/es/articles/page.tsx). */
export function ArticlesIndexPage({ locale }: { locale: Locale }) {
  const t = strings(locale);
  const grouped = articlesByCategory(locale);
  return (
    <SiteFrame locale={locale} path={PATH}>
      <div className="call-bar-host mx-auto max-w-5xl px-4 py-8">
        <JsonLd
          data={webPage({
            type: "CollectionPage",
            path: localePath(locale, PATH),
            name: t.articles.title,
            description: t.articles.intro,
            locale,
            parts: loadArticles(locale).map((a) => ({ name: a.title, path: articlePath(locale, a.slug) })),
          })}
        />
        <JsonLd
          data={breadcrumbs([
            { name: t.article.breadcrumbHome, path: localePath(locale, "/") },
            { name: t.article.breadcrumbArticles, path: localePath(locale, PATH) },
          ])}
        />
        <h1 className="text-3xl font-bold sm:text-4xl">{t.articles.title}</h1>
        <p className="mt-3 max-w-3xl text-lg text-slate-700 dark:text-slate-300">{t.articles.intro}</p>
        <div className="call-bar-track">
          {categories
            .filter((c) => grouped.has(c))
            .map((c) => (
              <section key={c} aria-labelledby={`cat-${c}`} className="mt-10">
                <h2 id={`cat-${c}`} className="text-2xl font-bold">
                  {t.categories[c].label}
                </h2>
                <p className="mt-1 text-slate-700 dark:text-slate-300">{t.categories[c].blurb}</p>
                <ul className="mt-4 grid gap-3 md:grid-cols-2">
                  {grouped.get(c)!.map((a) => (
                    <ArticleCard key={a.slug} article={a} />
                  ))}
                </ul>
              </section>
            ))}
          <CallBar locale={locale} />
        </div>
      </div>
    </SiteFrame>
  );
}
