import { COMMON_PASSWORDS } from "./data/common-passwords";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const common = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

export type PasswordProblem = "too_short" | "too_long" | "too_common" | "same_as_email";

/** Length counts characters (code points), not bytes, so a Chinese passphrase is judged fairly. */
export function checkPassword(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return "too_short";
  if (length > PASSWORD_MAX) return "too_long";
  const lowered = password.toLowerCase();
  if (common.has(lowered)) return "too_common";
  if (email && lowered === email.trim().toLowerCase()) return "same_as_email";
  return null;
}
