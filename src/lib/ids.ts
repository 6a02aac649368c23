// Server-generated ids: 96 random bits as 24 hex characters (the shape of AIM run hashes).
export function generateId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
