import { ArticlesIndexPage, articlesIndexMetadata } from "@/components/pages/ArticlesIndexPage";

export const metadata = articlesIndexMetadata("en");

export default function Page() {
  return <ArticlesIndexPage locale="en" />;
}
