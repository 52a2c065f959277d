// Password hashing (OWASP Password Storage Cheat Sheet): argon2id with at least 19 MiB,
// 2 iterations, 1 lane; salted; and — unlike bcrypt, which silently ignores everything past
// 72 bytes — the whole password counts, up to the policy's 128 characters.
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../app/services/passwords.server";

describe("argon2id hashing", () => {
  it("uses argon2id v1.3 with m=19456 KiB, t=2, p=1", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
  });

  it("salts: the same password hashes differently twice, and both verify", async () => {
    const [a, b] = await Promise.all([hashPassword("same password 123"), hashPassword("same password 123")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "same password 123")).toBe(true);
    expect(await verifyPassword(b, "same password 123")).toBe(true);
  });

  it("refuses a wrong password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(hash, "correct horse battery stapler")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("answers false, not an exception, for a malformed stored hash", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
    expect(await verifyPassword("", "anything")).toBe(false);
  });
});

describe("long passwords are never truncated", () => {
  const long = Array.from({ length: 128 }, (_, i) => String.fromCharCode(97 + (i % 26))).join("");

  it("two 128-character passwords equal in their first 100 characters verify differently", async () => {
    // Differs at character 101 — well past bcrypt's 72-byte limit.
    const other = `${long.slice(0, 100)}#${long.slice(101)}`;
    expect(other).toHaveLength(128);
    expect(other.slice(0, 72)).toBe(long.slice(0, 72));
    const hash = await hashPassword(long);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(await verifyPassword(hash, other)).toBe(false);
  });

  it("differing only in the last of 128 characters still matters", async () => {
    const hash = await hashPassword(long);
    expect(await verifyPassword(hash, `${long.slice(0, 127)}!`)).toBe(false);
  });

  it("a 128-character Chinese passphrase (384 bytes) counts to its last character", async () => {
    const phrase = "安全生产人人有责".repeat(16);
    expect([...phrase]).toHaveLength(128);
    const hash = await hashPassword(phrase);
    expect(await verifyPassword(hash, phrase)).toBe(true);
    expect(await verifyPassword(hash, `${phrase.slice(0, 127)}任`)).toBe(false);
  });
});
