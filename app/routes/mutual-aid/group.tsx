import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffSection } from "../../components/group-staff";
import { ACCESS } from "../../domain/access";
import { staffAction } from "../../services/group-staff-action.server";
import { listMemberStaff } from "../../services/groups.server";
import { requireAccess } from "../../utils/access.server";
import { orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "本单位技术人员 · 安服市集" }];

/** The member enterprise manages its own technical staff in one of its groups. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.mutualAid, "view");
  const groupId = await orErrorPage(async () => uuidOrNotFound(params.groupId));
  const { member, staff } = await orErrorPage(() =>
    listMemberStaff(context.db, { actingOrgId: org.id, groupId, enterpriseId: org.id }),
  );
  if (member.status !== "active") await orErrorPage(async () => uuidOrNotFound("not-a-member"));
  return { member, staff, canEdit };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.mutualAid, "edit");
  const groupId = await orErrorPage(async () => uuidOrNotFound(params.groupId));
  return staffAction(
    request,
    context,
    { userId: user.id, orgId: org.id, ip: context.clientIp },
    { groupId, enterpriseId: org.id },
  );
}

export default function MemberStaff() {
  const { member, staff, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation("groups");
  return (
    <StaffSection
      memberName={member.name}
      staff={staff}
      canEdit={canEdit}
      back={{ to: "/mutual-aid", label: t("member.back") }}
    />
  );
}
