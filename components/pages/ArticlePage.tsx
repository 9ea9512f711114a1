import type { ComponentType } from "react";
import type { MDXComponents } from "mdx/types";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getArticle, loadArticles } from "@/lib/content/load";
import type { Locale } from "@/lib/i18n/locales";
import { pageMetadata } from "@/lib/seo/metadata";
import { ArticleView } from "@/components/article/ArticleView";
import { SiteFrame } from "@/components/layout/SiteBody";

/** Next 16 passes route params as a promise. */
export type ArticlePageProps = { params: Promise<{ slug: string }> };

type MdxModule = { default: ComponentType<{ components?: MDXComponents }> };

/**
 * An article's compiled MDX. One template path per locale, so the bundler sees each content folder (a template with
 * the locale in it would make it look through every folder under content/).
 */
const articleBody: Record<Locale, (slug: string) => Promise<MdxModule>> = {
  en: (slug) => import(`@/content/en/articles/${slug}.mdx`),
  es: (slug) => import(`@/content/es/articles/${slug}.mdx`),
};

/** The site path of an article, without the locale prefix. */
const sitePath = (slug: string) => `/articles/${slug}`;

export function articleParams(locale: Locale) {
  return loadArticles(locale).map((a) => ({ slug: a.slug }));
}

export async function articleMetadata(locale: Locale, { params }: ArticlePageProps): Promise<Metadata> {
  const article = getArticle(locale, (await params).slug);
  if (!article) return {};
  return pageMetadata({
    locale,
    path: sitePath(article.slug),
    title: article.title,
    description: article.description,
    openGraph: { type: "article", title: article.title, description: article.description, publishedTime: article.published, modifiedTime: article.updated },
  });
}

/** One article in one locale (app/(en)/articles/[slug]/page.tsx, app/(es)/es/articles/[slug]/page.tsx). */
export async function ArticlePage({ locale, params }: ArticlePageProps & { locale: Locale }) {
  const { slug } = await params;
  const article = getArticle(locale, slug);
  if (!article) notFound();
  const { default: Body } = await articleBody[locale](slug);
  return (
    <SiteFrame locale={locale} path={sitePath(slug)}>
      <ArticleView article={article} Body={Body} />
    </SiteFrame>
  );
}
