// The one catalogue of the platform's messages, grouped by area.
export { messaggiAccesso } from "./accesso";
export { messaggiDomanda } from "./domanda";
export { messaggiIstruttoria } from "./istruttoria";
