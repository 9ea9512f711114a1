import { TrustPage, trustPageMetadata } from "@/components/TrustPage";

export const metadata = trustPageMetadata("privacy", "en");

export default function Page() {
  return <TrustPage page="privacy" locale="en" />;
}
