// The session id is the SHA-256 of the cookie's token, in hex (ADR 003): the value stored for sessions already open,
// so a change of how it is computed must give the same text or every signed-in user would be signed out.
import { describe, expect, it } from "vitest";
import { idDaToken } from "./sessione.server";

describe("idDaToken", () => {
  it("is the lowercase hex SHA-256 of the token (the value of `sha256sum`)", () => {
    expect(idDaToken("abcdefghijklmnopqrstuvwxyz234567")).toBe("84cb29b2c78b393c0d30a90d5a9f670267d02d9ec3743fc1800acff8b03bac15");
  });
});
