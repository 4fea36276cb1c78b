// The V8 flags of a server process (issue 12): supervisore.ts gives them to its workers, and the e2e and bench servers
// start server.ts with them. A 512 MB old space is a cap far above what the pages and a 100,000-return flow keep alive
// (~90 MB after a full collection, README Misure), and with it V8 lets the heap grow ×1.4 between full collections
// instead of ×4: the flow's short-lived garbage no longer takes the process from ~220 to ~450 MB. A process that would
// need more ends (out of memory) and the supervisor starts another.
export const ARGOMENTI_NODE_SERVER = ["--max-old-space-size=512"];
