import type { TFunction } from "i18next";
import { isNotificationType } from "../domain/notification-types";
import { SERVICE_CODES, type ServiceCode } from "../domain/insurance-plan";

const isServiceCode = (value: string): value is ServiceCode => (SERVICE_CODES as readonly string[]).includes(value);

type Params = Record<string, string | number>;

/**
 * The title and body of a notification in the language of `t`. Kept params are shown as given;
 * the few that name a state are translated here so the row stays language-neutral.
 */
export function notificationText(t: TFunction, type: string, params: Params): { title: string; body: string } {
  if (!isNotificationType(type)) return { title: type, body: "" };
  const values: Params = { ...params };
  if (type === "engagement_transition" && params.toStatus) {
    values.statusLabel = t(`engagements:status.${params.toStatus}`);
  }
  if (type === "qualification_expiring" && params.reminder) {
    values.when = t(`notifications:expiring.${params.reminder}`);
  }
  if (typeof params.serviceCode === "string" && isServiceCode(params.serviceCode)) {
    values.service = t(`notifications:insuranceService.${params.serviceCode}`);
  }
  return {
    title: t(`notifications:types.${type}.title`, values),
    body: t(`notifications:types.${type}.body`, values),
  };
}
