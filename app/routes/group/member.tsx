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

export const meta: MetaFunction = () => [{ title: "技术人员 · 安服市集" }];

/** The coordinator manages one member's technical staff. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.groupDesk, "view");
  const enterpriseId = await orErrorPage(async () => uuidOrNotFound(params.enterpriseId));
  const { member, staff } = await orErrorPage(() =>
    listMemberStaff(context.db, { actingOrgId: org.id, groupId: org.id, enterpriseId }),
  );
  return { member, staff, canEdit: canEdit && member.status === "active" };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.groupDesk, "edit");
  const enterpriseId = await orErrorPage(async () => uuidOrNotFound(params.enterpriseId));
  return staffAction(
    request,
    context,
    { userId: user.id, orgId: org.id, ip: context.clientIp },
    { groupId: org.id, enterpriseId },
  );
}

export default function GroupMemberStaff() {
  const { member, staff, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation("groups");
  return (
    <StaffSection
      memberName={member.name}
      staff={staff}
      canEdit={canEdit}
      back={{ to: "/group/members", label: t("staff.back") }}
    />
  );
}
