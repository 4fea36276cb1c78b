import { GruppoScelte, type PropsGruppo } from "./GruppoScelte";

export interface PropsGruppoCheckbox extends PropsGruppo {
  /** Valori spuntati all'apertura (conform: `defaultOptions`; un solo valore è accettato come stringa). */
  defaultValue?: readonly string[] | string | undefined;
}

/** Zero o più scelte (checkbox) con lo stesso `name`, dentro fieldset e legenda. */
export function GruppoCheckbox({ defaultValue, ...props }: PropsGruppoCheckbox) {
  const spuntate = new Set(typeof defaultValue === "string" ? [defaultValue] : (defaultValue ?? []));
  return <GruppoScelte {...props} tipo="checkbox" selezionata={(v) => spuntate.has(v)} />;
}
