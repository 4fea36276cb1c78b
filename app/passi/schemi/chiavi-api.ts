// The form that makes a key of the flows API (its name says which program uses it).
import { z } from "zod";
import { schema } from "../schema";
import { testo } from "./comuni";

export const messaggiChiaviApi = {
  // Alike istruttoria.ts's labels (duplicates): the messages of this form, in one object like every schema's
  nome: "Scrivi un nome per la chiave, ad esempio il nome del programma paghe",
  troppe: "Hai già 10 chiavi attive: revoca quelle che non usi più prima di crearne un'altra",
  giaRevocata: "Questa chiave era già stata revocata.",
} as const;

export const ChiaveApiSchema = /* @__PURE__ */ schema(() =>
  z.object({
    nome: testo({ obbligatorio: messaggiChiaviApi.nome, massimo: 80, nome: "Il nome" }),
  }),
);
