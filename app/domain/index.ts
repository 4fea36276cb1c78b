// API pubblica del dominio: regole pure, parametri datati, validatori. Nessun I/O.
export * from "./date";
export * from "./validatori/risultato";
export * from "./validatori/codice-fiscale";
export * from "./validatori/partita-iva";
export * from "./validatori/iban";
export * from "./validatori/codici-inps";
