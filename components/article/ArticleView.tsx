import type { ComponentType } from "react";
import type { MDXComponents } from "mdx/types";
import { mdxComponents } from "@/mdx-components";
import type { Article } from "@/lib/content/load";
import { getArticle } from "@/lib/content/load";
import { readMdx } from "@/lib/content/markdown";
import { strings } from "@/lib/i18n/strings";
import { articlePage, breadcrumbs, faqPage } from "@/lib/seo/structured-data";
import { articlePath, localeRoute, route } from "@/lib/site/routes";
import { formatDate } from "@/lib/i18n/format";
import { JsonLd } from "@/components/JsonLd";
import { ContactCallout } from "@/components/ContactCallout";
import { TableOfContents } from "./TableOfContents";
import { ReferenceList } from "./ReferenceList";
import { ArticleCard } from "./ArticleCard";
import { CallBar } from "./CallBar";

/** How many times the body cites each reference, by position in the list (the page numbers citations the same way). */
function citedTimes(article: Article): number[] {
  const times = article.references.map(() => 0);
  for (const c of readMdx(article.body).citations) if (c.n !== null && c.n >= 1 && c.n <= times.length) times[c.n - 1]++;
  return times;
}

/** An article page: title, summary, review line, contents, body, references, related articles and a way to reach us. */
export function ArticleView({ article, Body }: { article: Article; Body: ComponentType<{ components?: MDXComponents }> }) {
  const t = strings(article.locale).article;
  const related = article.related.map((s) => getArticle(article.locale, s)).filter((a): a is Article => Boolean(a));
  const path = articlePath(article.locale, article.slug);
  const home = localeRoute(article.locale, route("/"));
  const index = localeRoute(article.locale, route("/articles"));
  return (
    <article className="call-bar-host mx-auto max-w-3xl px-4 py-8">
      <JsonLd data={articlePage(article)} />
      <JsonLd
        data={breadcrumbs([
          { name: t.breadcrumbHome, path: home },
          { name: t.breadcrumbArticles, path: index },
          { name: article.title, path },
        ])}
      />
      {article.kind === "faq" ? <JsonLd data={faqPage(article)} /> : null}
      <nav aria-label={t.breadcrumbLabel} className="no-print text-sm">
        <ol className="flex flex-wrap gap-2 text-slate-700 dark:text-slate-300">
          <li>
            <a href={home} className="link">
              {t.breadcrumbHome}
            </a>{" "}
            <span aria-hidden="true">›</span>
          </li>
          <li>
            <a href={index} className="link">
              {t.breadcrumbArticles}
            </a>{" "}
            <span aria-hidden="true">›</span>
          </li>
          <li aria-current="page">{article.title}</li>
        </ol>
      </nav>
      <h1 className="mt-4 text-3xl leading-tight font-bold sm:text-4xl">{article.title}</h1>
      <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{article.summary}</p>
      <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
        {t.minRead(article.readingMinutes)} · {t.updated} <time dateTime={article.updated}>{formatDate(article.updated, article.locale)}</time>
      </p>
      <div className="mt-6">
        <TableOfContents headings={article.toc} label={t.onThisPage} />
      </div>
      {/* The call bar appears once the reader reaches the article's body: its track starts there (CallBar.tsx). */}
      <div className="call-bar-track">
        <div className="prose mt-8 max-w-none prose-slate dark:prose-invert prose-headings:scroll-mt-4 prose-a:text-brand-800 dark:prose-a:text-brand-300">
          <Body components={mdxComponents(article.locale)} />
        </div>
        <aside
          aria-label={t.aboutLabel}
          className="mt-10 space-y-2 border-t border-slate-200 pt-4 text-sm text-slate-700 dark:border-slate-800 dark:text-slate-300"
        >
          <p>
            {t.lastReviewed}: <time dateTime={article.lastReviewed}>{formatDate(article.lastReviewed, article.locale)}</time>.{" "}
            {article.reviewer ? t.reviewedBy(article.reviewer.name, article.reviewer.credentials) : t.notClinicallyReviewed}
          </p>
          <p>{t.disclaimer}</p>
        </aside>
        <ReferenceList references={article.references} citedTimes={citedTimes(article)} locale={article.locale} />
        {related.length > 0 ? (
          <section aria-labelledby="related-heading" className="no-print mt-10">
            <h2 id="related-heading" className="text-xl font-bold">
              {t.related}
            </h2>
            <ul className="mt-3 grid gap-3 sm:grid-cols-2">
              {related.map((a) => (
                <ArticleCard key={a.slug} article={a} />
              ))}
            </ul>
          </section>
        ) : null}
        <ContactCallout locale={article.locale} />
        <CallBar locale={article.locale} />
      </div>
    </article>
  );
}
