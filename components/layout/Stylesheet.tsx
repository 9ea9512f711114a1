import { builtAsset } from "@/lib/site/assets";

/** The site's one stylesheet, built by scripts/build/build-client.mjs; the same file on every page. */
export function Stylesheet() {
  const { url, integrity } = builtAsset("site.css");
  return <link rel="stylesheet" href={url} integrity={integrity} />;
}
