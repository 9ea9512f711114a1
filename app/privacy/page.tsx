import { TrustPage, trustPageMetadata } from "@/components/TrustPage";
import Body from "@/content/en/pages/privacy.mdx";

export const metadata = trustPageMetadata("privacy", "en");

export default function Page() {
  return <TrustPage page="privacy" Body={Body} locale="en" />;
}
