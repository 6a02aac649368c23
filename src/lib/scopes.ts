// What a token may do. Each scope includes the ones before it: read < write < admin.
export const TOKEN_SCOPES = ["read", "write", "admin"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const scopeAllows = (held: TokenScope, needed: TokenScope) => TOKEN_SCOPES.indexOf(held) >= TOKEN_SCOPES.indexOf(needed);
