import { ArticlePage, articleMetadata, articleParams, type ArticlePageProps } from "@/components/pages/ArticlePage";

export const dynamicParams = false;

export function generateStaticParams() {
  return articleParams("en");
}

export function generateMetadata(props: ArticlePageProps) {
  return articleMetadata("en", props);
}

export default function Page({ params }: ArticlePageProps) {
  return <ArticlePage locale="en" params={params} />;
}
