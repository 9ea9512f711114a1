import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/seo/structured-data";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/contact/thanks"] },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
