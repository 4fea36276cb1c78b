import { GruppoScelte, type PropsGruppo } from "./GruppoScelte";

export interface PropsGruppoRadio extends PropsGruppo {
  defaultValue?: string | undefined;
}

/** Una scelta tra più (radio) dentro fieldset e legenda. */
export function GruppoRadio({ defaultValue, ...props }: PropsGruppoRadio) {
  return <GruppoScelte {...props} tipo="radio" selezionata={(v) => v === defaultValue} />;
}
