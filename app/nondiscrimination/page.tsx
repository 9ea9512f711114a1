import { TrustPage, trustPageMetadata } from "@/components/TrustPage";
import Body from "@/content/en/pages/nondiscrimination.mdx";

export const metadata = trustPageMetadata("nondiscrimination", "en");

export default function Page() {
  return <TrustPage page="nondiscrimination" Body={Body} locale="en" />;
}
