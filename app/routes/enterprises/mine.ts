import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireMembership } from "../../utils/auth.server";

/** The enterprise's own register record (its menu entry), whatever its id. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireMembership(request, context, { kinds: ["enterprise"] });
  return redirect(`/enterprises/${org.id}`);
}
