import type { Article } from "@/lib/content/load";
import { articlePath } from "@/lib/site/routes";

export function ArticleCard({ article, headingLevel = 3 }: { article: Article; headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as const;
  return (
    <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <H className="text-lg font-semibold">
        <a href={articlePath(article.locale, article.slug)} className="link">
          {article.title}
        </a>
      </H>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{article.summary}</p>
    </li>
  );
}
