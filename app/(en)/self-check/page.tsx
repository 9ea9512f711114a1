import { SelfCheckPage, selfCheckMetadata } from "@/components/pages/SelfCheckPage";

export const metadata = selfCheckMetadata("en");

export default function Page() {
  return <SelfCheckPage locale="en" />;
}
