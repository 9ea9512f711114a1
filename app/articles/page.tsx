import type { Metadata } from "next";
import { articlesByCategory } from "@/lib/content/load";
import { categories } from "@/lib/content/schema";
import { strings } from "@/lib/i18n/strings";
import { ArticleCard } from "@/components/article/ArticleCard";
import { CallBar } from "@/components/article/CallBar";
import { JsonLd } from "@/components/JsonLd";
import { breadcrumbs, webPage } from "@/lib/seo/structured-data";
import { articlePath } from "@/lib/site/routes";
import { loadArticles } from "@/lib/content/load";

const locale = "en" as const;
const t = strings(locale);

export const metadata: Metadata = { title: t.articles.title, description: t.articles.intro, alternates: { canonical: "/articles" } };

export default function ArticlesIndex() {
  const grouped = articlesByCategory(locale);
  return (
    <div className="call-bar-host mx-auto max-w-5xl px-4 py-8">
      <JsonLd
        data={webPage({
          type: "CollectionPage",
          path: "/articles",
          name: t.articles.title,
          description: t.articles.intro,
          locale,
          parts: loadArticles(locale).map((a) => ({ name: a.title, path: articlePath(locale, a.slug) })),
        })}
      />
      <JsonLd
        data={breadcrumbs([
          { name: t.article.breadcrumbHome, path: "/" },
          { name: t.article.breadcrumbArticles, path: "/articles" },
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
  );
}
