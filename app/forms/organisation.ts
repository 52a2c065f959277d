import { z } from "zod";
import { industryField, optionalText, phoneField, regionField, requiredText, usccField } from "./fields";

export const OrganisationProfileSchema = z.object({
  name: requiredText(100),
  uscc: usccField.optional(),
  regionCode: regionField,
  industryCode: industryField,
  contactPhone: phoneField,
  address: optionalText(200),
  description: optionalText(2000),
});

export const ApiTokenSchema = z.object({ name: requiredText(60) });
