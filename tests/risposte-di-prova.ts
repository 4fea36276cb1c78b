// Valid stored answers of the first two steps of a domanda, shared by the unit tests of app/passi.
export const AZIENDA_DI_PROVA = { pec: "ufficio@pec.esempio.it" };

export const UNITA_DI_PROVA = {
  unitaProduttivaId: 1,
  codice: "UP1",
  denominazione: "Stabilimento di Padova",
  mediaOccupati: [{ orarioSettimanale: 40, lavoratori: 30 }],
  mediaUniemens: [{ orarioSettimanale: 40, lavoratori: 30 }],
  modificata: false,
};
