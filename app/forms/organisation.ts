import { z } from "zod";
import { optionalText, phoneField, requiredText, usccField } from "./fields";
import { industryField, regionField } from "./place-fields";

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
