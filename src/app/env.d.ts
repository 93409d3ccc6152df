// Build-time constants and virtual modules the app uses.
/// <reference types="vite-plugin-pwa/react" />

/** Set from POCKETLENS_BUILD_LABEL at build time (e.g. to tell two builds apart in the update test). */
declare const __BUILD_LABEL__: string;

/** package.json version. */
declare const __APP_VERSION__: string;
