import { useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";

/**
 * A form checked on the server only, with and without JavaScript (ADR 014: one schema, one error pattern, no zod in the
 * browser bundle): conform's form and fields with the action's reply as lastResult. Every form of the application
 * opens this way (steps through usaModuloPasso).
 */
// conform's own constraint on a form's values (an interface has no index signature, so `unknown` would refuse it).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function usaModuloServer<Schema extends Record<string, any> = Record<string, any>>(
  id: string,
  lastResult: SubmissionResult<string[]> | null | undefined,
  defaultValue?: DefaultValue<Schema>,
) {
  return useForm<Schema>({ id, lastResult, defaultValue, shouldValidate: "onSubmit", shouldRevalidate: "onSubmit" });
}
