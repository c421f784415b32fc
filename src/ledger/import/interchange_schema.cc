// The interchange format of spec/interchange.md, transcribed. Keep it in the spec's order and
// spelling: aliases and enum values are what departments' files contain.
//
// Natural keys the spec does not spell out were chosen so that one row is one fact:
// officials (id_number, org_id) — one person may hold posts in several organisations;
// dispatched_cadres (id_number, start_date) — one person may be dispatched twice;
// company_officers (uscc, id_number, role); kinship (id_number_a, id_number_b);
// project_progress (project_id, report_date); employment (id_number, start_date);
// vehicles (id_number, plate) and properties (id_number, certificate_no) — co-owners share a
// plate or a certificate.
#include "ledger/import/interchange_schema.h"

#include <array>

namespace sunlight::ledger {
namespace {

using T = ColumnType;
constexpr bool kReq = true;
constexpr bool kOpt = false;

// ---- Enumerations -------------------------------------------------------------------------

constexpr EnumValue kOrgKindValues[] = {
    {"commission", "纪委监委"},
    {"stationed_group", "派驻纪检监察组"},
    {"rural_revitalization", "乡村振兴局"},
    {"finance", "财政局"},
    {"audit", "审计局"},
    {"cooperation_office", "协作办"},
    {"inspection_office", "巡察办"},
    {"project_owner", "项目主管单位"},
    {"front_command", "前方指挥部"},
    {"township", "乡镇政府"},
    {"village_committee", "村委会"},
    {"other", "其他"},
};
constexpr EnumDomain kOrgKind{"organizations.kind", kOrgKindValues};

constexpr EnumValue kOfficialCategoryValues[] = {
    {"civil_servant", "公务员"},
    {"public_institution", "事业单位"},
    {"village_cadre", "村干部"},
    {"soe", "国有企业"},
};
constexpr EnumDomain kOfficialCategory{"officials.category", kOfficialCategoryValues};

constexpr EnumValue kHouseholdStatusValues[] = {
    {"poor", "贫困户"}, {"exited", "脱贫户"}, {"monitored", "监测户"}, {"none", "一般户"}};
constexpr EnumDomain kHouseholdStatus{"households.status", kHouseholdStatusValues};

constexpr EnumValue kAccountTypeValues[] = {{"personal", "个人"}, {"corporate", "单位"}};
constexpr EnumDomain kAccountType{"bank_accounts.account_type", kAccountTypeValues};

constexpr EnumValue kProgramLevelValues[] = {
    {"central", "中央"}, {"provincial", "省级"},      {"city", "市级"},
    {"county", "县级"},  {"east_west", "东西部协作"}, {"social", "社会帮扶"}};
constexpr EnumDomain kProgramLevel{"fund_programs.level", kProgramLevelValues};

constexpr EnumValue kCategoryValues[] = {{"industry", "产业发展"}, {"infrastructure", "基础设施"},
                                         {"labor", "劳务协作"},    {"consumption", "消费帮扶"},
                                         {"education", "教育"},    {"health", "医疗"},
                                         {"housing", "住房安全"},  {"relocation", "易地搬迁"},
                                         {"subsidy", "直接补助"},  {"loan_interest", "贷款贴息"},
                                         {"admin", "管理费"}};
constexpr EnumDomain kCategory{"category", kCategoryValues};

constexpr EnumValue kProcurementValues[] = {
    {"open_tender", "公开招标"},   {"invited_tender", "邀请招标"},
    {"negotiation", "竞争性谈判"}, {"consultation", "竞争性磋商"},
    {"inquiry", "询价"},           {"single_source", "单一来源"},
    {"direct", "直接委托"}};
constexpr EnumDomain kProcurement{"procurement_method", kProcurementValues};

constexpr EnumValue kUnitValues[] = {{"per_person", "按人"}, {"per_household", "按户"}};
constexpr EnumDomain kUnit{"subsidy_items.unit", kUnitValues};

// The spec lists no Chinese values for period_kind.
constexpr EnumValue kPeriodKindValues[] = {
    {"monthly", ""}, {"quarterly", ""}, {"yearly", ""}, {"once", ""}};
constexpr EnumDomain kPeriodKind{"subsidy_items.period_kind", kPeriodKindValues};

constexpr EnumValue kOfficerRoleValues[] = {{"legal_rep", "法定代表人"},
                                            {"shareholder", "股东"},
                                            {"director", "董事"},
                                            {"supervisor", "监事"},
                                            {"manager", "经理"}};
constexpr EnumDomain kOfficerRole{"company_officers.role", kOfficerRoleValues};

constexpr EnumValue kKinshipValues[] = {{"spouse", "配偶"}, {"parent", "父母"},
                                        {"child", "子女"},  {"sibling", "兄弟姐妹"},
                                        {"in_law", "姻亲"}, {"other", "其他"}};
constexpr EnumDomain kKinship{"kinship.relation", kKinshipValues};

constexpr EnumValue kEmploymentKindValues[] = {{"workshop", "扶贫车间"},
                                               {"remote_labor", "异地务工"},
                                               {"local_labor", "就地就业"},
                                               {"public_post", "公益岗位"}};
constexpr EnumDomain kEmploymentKind{"employment.kind", kEmploymentKindValues};

constexpr EnumValue kVehicleTypeValues[] = {
    {"car", "小型汽车"}, {"truck", "货车"}, {"farm", "农用车"}, {"motorcycle", "摩托车"}};
constexpr EnumDomain kVehicleType{"vehicles.vehicle_type", kVehicleTypeValues};

constexpr EnumValue kPropertyKindValues[] = {{"residential", "住宅"},
                                             {"commercial", "商业"},
                                             {"industrial", "工业"},
                                             {"rural_homestead", "宅基地"}};
constexpr EnumDomain kPropertyKind{"properties.kind", kPropertyKindValues};

// ---- References ---------------------------------------------------------------------------

constexpr Reference kToOrg{"organizations", "org_id"};
constexpr Reference kToHousehold{"households", "household_id"};
constexpr Reference kToCompany{"companies", "uscc"};
constexpr Reference kToProgram{"fund_programs", "program_id"};
constexpr Reference kToProject{"projects", "project_id"};
constexpr Reference kToItem{"subsidy_items", "item_id"};
constexpr Reference kToCadre{"dispatched_cadres", "id_number"};

// ---- Tables -------------------------------------------------------------------------------

constexpr ColumnSpec kOrganizations[] = {
    {"org_id", "单位编码", T::kText, kReq},
    {"name", "单位名称", T::kText, kReq},
    {"kind", "类型", T::kEnum, kReq, &kOrgKind},
    {"region_code", "区划代码", T::kRegionCode, kReq},
    {"parent_org_id", "上级单位编码", T::kText, kOpt, nullptr, kToOrg},
};
constexpr std::string_view kOrganizationsKey[] = {"org_id"};

constexpr ColumnSpec kPairings[] = {
    {"pairing_id", "", T::kText, kReq},
    {"helper_region_code", "帮扶方区划", T::kRegionCode, kReq},
    {"recipient_region_code", "受援方区划", T::kRegionCode, kReq},
    {"start_date", "", T::kDate, kReq},
    {"end_date", "", T::kDate, kOpt},
    {"agreement_date", "协同监督机制建立日期", T::kDate, kOpt},
};
constexpr std::string_view kPairingsKey[] = {"pairing_id"};

constexpr ColumnSpec kOfficials[] = {
    {"id_number", "身份证号", T::kIdNumber, kReq},
    {"name", "姓名", T::kText, kReq},
    {"org_id", "单位编码", T::kText, kReq, nullptr, kToOrg},
    {"position", "职务", T::kText, kOpt},
    {"category", "人员类别", T::kEnum, kReq, &kOfficialCategory},
};
constexpr std::string_view kOfficialsKey[] = {"id_number", "org_id"};

constexpr ColumnSpec kDispatchedCadres[] = {
    {"id_number", "", T::kIdNumber, kReq},
    {"name", "", T::kText, kReq},
    {"home_org_id", "派出单位", T::kText, kReq, nullptr, kToOrg},
    {"host_org_id", "挂职单位", T::kText, kReq, nullptr, kToOrg},
    {"host_position", "挂职职务", T::kText, kOpt},
    {"start_date", "", T::kDate, kReq},
    {"end_date", "", T::kDate, kOpt},
    {"batch", "批次", T::kText, kOpt},
};
constexpr std::string_view kDispatchedCadresKey[] = {"id_number", "start_date"};

constexpr ColumnSpec kIntegrityArchives[] = {
    {"id_number", "", T::kIdNumber, kReq, nullptr, kToCadre},
    {"created_date", "", T::kDate, kReq},
    {"last_updated", "", T::kDate, kReq},
};
constexpr std::string_view kIntegrityArchivesKey[] = {"id_number"};

constexpr ColumnSpec kHouseholds[] = {
    {"household_id", "户编号", T::kText, kReq},
    {"village_code", "村区划代码", T::kRegionCode, kReq},
    {"head_id_number", "户主身份证号", T::kIdNumber, kReq},
    {"status", "户类型", T::kEnum, kReq, &kHouseholdStatus},
    {"registered_year", "识别年度", T::kInt, kOpt},
    {"exit_year", "脱贫年度", T::kInt, kOpt},
    {"subsidy_account", "一卡通账号", T::kBankAccount, kOpt},
};
constexpr std::string_view kHouseholdsKey[] = {"household_id"};

constexpr ColumnSpec kMembers[] = {
    {"id_number", "", T::kIdNumber, kReq},
    {"name", "", T::kText, kReq},
    {"household_id", "", T::kText, kReq, nullptr, kToHousehold},
    {"relation", "与户主关系", T::kText, kOpt},
};
constexpr std::string_view kMembersKey[] = {"household_id", "id_number"};

constexpr ColumnSpec kBankAccounts[] = {
    {"account_no", "账号", T::kBankAccount, kReq},
    {"holder_name", "户名", T::kText, kReq},
    // A person's ID number or a company's USCC: data, kept as written.
    {"holder_id", "开户证件号", T::kText, kOpt},
    {"bank", "开户行", T::kText, kOpt},
    {"account_type", "账户类型", T::kEnum, kReq, &kAccountType},
};
constexpr std::string_view kBankAccountsKey[] = {"account_no"};

constexpr ColumnSpec kCompanies[] = {
    {"uscc", "统一社会信用代码", T::kUscc, kReq},
    {"name", "企业名称", T::kText, kReq},
    {"region_code", "", T::kRegionCode, kOpt},
    {"legal_rep_id_number", "法定代表人身份证号", T::kIdNumber, kOpt},
};
constexpr std::string_view kCompaniesKey[] = {"uscc"};

constexpr ColumnSpec kCompanyOfficers[] = {
    {"uscc", "", T::kUscc, kReq, nullptr, kToCompany},
    {"id_number", "", T::kIdNumber, kReq},
    {"role", "职务", T::kEnum, kReq, &kOfficerRole},
    {"share_pct", "持股比例", T::kDecimal, kOpt},
};
constexpr std::string_view kCompanyOfficersKey[] = {"uscc", "id_number", "role"};

constexpr ColumnSpec kKinshipColumns[] = {
    {"id_number_a", "", T::kIdNumber, kReq},
    {"id_number_b", "", T::kIdNumber, kReq},
    {"relation", "关系", T::kEnum, kReq, &kKinship},
};
constexpr std::string_view kKinshipKey[] = {"id_number_a", "id_number_b"};

constexpr ColumnSpec kFundPrograms[] = {
    {"program_id", "资金编码", T::kText, kReq},
    {"name", "资金名称", T::kText, kReq},
    {"level", "级次", T::kEnum, kReq, &kProgramLevel},
    {"allowed_categories", "允许用途", T::kCategoryList, kReq, &kCategory},
    {"restricted_to_registered", "仅限建档立卡", T::kBool, kOpt},
};
constexpr std::string_view kFundProgramsKey[] = {"program_id"};

constexpr ColumnSpec kSubsidyItems[] = {
    {"item_id", "", T::kText, kReq},
    {"program_id", "", T::kText, kReq, nullptr, kToProgram},
    {"name", "", T::kText, kReq},
    {"standard_amount", "标准", T::kMoney, kReq},
    {"unit", "计发单位", T::kEnum, kReq, &kUnit},
    {"period_kind", "周期", T::kEnum, kReq, &kPeriodKind},
};
constexpr std::string_view kSubsidyItemsKey[] = {"item_id"};

constexpr ColumnSpec kProjects[] = {
    {"project_id", "项目编码", T::kText, kReq},
    {"name", "项目名称", T::kText, kReq},
    {"category", "项目类别", T::kEnum, kReq, &kCategory},
    {"region_code", "", T::kRegionCode, kReq},
    {"helper_region_code", "帮扶方区划", T::kRegionCode, kOpt},
    {"owner_org_id", "主管单位", T::kText, kReq, nullptr, kToOrg},
    {"program_id", "", T::kText, kReq, nullptr, kToProgram},
    {"budget", "预算", T::kMoney, kReq},
    {"procurement_method", "采购方式", T::kEnum, kOpt, &kProcurement},
    {"contractor_uscc", "承建单位", T::kUscc, kOpt, nullptr, kToCompany},
    {"approved_date", "批复日期", T::kDate, kOpt},
    {"planned_start", "", T::kDate, kOpt},
    {"planned_completion", "", T::kDate, kOpt},
    {"planned_acceptance", "计划验收日期", T::kDate, kOpt},
    {"actual_start", "", T::kDate, kOpt},
    {"actual_completion", "", T::kDate, kOpt},
    {"accepted_date", "验收日期", T::kDate, kOpt},
};
constexpr std::string_view kProjectsKey[] = {"project_id"};

constexpr ColumnSpec kProjectProgress[] = {
    {"project_id", "", T::kText, kReq, nullptr, kToProject},
    {"report_date", "", T::kDate, kReq},
    {"percent_complete", "完成进度", T::kDecimal, kReq},
};
constexpr std::string_view kProjectProgressKey[] = {"project_id", "report_date"};

constexpr ColumnSpec kProjectBeneficiaries[] = {
    {"project_id", "", T::kText, kReq, nullptr, kToProject},
    {"household_id", "", T::kText, kReq, nullptr, kToHousehold},
};
constexpr std::string_view kProjectBeneficiariesKey[] = {"project_id", "household_id"};

constexpr ColumnSpec kContracts[] = {
    {"contract_id", "", T::kText, kReq},
    {"project_id", "", T::kText, kReq, nullptr, kToProject},
    {"supplier_uscc", "", T::kUscc, kReq, nullptr, kToCompany},
    {"amount", "", T::kMoney, kReq},
    {"signed_date", "", T::kDate, kReq},
    {"procurement_method", "", T::kEnum, kReq, &kProcurement},
};
constexpr std::string_view kContractsKey[] = {"contract_id"};

constexpr ColumnSpec kAllocations[] = {
    {"allocation_id", "", T::kText, kReq},
    {"program_id", "", T::kText, kReq, nullptr, kToProgram},
    {"project_id", "", T::kText, kOpt, nullptr, kToProject},
    {"region_code", "", T::kRegionCode, kReq},
    {"amount", "", T::kMoney, kReq},
    {"date", "下达日期", T::kDate, kReq},
};
constexpr std::string_view kAllocationsKey[] = {"allocation_id"};

constexpr ColumnSpec kPayments[] = {
    {"payment_id", "支付编号", T::kText, kReq},
    {"program_id", "", T::kText, kReq, nullptr, kToProgram},
    {"project_id", "", T::kText, kOpt, nullptr, kToProject},
    {"item_id", "", T::kText, kOpt, nullptr, kToItem},
    {"period", "所属期", T::kPeriod, kOpt},
    {"payer_org_id", "", T::kText, kReq, nullptr, kToOrg},
    {"payee_name", "收款人", T::kText, kReq},
    {"payee_id", "收款人证件号", T::kText, kOpt},
    {"payee_account", "收款账号", T::kBankAccount, kReq},
    {"amount", "金额", T::kMoney, kReq},
    {"pay_date", "支付日期", T::kDate, kReq},
    {"expense_date", "费用发生日期", T::kDate, kOpt},
    {"voucher_no", "凭证号", T::kText, kOpt},
    {"approved_date", "审批日期", T::kDate, kOpt},
    {"purpose_category", "用途类别", T::kEnum, kReq, &kCategory},
    {"household_id", "", T::kText, kOpt, nullptr, kToHousehold},
};
constexpr std::string_view kPaymentsKey[] = {"payment_id"};

constexpr ColumnSpec kLoans[] = {
    {"loan_id", "", T::kText, kReq},
    {"household_id", "", T::kText, kReq, nullptr, kToHousehold},
    {"borrower_id_number", "", T::kIdNumber, kReq},
    {"amount", "", T::kMoney, kReq},
    {"issue_date", "", T::kDate, kReq},
    {"account_no", "", T::kBankAccount, kReq},
};
constexpr std::string_view kLoansKey[] = {"loan_id"};

constexpr ColumnSpec kAccountTransfers[] = {
    {"transfer_id", "", T::kText, kReq},
    {"from_account", "", T::kBankAccount, kReq},
    {"to_account", "", T::kBankAccount, kReq},
    {"amount", "", T::kMoney, kReq},
    {"date", "", T::kDate, kReq},
};
constexpr std::string_view kAccountTransfersKey[] = {"transfer_id"};

constexpr ColumnSpec kEmployment[] = {
    {"id_number", "", T::kIdNumber, kReq},
    {"employer_uscc", "", T::kUscc, kOpt},
    {"region_code", "", T::kRegionCode, kReq},
    {"start_date", "", T::kDate, kReq},
    {"end_date", "", T::kDate, kOpt},
    {"kind", "就业类型", T::kEnum, kReq, &kEmploymentKind},
    {"subsidy_amount", "", T::kMoney, kOpt},
};
constexpr std::string_view kEmploymentKey[] = {"id_number", "start_date"};

constexpr ColumnSpec kDeaths[] = {
    {"id_number", "", T::kIdNumber, kReq},
    {"name", "", T::kText, kReq},
    {"death_date", "死亡日期", T::kDate, kReq},
    {"source", "来源", T::kText, kOpt},
};
constexpr std::string_view kDeathsKey[] = {"id_number"};

constexpr ColumnSpec kVehicles[] = {
    {"id_number", "", T::kIdNumber, kReq},
    {"plate", "", T::kText, kReq},
    {"vehicle_type", "", T::kEnum, kReq, &kVehicleType},
    {"registered_date", "", T::kDate, kOpt},
};
constexpr std::string_view kVehiclesKey[] = {"id_number", "plate"};

constexpr ColumnSpec kProperties[] = {
    {"id_number", "", T::kIdNumber, kReq},
    {"certificate_no", "不动产权证号", T::kText, kReq},
    {"kind", "用途", T::kEnum, kReq, &kPropertyKind},
    {"area_sqm", "面积", T::kDecimal, kOpt},
    {"region_code", "", T::kRegionCode, kOpt},
    {"registered_date", "", T::kDate, kOpt},
};
constexpr std::string_view kPropertiesKey[] = {"id_number", "certificate_no"};

// Normalised names (migration 4), for rules that compare people by name (A03, A09).
constexpr DerivedColumn kMembersDerived[] = {{"name_norm", "name"}};
constexpr DerivedColumn kBankAccountsDerived[] = {{"holder_name_norm", "holder_name"}};
constexpr DerivedColumn kPaymentsDerived[] = {{"payee_name_norm", "payee_name"}};

constexpr std::array<TableSpec, 25> kSchema = {{
    {"organizations", "单位", kOrganizations, kOrganizationsKey},
    {"pairings", "结对关系", kPairings, kPairingsKey},
    {"officials", "公职人员", kOfficials, kOfficialsKey},
    {"dispatched_cadres", "派出干部", kDispatchedCadres, kDispatchedCadresKey},
    {"integrity_archives", "廉政档案", kIntegrityArchives, kIntegrityArchivesKey},
    {"households", "农户", kHouseholds, kHouseholdsKey},
    {"members", "家庭成员", kMembers, kMembersKey, kMembersDerived},
    {"bank_accounts", "银行账户", kBankAccounts, kBankAccountsKey, kBankAccountsDerived},
    {"companies", "企业", kCompanies, kCompaniesKey},
    {"company_officers", "企业人员", kCompanyOfficers, kCompanyOfficersKey},
    {"kinship", "亲属关系", kKinshipColumns, kKinshipKey},
    {"fund_programs", "资金", kFundPrograms, kFundProgramsKey},
    {"subsidy_items", "补助项目", kSubsidyItems, kSubsidyItemsKey},
    {"projects", "项目", kProjects, kProjectsKey},
    {"project_progress", "项目进度", kProjectProgress, kProjectProgressKey},
    {"project_beneficiaries", "项目受益户", kProjectBeneficiaries, kProjectBeneficiariesKey},
    {"contracts", "合同", kContracts, kContractsKey},
    {"allocations", "资金下达", kAllocations, kAllocationsKey},
    {"payments", "支付记录", kPayments, kPaymentsKey, kPaymentsDerived},
    {"loans", "贷款", kLoans, kLoansKey},
    {"account_transfers", "账户转账", kAccountTransfers, kAccountTransfersKey},
    {"employment", "就业记录", kEmployment, kEmploymentKey},
    {"deaths", "死亡记录", kDeaths, kDeathsKey},
    {"vehicles", "车辆", kVehicles, kVehiclesKey},
    {"properties", "不动产", kProperties, kPropertiesKey},
}};

}  // namespace

std::string_view ColumnTypeName(ColumnType type) {
  switch (type) {
    case T::kText:
      return "text";
    case T::kIdNumber:
      return "id_number";
    case T::kUscc:
      return "uscc";
    case T::kBankAccount:
      return "bank_account";
    case T::kMoney:
      return "money";
    case T::kDate:
      return "date";
    case T::kPeriod:
      return "period";
    case T::kRegionCode:
      return "region_code";
    case T::kEnum:
      return "enum";
    case T::kInt:
      return "int";
    case T::kDecimal:
      return "decimal";
    case T::kBool:
      return "bool";
    case T::kCategoryList:
      return "category_list";
  }
  return "unknown";
}

std::span<const TableSpec> InterchangeSchema() { return kSchema; }

const TableSpec* FindTableSpec(std::string_view name) {
  for (const TableSpec& table : kSchema) {
    if (table.name == name) return &table;
  }
  return nullptr;
}

std::optional<size_t> ColumnIndex(const TableSpec& table, std::string_view column) {
  for (size_t column_idx = 0; column_idx < table.columns.size(); ++column_idx) {
    if (table.columns[column_idx].name == column) return column_idx;
  }
  return std::nullopt;
}

const EnumDomain& CategoryDomain() { return kCategory; }

}  // namespace sunlight::ledger
