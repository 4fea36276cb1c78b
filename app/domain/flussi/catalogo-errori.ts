// Il catalogo pubblicato degli errori e degli avvisi dei flussi UniEmens-Cig (pagamento diretto, art. 7 c.5-bis d.lgs.
// 148/2015). I codici sono della piattaforma: quelli dei "controlli in accoglienza" dell'INPS (msg 3556/2021) non sono
// pubblici. Ogni voce dice la causa e come rimediare, in italiano semplice, con il riferimento normativo come nota.
// docs/regole.md §19 e docs/flussi/ (schema, esempi, catalogo).

export type GravitaFlusso = "errore" | "avviso";

export interface VoceCatalogo {
  gravita: GravitaFlusso;
  /** Che cosa non va, in una riga. */
  titolo: string;
  /** Perché la riga è scartata o segnalata. */
  causa: string;
  /** Che cosa fare. */
  rimedio: string;
  riferimento: string;
}

export const CATALOGO_ERRORI_FLUSSI = {
  "UNI41-E001": {
    gravita: "errore",
    titolo: "File non conforme allo schema",
    causa: "Il file non è un XML ben formato secondo lo schema pubblicato, o un campo obbligatorio manca o ha un formato sbagliato.",
    rimedio: "Correggi il file con il programma paghe seguendo lo schema e gli esempi pubblicati, poi invialo di nuovo.",
    riferimento: "Schema UniEmens-Cig della piattaforma (docs/flussi)",
  },
  "UNI41-E002": {
    gravita: "errore",
    titolo: "Contenuto del file non ammesso",
    causa: "Il file contiene una dichiarazione DOCTYPE o entità, una codifica diversa da UTF-8, o supera i limiti di dimensione o di righe.",
    rimedio: "Invia un file UTF-8 senza DOCTYPE né entità, entro i limiti indicati nella pagina di invio; dividi i file molto grandi.",
    riferimento: "Schema UniEmens-Cig della piattaforma (docs/flussi)",
  },
  "UNI41-E010": {
    gravita: "errore",
    titolo: "Matricola non abilitata",
    causa: "La matricola non esiste negli archivi dell'INPS oppure chi invia non ha una delega valida per quell'azienda.",
    rimedio: "Controlla la matricola; se sei un intermediario, verifica che la delega dell'azienda sia attiva.",
    riferimento: "art. 1 L. 12/1979; art. 7 c.5-bis d.lgs. 148/2015",
  },
  "UNI41-E020": {
    gravita: "errore",
    titolo: "Ticket mancante",
    causa: "La denuncia non indica il ticket della domanda di integrazione salariale.",
    rimedio: "Inserisci il ticket che trovi nella ricevuta della domanda.",
    riferimento: "msg INPS 3556/2021",
  },
  "UNI41-E021": {
    gravita: "errore",
    titolo: "Ticket sconosciuto",
    causa: "Il ticket indicato non corrisponde a nessuna domanda inviata.",
    rimedio: "Copia il ticket dalla ricevuta della domanda, senza spazi.",
    riferimento: "msg INPS 3556/2021",
  },
  "UNI41-E022": {
    gravita: "errore",
    titolo: "Ticket non per pagamento diretto",
    causa: "La domanda di quel ticket chiede l'anticipo e conguaglio, non il pagamento diretto: i suoi dati vanno nell'UniEmens ordinario.",
    rimedio: "Usa il ticket di una domanda con pagamento diretto, oppure esponi la prestazione a conguaglio nell'UniEmens.",
    riferimento: "art. 7 c.5-bis d.lgs. 148/2015; msg INPS 3556/2021",
  },
  "UNI41-E023": {
    gravita: "errore",
    titolo: "Ticket di un'altra azienda",
    causa: "Il ticket appartiene a una domanda di un'altra matricola.",
    rimedio: "Controlla matricola e ticket: devono essere della stessa domanda.",
    riferimento: "msg INPS 3556/2021",
  },
  "UNI41-E030": {
    gravita: "errore",
    titolo: "Codice fiscale del lavoratore non valido",
    causa: "Il codice fiscale del lavoratore non ha il formato corretto o il carattere di controllo non torna.",
    rimedio: "Correggi il codice fiscale nell'anagrafica del programma paghe.",
    riferimento: "D.M. 23/12/1976 (codice fiscale)",
  },
  "UNI41-E031": {
    gravita: "errore",
    titolo: "Lavoratore non beneficiario",
    causa: "Il lavoratore non è tra i beneficiari della domanda (o è stato escluso dall'autorizzazione).",
    rimedio: "Invia solo i lavoratori indicati nella domanda e autorizzati; se manca qualcuno, contatta la Sede dalla domanda.",
    riferimento: "art. 1 c.2 d.lgs. 148/2015",
  },
  "UNI41-E032": {
    gravita: "errore",
    titolo: "Lavoratore non in forza all'unità produttiva",
    causa: "Dall'UniEmens il lavoratore non risulta in forza all'unità produttiva della domanda in quel mese.",
    rimedio: "Controlla il mese di competenza e l'unità produttiva; se l'UniEmens del mese è sbagliato, correggilo prima.",
    riferimento: "art. 1 c.2 d.lgs. 148/2015",
  },
  "UNI41-E040": {
    gravita: "errore",
    titolo: "Mese fuori dal periodo",
    causa: "Il mese di competenza non cade nel periodo autorizzato (o, prima della decisione, in quello richiesto).",
    rimedio: "Indica un mese compreso nel periodo della domanda.",
    riferimento: "art. 7 c.5-bis d.lgs. 148/2015",
  },
  "UNI41-E041": {
    gravita: "errore",
    titolo: "Mese nel futuro",
    causa: "Il mese di competenza non è ancora iniziato.",
    rimedio: "Invia i dati di un mese solo quando è iniziato.",
    riferimento: "art. 7 c.5-bis d.lgs. 148/2015",
  },
  "UNI41-E050": {
    gravita: "errore",
    titolo: "Detrazioni mancanti o diverse",
    causa: "DetrazLavDip e DetrazCarichiFam sono obbligatori, valgono S o N e devono essere uguali.",
    rimedio: "Indica S in entrambi se il lavoratore chiede le detrazioni, altrimenti N in entrambi.",
    riferimento: "msg INPS 2902/2022",
  },
  "UNI41-E060": {
    gravita: "errore",
    titolo: "IBAN non valido",
    causa: "L'IBAN non è un IBAN italiano valido (27 caratteri, cifre di controllo e CIN) né un IBAN di un paese SEPA.",
    rimedio: "Chiedi al lavoratore l'IBAN del conto o della carta con IBAN a lui intestati e ricopialo senza spazi.",
    riferimento: "ISO 13616; Regolamento (UE) 260/2012 (SEPA)",
  },
  "UNI41-W061": {
    gravita: "avviso",
    titolo: "Intestatario dell'IBAN da verificare",
    causa: "L'IBAN è diverso da quello registrato per il lavoratore, o non ce n'è uno registrato: la piattaforma non può sapere se è intestato a lui.",
    rimedio: "Nessuna azione se l'IBAN è del lavoratore. Se non lo è, l'INPS paga con bonifico domiciliato presso Poste Italiane.",
    riferimento: "msg INPS 1508/2020 (verifica dell'IBAN del beneficiario)",
  },
  "UNI41-E070": {
    gravita: "errore",
    titolo: "Denuncia già presente",
    causa: "Esiste già una denuncia con la stessa chiave (matricola, lavoratore, mese, qualifiche e tipo di contribuzione), in questo file o inviata prima.",
    rimedio: "Per correggere una denuncia già inviata, eliminala prima e poi inviala di nuovo; togli i doppioni dal file.",
    riferimento: "Servizio «Eliminazione UniEmens-Cig»",
  },
  "UNI41-E080": {
    gravita: "errore",
    titolo: "Termine scaduto",
    causa: "Il termine per inviare i dati del mese è scaduto: la prestazione e gli oneri restano a carico del datore di lavoro.",
    rimedio: "Non è possibile inviare la denuncia per il pagamento diretto. Rivolgiti al consulente o alla Sede per la gestione a carico del datore di lavoro.",
    riferimento: "art. 7 c.5-bis d.lgs. 148/2015",
  },
  "UNI41-W081": {
    gravita: "avviso",
    titolo: "Termine in scadenza",
    causa: "Il termine per inviare i dati del mese scade entro 15 giorni.",
    rimedio: "Invia il flusso definitivo prima della scadenza indicata.",
    riferimento: "art. 7 c.5-bis d.lgs. 148/2015",
  },
  "UNI41-W082": {
    gravita: "avviso",
    titolo: "Domanda non ancora autorizzata",
    causa: "La domanda non è ancora decisa: la denuncia è accolta, il pagamento attende l'autorizzazione e le ore saranno confrontate con quelle autorizzate.",
    rimedio: "Nessuna azione. Se l'autorizzazione esclude lavoratori o riduce le ore, le denunce in eccesso saranno scartate.",
    riferimento: "art. 8 c.5 D.L. 41/2021",
  },
  "UNI41-E090": {
    gravita: "errore",
    titolo: "Ore oltre l'orario della settimana",
    causa: "In una settimana le ore di integrazione superano l'orario contrattuale settimanale del lavoratore.",
    rimedio: "Controlla le ore giorno per giorno e l'orario contrattuale (in centesimi: 4000 = 40 ore).",
    riferimento: "art. 3 d.lgs. 148/2015",
  },
  "UNI41-E091": {
    gravita: "errore",
    titolo: "Ore oltre quelle autorizzate",
    causa: "Con questa denuncia le ore pagate sull'autorizzazione supererebbero quelle autorizzate, contando anche i flussi già accolti.",
    rimedio: "Riduci le ore o chiedi alla Sede, dalla domanda, se l'autorizzazione va rettificata.",
    riferimento: "art. 7 c.5-bis d.lgs. 148/2015",
  },
} as const satisfies Record<string, VoceCatalogo>;

export type CodiceErroreFlusso = keyof typeof CATALOGO_ERRORI_FLUSSI;

export const CODICI_ERRORE_FLUSSI = Object.keys(CATALOGO_ERRORI_FLUSSI) as CodiceErroreFlusso[];
