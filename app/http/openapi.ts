// The flows API described for payroll software: OpenAPI 3.1, served at /api/v1/openapi.json and explained in
// docs/api/README.md. Tests check that the document is valid and that the routes answer as it says.
import { LIMITI_FLUSSO } from "~/domain/flussi/denuncia";

const problema = {
  description: "Errore, descritto in italiano (RFC 9457).",
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problema" } } },
};
const rispostaErrore = (descrizione: string) => ({ ...problema, description: descrizione });

export const DOCUMENTO_OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "OMNIA IS — API dei flussi UniEmens-Cig",
    version: "1.0.0",
    description:
      "Per i programmi paghe di aziende e intermediari: invio dei flussi UniEmens-Cig per il pagamento diretto (XML secondo lo schema pubblicato in /flussi/uniemens-cig-omnia-1.0.xsd, o CSV con lo stesso contenuto), verifica senza invio, rapporto con le righe scartate, eliminazione di una denuncia accolta. " +
      "Ogni chiamata porta una chiave creata dall'utente nella pagina «Chiavi per i programmi paghe» del suo profilo; la chiave agisce con il profilo scelto quando è stata creata e vale per le aziende per cui quel profilo può inviare flussi. Riferimenti: art. 7 c.5-bis d.lgs. 148/2015; msg INPS 2902/2022.",
  },
  servers: [{ url: "/" }],
  security: [{ chiave: [] }],
  paths: {
    "/api/v1/flussi": {
      get: {
        summary: "I flussi inviati",
        operationId: "elencoFlussi",
        responses: {
          "200": { description: "Gli ultimi 50 flussi inviati dall'utente della chiave.", content: { "application/json": { schema: { $ref: "#/components/schemas/ElencoFlussi" } } } },
          "401": rispostaErrore("Chiave mancante, non valida o revocata."),
        },
      },
      post: {
        summary: "Invia un flusso (o lo verifica senza inviarlo)",
        operationId: "inviaFlusso",
        parameters: [
          { name: "prova", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] }, description: "true: fa gli stessi controlli e non salva nulla." },
          { name: "X-Nome-File", in: "header", required: false, schema: { type: "string", maxLength: 255 }, description: "Il nome del file, come apparirà nell'elenco dei flussi." },
        ],
        requestBody: {
          required: true,
          description: `Il file del flusso, fino a ${LIMITI_FLUSSO.byte / 1024 / 1024} MB e ${LIMITI_FLUSSO.denunce} denunce, codifica UTF-8.`,
          content: { "application/xml": { schema: { type: "string" } }, "text/csv": { schema: { type: "string" } } },
        },
        responses: {
          "201": {
            description: "Flusso ricevuto: le denunce buone accolte, le altre scartate con il loro codice.",
            headers: { Location: { schema: { type: "string" }, description: "L'indirizzo del rapporto." } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/EsitoInvio" } } },
          },
          "202": {
            description: "File di più di 10.000 denunce: salvato per intero e controllato da un lavoro. Il rapporto (Location) ha stato in_coda o in_corso finché il controllo non è concluso.",
            headers: { Location: { schema: { type: "string" }, description: "L'indirizzo del rapporto." } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/EsitoInvio" } } },
          },
          "200": {
            description:
              "Verifica senza invio (prova=true): lo stesso rapporto, nulla salvato. Con `Accept: text/csv` il rapporto intero in CSV (UTF-8 con BOM, punto e virgola; colonne Riga, Tipo (Errore o Avviso), Codice, Messaggio), scritto mentre il file è controllato: ogni segnalazione nell'ordine del file, l'errore che ha fermato la lettura per ultimo. Una risposta interrotta è un errore, non un rapporto.",
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/EsitoInvio" } },
              "text/csv": { schema: { type: "string" } },
            },
          },
          "401": rispostaErrore("Chiave mancante, non valida o revocata."),
          "413": { description: "Il file supera il limite." },
          "415": rispostaErrore("Content-Type diverso da application/xml o text/csv."),
        },
      },
    },
    "/api/v1/flussi/{id}": {
      get: {
        summary: "Il rapporto di un flusso",
        operationId: "rapportoFlusso",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "integer" } },
          { name: "dopo", in: "query", required: false, schema: { type: "integer" }, description: "Per le pagine successive: usa l'indirizzo in «successivi»." },
        ],
        responses: {
          "200": { description: "Totali e righe scartate, 50 per pagina.", content: { "application/json": { schema: { $ref: "#/components/schemas/Rapporto" } } } },
          "401": rispostaErrore("Chiave mancante, non valida o revocata."),
          "404": rispostaErrore("Il flusso non esiste o non è stato inviato dall'utente della chiave."),
        },
      },
    },
    "/api/v1/eliminazioni": {
      post: {
        summary: "Elimina una denuncia accolta",
        operationId: "eliminaDenuncia",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ChiaveDenuncia" } } } },
        responses: {
          "200": {
            description: "Denuncia eliminata: non vale più per il pagamento diretto; la versione corretta si invia in un nuovo flusso.",
            content: { "application/json": { schema: { type: "object", required: ["id", "eliminata"], properties: { id: { type: "integer" }, eliminata: { const: true } } } } },
          },
          "401": rispostaErrore("Chiave mancante, non valida o revocata."),
          "404": rispostaErrore("Nessuna denuncia accolta con questa chiave tra le aziende della chiave."),
          "409": rispostaErrore("La denuncia è stata eliminata nel frattempo, oppure è già in un lotto di pagamento della Sede."),
          "415": rispostaErrore("Il corpo non è JSON."),
          "422": rispostaErrore("Campi non validi: i messaggi sono in «errori», per campo."),
        },
      },
    },
    "/api/v1/openapi.json": {
      get: { summary: "Questo documento", operationId: "documentoOpenApi", security: [], responses: { "200": { description: "Il documento OpenAPI.", content: { "application/json": {} } } } },
    },
  },
  components: {
    securitySchemes: {
      chiave: { type: "http", scheme: "bearer", description: "Authorization: Bearer <chiave>, con una chiave creata nel profilo (inizia con omnia_)." },
    },
    schemas: {
      Problema: {
        type: "object",
        required: ["status", "title", "detail"],
        properties: {
          status: { type: "integer" },
          title: { type: "string" },
          detail: { type: "string" },
          errori: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
        },
      },
      Segnalazione: {
        type: "object",
        required: ["riga", "codice", "messaggio"],
        properties: {
          riga: { type: "integer", description: "La riga del file." },
          codice: { type: "string", description: "Il codice del catalogo degli errori (/flussi/catalogo).", examples: ["UNI41-E021"] },
          messaggio: { type: "string" },
        },
      },
      EsitoInvio: {
        type: "object",
        required: ["id", "prova", "denunce", "accolte", "scartate", "conAvvisi", "interrotto", "scarti", "avvisi", "nonElencate", "rapporto"],
        properties: {
          id: { type: ["integer", "null"], description: "Null per una verifica senza invio." },
          prova: { type: "boolean" },
          denunce: { type: "integer" },
          accolte: { type: "integer" },
          scartate: { type: "integer" },
          conAvvisi: { type: "integer" },
          interrotto: { oneOf: [{ type: "null" }, { $ref: "#/components/schemas/Segnalazione" }], description: "Il file ha smesso di essere leggibile a questa riga." },
          scarti: { type: "array", items: { $ref: "#/components/schemas/Segnalazione" }, description: "Le prime 1.000 segnalazioni delle righe scartate (tutte nel rapporto)." },
          avvisi: { type: "array", items: { $ref: "#/components/schemas/Segnalazione" }, description: "I primi 1.000 avvisi delle righe accolte." },
          nonElencate: {
            type: "object",
            required: ["scarti", "avvisi"],
            description: "Le segnalazioni oltre le prime 1.000 di ogni elenco: contate, non elencate (di un flusso inviato le scartate sono tutte nel rapporto).",
            properties: { scarti: { type: "integer" }, avvisi: { type: "integer" } },
          },
          rapporto: { type: ["string", "null"] },
        },
      },
      Rapporto: {
        type: "object",
        required: ["id", "nomeFile", "stato", "ricevutoIl", "denunce", "accolte", "scartate", "conAvvisi", "scarti", "successivi"],
        properties: {
          id: { type: "integer" },
          nomeFile: { type: "string" },
          stato: { type: "string", enum: ["caricamento", "in_coda", "in_corso", "completato", "interrotto"] },
          ricevutoIl: { type: "string", format: "date-time" },
          completatoIl: { type: ["string", "null"], format: "date-time" },
          denunce: { type: "integer" },
          accolte: { type: "integer" },
          scartate: { type: "integer" },
          conAvvisi: { type: "integer" },
          scarti: { type: "array", items: { $ref: "#/components/schemas/Segnalazione" } },
          successivi: { type: ["string", "null"], description: "L'indirizzo della pagina successiva delle righe scartate." },
        },
      },
      ElencoFlussi: {
        type: "object",
        required: ["flussi"],
        properties: {
          flussi: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "nomeFile", "stato", "ricevutoIl", "denunce", "accolte", "scartate", "conAvvisi", "rapporto"],
              properties: {
                id: { type: "integer" }, nomeFile: { type: "string" }, stato: { type: "string" }, ricevutoIl: { type: "string", format: "date-time" },
                denunce: { type: "integer" }, accolte: { type: "integer" }, scartate: { type: "integer" }, conAvvisi: { type: "integer" }, rapporto: { type: "string" },
              },
            },
          },
        },
      },
      ChiaveDenuncia: {
        type: "object",
        required: ["matricola", "cfLavoratore", "competenza", "qualifica1", "qualifica2", "qualifica3", "tipoContribuzione"],
        properties: {
          matricola: { type: "string", pattern: "^\\d{10}$" },
          cfLavoratore: { type: "string", pattern: "^[A-Za-z0-9]{16}$" },
          competenza: { type: "string", description: "AAAA-MM oppure MM/AAAA.", examples: ["2026-03"] },
          qualifica1: { type: "string", pattern: "^[0-9A-Za-z]$" },
          qualifica2: { type: "string", pattern: "^[0-9A-Za-z]$" },
          qualifica3: { type: "string", pattern: "^[0-9A-Za-z]$" },
          tipoContribuzione: { type: "string", pattern: "^[0-9A-Za-z]{2}$" },
        },
      },
    },
  },
} as const;
