// Widget releases: each build of widgets.js and its chunks is also served at /v/{version}/, named by its content.
// No imports, so the widget build may use it.

/** A release's version: the first 12 hex digits of the sha256 over its files' paths and bytes (widgets/build.ts). */
export const WIDGET_VERSION = /^[0-9a-f]{12}$/;

/** A file of a release, as a path relative to /v/{version}/: the entry, a chunk, or release.json. */
export const RELEASE_FILE = /^(?:widgets\.js|release\.json|chunks\/[A-Za-z0-9_-]+\.js)$/;

/** /v/{version}/… never changes: cached for a year, immutable. */
export const RELEASE_CACHE_CONTROL = "public, max-age=31536000, immutable";

/** /widgets.js is the moving alias of the latest release: a short cache, so a deploy reaches pages within minutes. */
export const LATEST_CACHE_CONTROL = "public, max-age=300";

/** The path of a release's file on the atlas origin. */
export const releasePath = (version: string, file = "widgets.js") => `/v/${version}/${file}`;
