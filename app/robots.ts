import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/seo/structured-data";

/**
 * The thank-you page stays crawlable: its canonical link sends search engines to /contact, and a crawler that
 * robots.txt kept out would never read that link (a blocked URL can still be listed, bare, from links to it).
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/"] },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
