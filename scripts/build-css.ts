/**
 * Compila app/styles/app.scss in public/css/app.css (npm run build:css).
 *
 * 1. sass (compressed) con solo le parti di Bootstrap Italia importate da app.scss;
 * 2. purgecss contro app/**\/*.tsx: il CSS contiene solo le classi che le pagine usano davvero;
 * 3. stampa dimensione grezza e gzip, ed esce con errore oltre il budget (CSS ≤ 30 KB gzip, issue 2).
 *
 * Nota per chi scrive componenti: purgecss legge i nomi di classe letterali nel sorgente. Non comporre
 * classi con template string (`btn-${tipo}`): scrivi il nome intero o aggiungilo alla safelist qui sotto.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as sass from "sass";
import { PurgeCSS } from "purgecss";

const radice = join(dirname(fileURLToPath(import.meta.url)), "..");
const sorgente = join(radice, "app/styles/app.scss");
const destinazione = join(radice, "public/css/app.css");
const BUDGET_GZIP = 30 * 1024;

const compilato = sass.compile(sorgente, {
  style: "compressed",
  loadPaths: [join(radice, "node_modules/bootstrap-italia/src/scss"), join(radice, "app/styles")],
  // Le deprecazioni sono nei sorgenti di Bootstrap Italia, non nostre: non le correggiamo noi.
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "color-functions"],
  sourceMap: false,
});

const [risultato] = await new PurgeCSS().purge({
  content: [join(radice, "app/**/*.tsx"), join(radice, "app/**/*.ts"), join(radice, "server/**/*.ts")],
  css: [{ raw: compilato.css }],
  // Classi che nessun sorgente scrive per esteso ma che servono comunque.
  safelist: {
    standard: ["active", "is-invalid", "show", "visually-hidden", "visually-hidden-focusable"],
    greedy: [/data-focus-mouse/],
  },
  variables: true,
  keyframes: true,
  // Kept: the only faces are ours (app/styles/_caratteri.scss), used through the --bs-font-sans-serif variable, which
  // purgecss's font-face check does not follow.
  fontFace: false,
});
const css = risultato?.css ?? compilato.css;

mkdirSync(dirname(destinazione), { recursive: true });
writeFileSync(destinazione, css);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gzip = gzipSync(css, { level: 9 }).length;
console.info(
  `public/css/app.css: ${kb(Buffer.byteLength(css))} (da ${kb(Buffer.byteLength(compilato.css))} prima di purgecss), ` +
    `${kb(gzip)} gzip — budget ${kb(BUDGET_GZIP)}`,
);
if (gzip > BUDGET_GZIP) {
  console.error(`CSS oltre il budget di ${kb(BUDGET_GZIP)} gzip: togli import da app/styles/app.scss.`);
  process.exit(1);
}
