import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { toLanguage } from "../i18n/config";
import { languageCookie } from "../i18n/i18n.server";
import { safeRedirect } from "../utils/http.server";
import { readFormData } from "../utils/form-data.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const lng = toLanguage(String(form.get("lng") ?? ""));
  return redirect(safeRedirect(form.get("redirectTo"), "/"), {
    headers: { "Set-Cookie": await languageCookie.serialize(lng) },
  });
}
