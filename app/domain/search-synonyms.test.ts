import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { queryTokens, toTsQuery } from "./cjk-tokens";
import { SEARCH_SYNONYMS } from "./data/search-synonyms";
import {
  categoryForTerm,
  expandedLexemeGroups,
  expandedTsQuery,
  expandSearchTerms,
  expandTerm,
  splitTerms,
} from "./search-synonyms";

// One row per dictionary entry (issue 11: "a reviewed dictionary in the domain with a test per
// entry"): what a practitioner types, and what the search must then also look for.
const ENTRY_ROWS: ReadonlyArray<[typed: string, alsoSearches: string[]]> = [
  ["危化", ["危险化学品"]],
  ["安评", ["安全评价"]],
  ["职卫", ["职业卫生", "职业健康"]],
  ["特设", ["特种设备"]],
  ["有限空间", ["受限空间"]],
  ["双预防", ["双重预防机制"]],
  ["应急预案", ["应急救援预案"]],
  ["应急演习", ["应急演练"]],
  ["安全标准化", ["安全生产标准化"]],
  ["职业危害", ["职业病危害"]],
  ["职业卫生检测", ["职业病危害因素检测"]],
  ["涉爆粉尘", ["粉尘涉爆", "粉尘防爆"]],
  ["液氨制冷", ["涉氨制冷"]],
  ["特种作业证", ["特种作业操作证"]],
  ["电工证", ["电工作业", "特种作业操作证"]],
  ["叉车证", ["叉车", "场内专用机动车辆"]],
  ["两重点一重大", ["重大危险源", "重点监管的危险化工工艺", "重点监管的危险化学品"]],
  ["危险工艺", ["重点监管的危险化工工艺"]],
  ["三同时", ["安全预评价", "安全验收评价", "职业病危害预评价"]],
  ["安全管家", ["安全托管", "安全生产托管"]],
  ["查隐患", ["隐患排查"]],
  ["安全培训", ["安全教育培训"]],
  ["三级教育", ["三级安全教育"]],
  ["注安师", ["注册安全工程师"]],
  ["安管人员", ["安全管理人员"]],
  ["劳保用品", ["劳动防护用品", "个体防护装备"]],
  ["消防评估", ["消防安全评估"]],
  ["八大作业", ["动火作业", "受限空间作业", "高处作业", "吊装作业", "临时用电", "盲板抽堵", "动土作业", "断路作业"]],
  ["危险作业", ["特殊作业"]],
  ["检验检测", ["检测检验"]],
  ["安全责任制", ["安全生产责任制"]],
  ["安全标识", ["安全标志", "警示标志"]],
  ["避雷检测", ["防雷检测", "雷电防护装置检测"]],
  ["安监局", ["应急管理局", "应急局"]],
  ["工贸", ["冶金", "有色", "建材", "机械", "轻工", "纺织", "烟草", "商贸"]],
  ["金属非金属矿山", ["非煤矿山"]],
  ["危货", ["危险货物"]],
  ["安许证", ["安全生产许可证"]],
  ["安全诊断", ["安全体检"]],
  ["职业病体检", ["职业健康检查", "职业健康体检"]],
  ["危废", ["危险废物"]],
  ["msds", ["化学品安全技术说明书"]],
  ["hazop", ["危险与可操作性分析"]],
  ["jha", ["工作危害分析", "作业危害分析"]],
  ["三违", ["违章指挥", "违章作业", "违反劳动纪律"]],
  ["消防检测", ["消防设施检测"]],
];

/**
 * Whether the OR of `alternatives` finds text containing `phrase`: an alternative inside the
 * phrase finds it too (Han text matches by characters and pairs, so 氨制冷 finds 液氨制冷).
 */
const covers = (alternatives: readonly string[], phrase: string) => alternatives.some((a) => phrase.includes(a));

describe("the dictionary, entry by entry", () => {
  it.each(ENTRY_ROWS)("%s also searches %j", (typed, also) => {
    const [group] = expandSearchTerms(typed);
    expect(covers(group!.alternatives, typed)).toBe(true);
    for (const phrase of also) expect(covers(group!.alternatives, phrase), phrase).toBe(true);
  });

  it("every entry has its row above", () => {
    const typed = new Set(ENTRY_ROWS.map(([t]) => t));
    for (const entry of SEARCH_SYNONYMS) {
      const forms = entry.kind === "same" ? entry.forms : [entry.head];
      expect(
        forms.some((f) => typed.has(f)),
        forms.join(" / "),
      ).toBe(true);
    }
    expect(SEARCH_SYNONYMS.length).toBeGreaterThanOrEqual(26);
  });

  it("a collective term widens, its members do not: 动火作业 does not find 高处作业", () => {
    expect(expandTerm("动火作业").alternatives).toEqual(["动火作业"]);
    expect(expandTerm("机械").alternatives).toEqual(["机械"]);
  });

  it("no form appears in two 'same' entries (the expansion would be ambiguous)", () => {
    const seen = new Map<string, number>();
    SEARCH_SYNONYMS.forEach((entry, i) => {
      if (entry.kind !== "same") return;
      for (const form of entry.forms) {
        expect(seen.get(form), form).toBeUndefined();
        seen.set(form, i);
      }
    });
  });
});

