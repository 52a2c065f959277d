import { apiError, apiRoute } from "../../utils/api.server";

/** Unknown API paths answer in the API's JSON shape, not with the HTML 404 page (and count towards the rate limit, which slows scanners). */
const notFound = apiRoute("optional", () => apiError(404, "not_found", "No such API endpoint."));
export const loader = notFound;
export const action = notFound;
