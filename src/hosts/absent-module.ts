// Stands, in the Worker bundle, for an optional module a library imports only when it meets
// something runcamp never gives it (wrangler.toml [alias]): hono-openapi's schema converter
// imports zod's when it meets a zod schema, and runcamp's schemas are valibot's. Importing
// this fails as the missing package would, which the library reports as a missing dependency;
// without it the Worker bundle carried all of zod (about 400 KiB minified).
throw new Error("This module is not part of the runcamp Worker bundle (wrangler.toml [alias]).");
