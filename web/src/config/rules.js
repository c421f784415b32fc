// The warning rule catalogue as the UI explains it (spec/rules.md). When the API sends a
// rule's name and explanation with a warning, those win; this table is the fallback, so a
// warning is never shown as a bare code.
export const RULES = {
  A01: { zh: '一卡多户', en: 'One card, several households', explainZh: '同一银行账户是多个农户的一卡通账户，或为多个农户领取补贴（不少于 min_households 户）。', explainEn: 'One account is the subsidy account of, or receives subsidies for, at least min_households households.', sourceZh: '有干部将本人银行卡和虚构卡号录入为贫困户一卡通账号。' },
  A02: { zh: '干部账户代领', en: 'Official’s account collects', explainZh: '农户的补贴账户，或收到其补贴的账户，由一名不是该户成员的公职人员持有。', explainEn: 'The household’s subsidy account, or an account receiving its subsidies, is held by an official outside the household.', sourceZh: '干部以本人账户代领群众补贴。' },
  A03: { zh: '卡号无效', en: 'Invalid card number', explainZh: '农户一卡通账号为 16–19 位卡号但未通过 Luhn 校验，或户名与家庭成员均不相符。', explainEn: 'The household’s 16–19 digit card number fails the Luhn check, or its holder matches no member.', sourceZh: '虚构银行卡号套取补贴。' },
  A04: { zh: '死亡人员领取', en: 'Paid after death', explainZh: '收款人在支付所属期开始前（无所属期时为支付日期前）已经死亡。', explainEn: 'The payee died before the payment’s period began (or before the payment date).', sourceZh: '“互联网+监督”数据比对。' },
  A05: { zh: '财政供养人员享受', en: 'State-paid staff benefit', explainZh: '贫困户、监测户（或仅限建档立卡资金受益户）的成员是公务员、事业单位或国有企业人员。', explainEn: 'A member of a poor or monitored household is a civil servant, public-institution or SOE employee.', sourceZh: '“互联网+监督”数据比对。' },
  A06: { zh: '重复发放', en: 'Paid twice', explainZh: '同一补助项目、同一所属期、同一受益对象被支付不止一次（标记后一笔）。', explainEn: 'The same item, period and beneficiary paid more than once (the later payment is flagged).', sourceZh: '一卡通常见问题。' },
  A07: { zh: '超标准发放', en: 'Above the standard', explainZh: '支付金额超过补助项目标准金额 ×（1 + tolerance）。', explainEn: 'The amount exceeds the item’s standard × (1 + tolerance).', sourceZh: '一卡通常见问题。' },
  A08: { zh: '非帮扶对象领取', en: 'Paid to a non-beneficiary', explainZh: '仅限建档立卡对象的资金支付给了不属于贫困户、脱贫户或监测户的人员。', explainEn: 'Money restricted to registered households paid to someone in none of them.', sourceZh: '精准识别。' },
  A09: { zh: '户名不符', en: 'Holder name differs', explainZh: '收款账号的户名与收款人姓名不一致。', explainEn: 'The account holder’s name differs from the payee’s.', sourceZh: '冒名领取。' },
  A10: { zh: '资格存疑', en: 'Eligibility doubtful', explainZh: '贫困户或监测户成员名下有小汽车或货车、商业或工业用房，或是企业法定代表人、股东。', explainEn: 'A member of a poor or monitored household owns a car, a commercial property, or a company.', sourceZh: '“有车、有房、有公司”比对。' },
  A11: { zh: '优亲厚友', en: 'Favouring kin', explainZh: '贫困户或监测户成员是同一乡镇内单位公职人员的亲属。', explainEn: 'A member of a poor or monitored household is kin of an official in the same township.', sourceZh: '干部亲属比对。' },
  A12: { zh: '一人多户', en: 'One person, several households', explainZh: '同一身份证号是两个及以上农户的成员。', explainEn: 'The same ID number is a member of two or more households.', sourceZh: '户籍重复比对。' },
  B01: { zh: '工程款转入个人账户', en: 'Project money to a personal account', explainZh: '项目支付（非劳务、非补助用途）打入个人账户。', explainEn: 'A project payment (not labour or subsidy) went to a personal account.', sourceZh: '工程款打入个人账户。' },
  B02: { zh: '资金拨付缓慢', en: 'Slow disbursement', explainZh: '首次下达资金已满 days 天，已支付 / 已下达 仍低于 min_ratio。', explainEn: 'days after the first allocation, paid/allocated is still below min_ratio.', sourceZh: '项目资金拨付进度缓慢。' },
  B03: { zh: '资金闲置', en: 'Idle money', explainZh: '已下达未支付的资金超过 days 天没有任何支付。', explainEn: 'Allocated money unpaid with no payment for days.', sourceZh: '资金闲置滞留。' },
  B04: { zh: '逾期未验收', en: 'Acceptance overdue', explainZh: '计划验收日期加 grace_days 天已过，仍未验收。', explainEn: 'Planned acceptance + grace_days has passed without acceptance.', sourceZh: '项目未按期验收。' },
  B05: { zh: '建设进度滞后', en: 'Construction behind', explainZh: '最新完成进度比按时间推算的应完成进度低 margin 个百分点以上。', explainEn: 'Latest progress is more than margin points below the expected progress.', sourceZh: '基地建设缓慢。' },
  B06: { zh: '规避招标', en: 'Tender avoided', explainZh: '合同或预算略低于招标限额且未招标，或同一供应商在短期内拆分合同合计达到限额。', explainEn: 'Contracts just under the tender threshold without tender, or split contracts summing above it.', sourceZh: '资金量小不走招投标程序。' },
  B07: { zh: '报账不及时', en: 'Late reimbursement', explainZh: '支付日期晚于费用发生日期超过 days 天。', explainEn: 'Paid more than days after the expense.', sourceZh: '报账不及时。' },
  B08: { zh: '报账程序不规范', en: 'Irregular reimbursement', explainZh: '项目支付缺少凭证号或审批日期，或审批日期晚于支付日期。', explainEn: 'A project payment without voucher or approval date, or approved after payment.', sourceZh: '报账程序不规范。' },
  B09: { zh: '投向不符合政策', en: 'Use outside policy', explainZh: '支付用途（或项目类别）不在资金允许的用途之内。', explainEn: 'The purpose (or project category) is not allowed by the programme.', sourceZh: '投向不符合政策要求。' },
  B10: { zh: '利益联结不聚焦', en: 'Benefit not targeted', explainZh: '产业项目没有联结农户，或联结的建档立卡户比例低于 min_share。', explainEn: 'An industry project with no linked households, or too few registered ones.', sourceZh: '对建档立卡贫困人口不够聚焦。' },
  B11: { zh: '利益关联', en: 'Conflict of interest', explainZh: '承建单位或供应商的法定代表人、股东是项目主管单位的公职人员或其亲属。', explainEn: 'The contractor’s representative or shareholder is an official of the owner, or their kin.', sourceZh: '利益冲突风险。' },
  B12: { zh: '供应商集中', en: 'Supplier concentration', explainZh: '一个供应商在某县的合同金额占比超过 max_share（合同不少于 min_contracts 个）。', explainEn: 'One supplier holds more than max_share of a county’s contract value.', sourceZh: '采购风险。' },
  C01: { zh: '扶贫贷款被借用', en: 'Loan borrowed by others', explainZh: '贷款发放后 days 天内，大部分资金转入非家庭成员的个人账户。', explainEn: 'Soon after issue, most of the loan went to personal accounts outside the household.', sourceZh: '借用群众精准扶贫专项贷款。' },
  C02: { zh: '劳务信息不实', en: 'False employment', explainZh: '同一人在两个省份的就业期间重叠，或就业开始于死亡之后。', explainEn: 'Overlapping jobs in two provinces, or employment after death.', sourceZh: '劳务输转信息不实。' },
  D01: { zh: '廉政档案缺失', en: 'Integrity archive missing', explainZh: '在岗外派干部没有廉政档案，或档案超过 days 天未更新。', explainEn: 'A dispatched cadre without an archive, or not updated for days.', sourceZh: '一人一档，及时更新。' },
  D02: { zh: '整改逾期', en: 'Rectification overdue', explainZh: '整改任务超过期限未销号，或超过 report_days 天没有进展报告。', explainEn: 'A task open past its deadline, or silent for report_days.', sourceZh: '整改进度一日一报。' },
  D03: { zh: '移送未反馈', en: 'Transfer unanswered', explainZh: '移送后 ack_days 天内未签收，或到反馈期限仍未反馈。', explainEn: 'Not acknowledged within ack_days, or no feedback by the due date.', sourceZh: '线索移送时效。' },
};

export function ruleName(code, locale) {
  const rule = RULES[code];
  if (!rule) return code || '';
  return locale === 'en' ? rule.en : rule.zh;
}

export function ruleExplanation(code, locale) {
  const rule = RULES[code];
  if (!rule) return '';
  return locale === 'en' ? rule.explainEn : rule.explainZh;
}
