import { data, type AppLoadContext } from "@remix-run/node";
import { StaffSchema } from "../forms/group";
import { readFormData } from "../utils/form-data.server";
import { parseForm } from "../utils/forms";
import { formFailure } from "../utils/http.server";
import { uuidOrNotFound } from "../utils/ids";
import type { Actor } from "./actor";
import { addStaff, removeStaff } from "./groups.server";

/**
 * The staff section's action, shared by the coordinator's and the member's page (the service
 * checks that the acting organisation is the group or the member itself).
 */
export async function staffAction(
  request: Request,
  context: Pick<AppLoadContext, "db">,
  actor: Actor,
  params: { groupId: string; enterpriseId: string },
) {
  const form = await readFormData(request);
  const now = new Date();
  try {
    if (form.get("intent") === "remove") {
      await removeStaff(
        context.db,
        actor,
        { groupId: params.groupId, staffId: uuidOrNotFound(form.get("staffId")) },
        now,
      );
      return { done: "removed" as const };
    }
    const parsed = parseForm(StaffSchema, form);
    if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
    await addStaff(context.db, actor, { ...params, staff: parsed.data }, now);
    return { done: "added" as const };
  } catch (error) {
    return formFailure(error);
  }
}
