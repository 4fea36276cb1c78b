// Zod schemas are built when their module loads. The step pages' components read labels and messages from the same
// modules, so each schema is wrapped in a call marked pure: esbuild drops an unused pure call with its argument,
// and the browser bundle keeps neither the schemas nor zod (the forms are checked on the server, with and without
// JavaScript). A `/* @__PURE__ */` comment in front of a chain such as `z.string().regex(…)` would mark only its
// first call.
export function schema<T>(definizione: () => T): T {
  return definizione();
}
