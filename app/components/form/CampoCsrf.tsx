// The hidden CSRF field every POST form carries (ADR 005). A plain module, not `.server`: the browser bundle
// needs the field name too, or a form rendered on the client would post without its token.
export const CAMPO_CSRF = "csrf";

export function CampoCsrf({ token }: { token: string }) {
  return <input type="hidden" name={CAMPO_CSRF} value={token} />;
}
