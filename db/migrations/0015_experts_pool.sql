-- 专家库: one pool (issue 8, decision 021). Every provider expert becomes a row of "experts"
-- employed by its provider, with the same id (links keep working). The free-text title and
-- specialties are mapped to the pool's codes where a keyword matches, and kept word for word
-- in the bio so nothing the provider wrote is lost. Regions default to the provider's service
-- regions (else its own region), which the provider can then narrow.
ALTER TABLE "experts" ADD COLUMN "maintained_by_org_id" uuid;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_maintained_by_org_id_organisations_id_fk" FOREIGN KEY ("maintained_by_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "experts" ("id", "name", "employer_org_id", "maintained_by_org_id", "specialties", "region_codes", "title",
  "safety_engineer_level", "certificate_no", "bio", "active", "created_at")
SELECT pe."id", pe."name", pe."provider_id", pe."provider_id",
  array_remove(ARRAY[
    CASE WHEN s ~ '矿' THEN 'mining' END,
    CASE WHEN s ~ '危险化学品|危化|化工|有毒气体' THEN 'hazardous_chemicals' END,
    CASE WHEN s ~ '烟花|爆竹' THEN 'fireworks' END,
    CASE WHEN s ~ '冶金|冶炼|有色' THEN 'metallurgy' END,
    CASE WHEN s ~ '建筑|施工' THEN 'construction' END,
    CASE WHEN s ~ '机械' THEN 'mechanical' END,
    CASE WHEN s ~ '电气|用电' THEN 'electrical' END,
    CASE WHEN s ~ '特种设备|锅炉|压力容器|起重' THEN 'special_equipment' END,
    CASE WHEN s ~ '消防|火灾' THEN 'fire' END,
    CASE WHEN s ~ '粉尘' AND s ~ '爆' THEN 'dust_explosion' END,
    CASE WHEN s ~ '有限空间' THEN 'confined_space' END,
    CASE WHEN s ~ '职业卫生|职业病|噪声|毒物' THEN 'occupational_health' END,
    CASE WHEN s ~ '交通|运输' THEN 'transport' END,
    CASE WHEN s ~ '应急|救援' THEN 'emergency_rescue' END,
    CASE WHEN s ~ '标准化|安全管理|托管' THEN 'safety_management' END,
    CASE WHEN s ~ '法律|法规' THEN 'law' END
  ], NULL),
  COALESCE(NULLIF(pp."region_codes"::text[], '{}'::text[]), ARRAY[o."region_code"::text]),
  (CASE
    WHEN t ~ '正高' THEN 'senior_full'
    WHEN t ~ '高级工程师' THEN 'senior'
    WHEN t ~ '助理工程师' THEN 'junior'
    WHEN t ~ '工程师' AND t !~ '注册安全工程师' THEN 'intermediate'
    ELSE 'none'
  END)::"expert_title",
  (CASE
    WHEN t ~ '高级注册安全工程师' THEN 'senior'
    WHEN t ~ '助理注册安全工程师' THEN 'junior'
    WHEN t ~ '注册安全工程师' THEN 'intermediate'
  END)::"safety_engineer_level",
  pe."certificate_no",
  NULLIF(concat_ws('；', NULLIF(btrim(pe."title"), ''), NULLIF(btrim(pe."specialties"), '')), ''),
  true,
  pe."created_at"
FROM "provider_experts" pe
  JOIN "organisations" o ON o."id" = pe."provider_id"
  LEFT JOIN "provider_profiles" pp ON pp."org_id" = pe."provider_id",
  LATERAL (SELECT COALESCE(pe."title", '') || ' ' || COALESCE(pe."specialties", '') AS s,
                  COALESCE(pe."title", '') AS t) AS txt
ON CONFLICT ("id") DO NOTHING;--> statement-breakpoint
DROP TABLE "provider_experts" CASCADE;
