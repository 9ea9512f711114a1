import type { ReactNode } from "react";
import { RootLayout, rootMetadata, rootViewport } from "@/components/layout/RootLayout";

/** The root layout of every page in this locale (docs/decisions/0003-locales.md): <html lang="en">. */
export const metadata = rootMetadata("en");
export const viewport = rootViewport;

export default function Layout({ children }: { children: ReactNode }) {
  return <RootLayout locale="en">{children}</RootLayout>;
}
