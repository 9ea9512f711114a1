import type { Article } from "@/lib/content/load";
import { articlePath } from "@/lib/site/routes";

/**
 * A card that is one link: its heading's link stretches over the whole card (app/globals.css, "Cards"), so a tap
 * anywhere on it follows the link, while the link's name stays the heading alone. Nothing else in a card may be
 * interactive, so there is never a link inside a link.
 */
export function LinkCard({ href, title, summary, headingLevel = 3 }: { href: string; title: string; summary: string; headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as const;
  return (
    <li className="card rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <H className="text-lg font-semibold">
        <a href={href} className="card-link link">
          {title}
        </a>
      </H>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{summary}</p>
    </li>
  );
}

export function ArticleCard({ article, headingLevel = 3 }: { article: Article; headingLevel?: 2 | 3 }) {
  return <LinkCard href={articlePath(article.locale, article.slug)} title={article.title} summary={article.summary} headingLevel={headingLevel} />;
}
