// Types of ./next-paths.mjs for the site's own type check (tsconfig.app.json, which reads no JavaScript).
export declare const NEXT_DIR: string;
export declare const nextDir: (root: string) => string;
export declare const buildIdFile: (root: string) => string;
export declare const finishedMarker: (root: string) => string;
export declare const prerenderedDir: (root: string) => string;
export declare const routeCacheDir: (root: string) => string;
