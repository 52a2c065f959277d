/** Who performs a use case: the signed-in user, the organisation they act for, and their IP for the audit log. */
export type Actor = { userId: string; orgId: string; ip: string };
