// Read access to the INPS registries that pages show (authorisation happens before these are called).
import { eq } from "drizzle-orm";
import { sedi } from "#db/schema";
import { db } from "#db/connection";

export async function descrizioneSede(codice: string): Promise<string> {
  const [s] = await db().select().from(sedi).where(eq(sedi.codice, codice));
  return s ? `${s.nome} (${s.codice})` : codice;
}
