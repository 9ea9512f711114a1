import { TrustPage, trustPageMetadata } from "@/components/TrustPage";
import Body from "@/content/en/pages/about.mdx";

export const metadata = trustPageMetadata("about", "en");

export default function Page() {
  return <TrustPage page="about" Body={Body} locale="en" />;
}
