// The one catalogue of the platform's messages, grouped by area.
export { messaggiAccesso } from "./accesso";
export { messaggiIdentita } from "./identita";
export { messaggiDeleghe } from "./deleghe";
export { messaggiDomanda } from "./domanda";
export { messaggiFlussi } from "./flussi";
export { messaggiIstruttoria } from "./istruttoria";
export { messaggiComunicazioni } from "./comunicazioni";
