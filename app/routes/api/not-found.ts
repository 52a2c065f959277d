import { apiError } from "../../utils/api.server";

/** Unknown API paths answer in the API's JSON shape, not with the HTML 404 page. */
export function loader() {
  return apiError(404, "not_found", "No such API endpoint.");
}
export function action() {
  return apiError(404, "not_found", "No such API endpoint.");
}
