import { data } from "@remix-run/node";
import { AppErrorBoundary } from "../components/error-boundary";

export async function loader() {
  throw data({ messageKey: "not_found" }, { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <AppErrorBoundary />;
}
