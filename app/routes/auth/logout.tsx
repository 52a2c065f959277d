import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { logout } from "../../services/auth.server";
import { getSessionContext } from "../../utils/auth.server";
import { clearSessionCookie } from "../../utils/session-cookie.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const found = await getSessionContext(request, context);
  if (found) await logout(context.db, found.session, context.clientIp);
  return redirect("/", { headers: { "Set-Cookie": clearSessionCookie(context.env) } });
}
