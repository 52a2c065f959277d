/** A rule was broken. `code` is stable and machine-readable; services map it to HTTP. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message ?? code);
    this.name = "DomainError";
  }
}
