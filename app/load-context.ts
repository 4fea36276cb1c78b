// What the express server hands every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request nonce for the inline scripts of Remix, matched by the Content-Security-Policy. */
    cspNonce: string;
    /**
     * The request comes from this machine itself, not through a proxy (loopback socket, no forwarding header): the
     * development pages (e.g. /sviluppo/posta) answer only then.
     */
    locale?: boolean;
  }
}
export {};
