import fs from "node:fs";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { apiCsp, hashesFor, pageCsp, type CspHashMap } from "@/lib/security/headers";

/** Sets each response's Content-Security-Policy: per page, from the hashes of its inline scripts. */
let hashes: CspHashMap | undefined;

function hashMap(): CspHashMap {
  if (!hashes) {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), ".next", "csp-hashes.json");
    // Without the map no inline script may run: pages would load but not hydrate, which fails safe.
    hashes = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as CspHashMap) : {};
  }
  return hashes;
}

export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  const { pathname } = request.nextUrl;
  const dev = process.env.NODE_ENV === "development";
  response.headers.set("Content-Security-Policy", pathname.startsWith("/api/") ? apiCsp : pageCsp(dev ? [] : hashesFor(hashMap(), pathname), dev));
  return response;
}

export const config = {
  // Static files carry no HTML; they get the common headers from next.config.ts.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|sitemap.xml).*)"],
};
