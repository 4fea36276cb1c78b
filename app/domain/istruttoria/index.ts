// L'istruttoria della Sede: termine per decidere, interlocuzione con l'azienda, controlli automatici (le stesse regole
// del modulo della domanda), checklist dei controlli manuali, decisione, motivazione suggerita, ricorsi. Nessun I/O.
export * from "./termine-decisione";
export * from "./interlocuzione";
export * from "./controlli";
export * from "./decisione";
export * from "./motivazione";
export * from "./checklist";
export * from "./ricorsi";
export * from "./statistiche";
export * from "./provvedimento";
