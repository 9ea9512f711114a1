import { TrustPage, trustPageMetadata } from "@/components/TrustPage";

export const metadata = trustPageMetadata("nondiscrimination", "en");

export default function Page() {
  return <TrustPage page="nondiscrimination" locale="en" />;
}
