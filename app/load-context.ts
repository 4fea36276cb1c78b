// What the express server hands every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request nonce for the inline scripts of Remix, matched by the Content-Security-Policy. */
    cspNonce: string;
  }
}
export {};
