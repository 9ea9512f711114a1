// What the build-generated next-env.d.ts provides (Next's global types: CSS and CSS-module imports, image imports,
// `server-only`), committed so `npm run typecheck` passes on a fresh clone before any build. After a build, tsconfig.json
// also picks up next-env.d.ts and .next/types (typed routes, the page-export validator); both are optional extras.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
