import { ArticlePage, articleMetadata, articleParams, type ArticlePageProps } from "@/components/pages/ArticlePage";

export const dynamicParams = false;

export function generateStaticParams() {
  return articleParams("es");
}

export function generateMetadata(props: ArticlePageProps) {
  return articleMetadata("es", props);
}

export default function Page({ params }: ArticlePageProps) {
  return <ArticlePage locale="es" params={params} />;
}