describe("expansion inside longer terms", () => {
  it.each([
    ["危化品企业", ["危化品企业", "危险化学品企业", "危化企业"]],
    ["安评报告", ["安评报告", "安全评价报告"]],
    ["有限空间作业", ["有限空间作业", "受限空间作业"]],
    // Longest form wins: 涉氨制冷 is one entry, not 涉 + 氨制冷.
    // 氨制冷企业 already finds the other two: longer alternatives containing it are dropped.
    ["涉氨制冷企业", ["氨制冷企业"]],
    // 危化 already finds whatever 危化品 finds: the longer form is dropped from the OR.
    ["危化", ["危化", "危险化学品"]],
    ["ppe", ["ppe", "劳动防护用品", "个体防护装备", "劳保"]],
    ["消防", ["消防"]],
    // Latin forms are whole words only.
    ["upper", ["upper"]],
    // 化学品安全技术说明书 is dropped: 安全技术说明书 already finds it.
    ["msds", ["msds", "安全技术说明书", "sds"]],
    ["ppe手套", ["ppe手套", "劳动防护用品手套", "劳保用品手套", "个体防护装备手套", "劳保手套"]],
  ])("%s → %j", (typed, expected) => {
    expect(expandTerm(typed).alternatives).toEqual(expected);
  });

  it("two forms in one term combine", () => {
    const { alternatives } = expandTerm("危化安评");
    expect(alternatives).toContain("危险化学品安全评价");
    expect(alternatives).toContain("危化安全评价");
  });

  it("splits at spaces and punctuation, folds full-width and case", () => {
    expect(splitTerms(" 危化，安评  ＰＰＥ/职卫 ")).toEqual(["危化", "安评", "ppe", "职卫"]);
    expect(expandSearchTerms("")).toEqual([]);
  });
});

// Issue 11: "typing 职业卫生 finds no provider at all, although one offers that category".
describe("a category's name typed as a term", () => {
  it.each([
    ["职业卫生", "occupational_health"],
    ["职卫", "occupational_health"],
    ["Occupational health", "occupational_health"],
    ["安全评价", "assessment"],
    ["安评", "assessment"],
    ["安全托管", "custody"],
    ["托管", "custody"],
    ["检测检验", "testing"],
    ["安全教育培训", "training"],
    ["应急救援", "rescue"],
    ["安全咨询", "consulting"],
    ["注册安全工程师事务所", "engineer_firm"],
  ])("%s → %s", (term, code) => {
    expect(categoryForTerm(term)).toBe(code);
    expect(expandTerm(term).categories).toContain(code);
  });

  it("an English name of several words typed in a query stays one term and names its category", () => {
    expect(splitTerms("Occupational health 青岛")).toEqual(["occupational health", "青岛"]);
    expect(expandSearchTerms("青岛 occupational  HEALTH").map((t) => t.categories)).toEqual([
      [],
      ["occupational_health"],
    ]);
    // Its words alone are ordinary terms.
    expect(splitTerms("health occupational")).toEqual(["health", "occupational"]);
    expect(expandSearchTerms("health").flatMap((t) => t.categories)).toEqual([]);
  });

  it("a synonym of a category's name names it too, and other words name none", () => {
    expect(expandTerm("安全管家").categories).toEqual(["custody"]);
    expect(expandTerm("职业健康").categories).toEqual(["occupational_health"]);
    expect(expandTerm("危化").categories).toEqual([]);
    expect(categoryForTerm("粉尘")).toBeNull();
  });
});

describe("the tsquery", () => {
  it("ORs alternatives and the category facet inside a term, ANDs the terms", () => {
    expect(expandedTsQuery("职卫 危化")).toBe(
      "( '职卫' | ( '职业' & '业卫' & '卫生' ) | ( '职业' & '业健' & '健康' ) | 'c:occupational_health' )" +
        " & ( '危化' | ( '危险' & '险化' & '化学' & '学品' ) )",
    );
    expect(expandedTsQuery("  ，")).toBeNull();
  });

  it("property: a query of words outside the dictionary gives exactly today's tsquery", () => {
    const plain = fc.array(fc.constantFrom("粉尘", "车间", "金华", "报告", "iso", "45001", "仓库", "消防"), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(plain, (words) => {
        const query = words.join(" ");
        expect(expandedTsQuery(query)).toBe(toTsQuery(queryTokens(query)));
      }),
    );
  });
});

describe("lexeme groups for the search plan's estimate", () => {
  it("one lexeme per alternative plus the category facet, one group per term", () => {
    expect(expandedLexemeGroups("职卫 危化")).toEqual([
      ["职卫", "卫生", "健康", "c:occupational_health"],
      ["危化", "学品"],
    ]);
  });

  it("every alternative of a group is represented by one of its own lexemes (a valid upper bound)", () => {
    for (const query of ["八大作业", "安评报告", "工贸 安全培训", "有限空间作业"]) {
      const groups = expandedLexemeGroups(query);
      expandSearchTerms(query).forEach((term, i) => {
        for (const alternative of term.alternatives) {
          const own = queryTokens(alternative).map((t) => t.lexeme);
          expect(
            groups[i]!.some((lexeme) => own.includes(lexeme)),
            alternative,
          ).toBe(true);
        }
      });
    }
  });

  it("a Latin alternative is a prefix of unknown frequency; a plain query keeps today's groups", () => {
    expect(expandedLexemeGroups("ppe")).toEqual([null]);
    expect(expandedLexemeGroups("粉尘 iso")).toEqual([["粉尘"], null]);
  });
});
