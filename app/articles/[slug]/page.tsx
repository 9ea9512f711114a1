import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getArticle, loadArticles } from "@/lib/content/load";
import { articlePath } from "@/lib/site/routes";
import { ArticleView } from "@/components/article/ArticleView";

const locale = "en" as const;
export const dynamicParams = false;

/** Next 16 passes route params as a promise. */
type ArticlePageProps = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return loadArticles(locale).map((a) => ({ slug: a.slug }));
}

export async function generateMetadata({ params }: ArticlePageProps): Promise<Metadata> {
  const article = getArticle(locale, (await params).slug);
  if (!article) return {};
  return {
    title: article.title,
    description: article.description,
    alternates: { canonical: articlePath(locale, article.slug) },
    openGraph: { type: "article", title: article.title, description: article.description, publishedTime: article.published, modifiedTime: article.updated },
  };
}

export default async function ArticlePage({ params }: ArticlePageProps) {
  const { slug } = await params;
  const article = getArticle(locale, slug);
  if (!article) notFound();
  const { default: Body } = await import(`@/content/en/articles/${slug}.mdx`);
  return <ArticleView article={article} Body={Body} />;
}
