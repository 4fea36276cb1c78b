// Messages shared by every step of the domanda.
export const messaggiDomanda = {
  conflittoVersione:
    "La domanda è stata modificata in un'altra scheda o da un altro utente dopo che hai aperto questa pagina. Non abbiamo salvato le tue modifiche: i dati qui sotto sono quelli che avevi inserito; controlla la versione aggiornata nell'elenco dei passi e ripeti la modifica.",
  salvaEContinua: "Salva e continua",
  tornaAlRiepilogo: "Salva e torna al riepilogo",
  tornaAllElenco: "Torna all'elenco dei passi",
} as const;
