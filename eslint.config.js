import tseslint from "typescript-eslint";

// Layer boundaries (docs/decisions/007-confini-dei-livelli.md, 008-nomi-e-commenti.md): the database is reached only
// from services (app/services/*.server.ts) and db/; the rules module is pure (no I/O, no Remix, no React).
const database = [
  // A regex, not a gitignore-style group: in those a leading "#" starts a comment.
  { regex: "^(#db/|(\\.\\./)+db/|postgres$|drizzle-orm|@electric-sql/)", message: "Il database si usa solo dai servizi (app/services/*.server.ts)." },
];
const remix = [
  { group: ["@remix-run/*", "react", "react-dom", "react-dom/*", "@conform-to/*"], message: "Il modulo delle regole (app/domain) non dipende dall'interfaccia." },
];
// Services answer with results (app/services/risultato.ts), never with HTTP: no Remix, no request helpers of app/http
// (docs/decisions/011), so jobs, the flows API and the operator side call them as the pages do.
const http = [
  { group: ["@remix-run/*"], message: "I servizi non restituiscono né lanciano risposte HTTP: restituiscono un Risultato (app/services/risultato.ts)." },
  { group: ["~/http/*", "**/http/*"], message: "I servizi non dipendono dal livello HTTP (app/http): lo usano le rotte." },
];
// …nor the HTTP request itself: a service takes the values read from it (a cookie's value, an origin), so nothing in
// app/services needs a Request to run.
const richiesta = "I servizi non prendono la richiesta HTTP: app/http ne legge i valori (cookie, origine) e li passa.";
const servizi = [
  { group: ["~/services/*", "**/*.server", "~/routes/*"], allowTypeImports: true, message: "Le regole e i componenti non chiamano servizi né rotte." },
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "build/**",
      "public/build/**",
      ".cache/**",
      ".data/**",
      "coverage/**",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
    },
  },
  {
    files: ["app/routes/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: database }] },
  },
  {
    files: ["app/services/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: http }],
      "@typescript-eslint/no-restricted-types": ["error", { types: { Request: richiesta } }],
      "no-restricted-globals": ["error", { name: "Request", message: richiesta }],
    },
  },
  {
    files: ["app/components/**", "app/passi/**", "app/testi/**", "app/moduli/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [...database, ...servizi] }] },
  },
  {
    files: ["app/domain/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [...database, ...remix, ...servizi] }] },
  },
);
