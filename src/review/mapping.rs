//! Case tables (CSV, .xlsx): which column holds which field of a decided case, and how a row's
//! cells become a [`DecidedCase`].
//!
//! # This project's columns
//!
//! Without a mapping, a table is read by the column names below ([`Field::header`]) — the
//! columns this project writes when it exports decided cases ([`export_header`],
//! [`export_row`]). A bureau whose case system exports other names saves a [`ColumnMapping`]
//! (JSON, `schemas/column-mapping.schema.json`) once and reuses it:
//!
//! ```json
//! { "columns": { "items": "违法行为代码", "fine": "罚没金额（元）", "decided": "结案日期" },
//!   "facts": { "合同价款（元）": "contract_price" } }
//! ```
//!
//! A mapped field is looked for under the mapped name only; an unmapped field under this
//! project's name. A column named `事实:<id>` (or `事实：<id>`) holds the fact `<id>`; the
//! `facts` table maps other headers to fact ids. Other columns are ignored (and listed).
//!
//! | column | field | cell |
//! |---|---|---|
//! | 案号 | reference | text |
//! | 违法行为编码 | items | item codes, separated by 、，,；; or spaces (required) |
//! | 当事人类型 | party | 公民 / 个人, 法人 / 单位, 其他组织 (or citizen, legal_person, other_organization) (required) |
//! | 当事人角色 | role | the row's role id (施工单位 …), where the row names several |
//! | 年龄 | age | whole years |
//! | 违法行为发生日期, 违法行为终了日期, 发现日期 | dates | 2025-03-01, 2025/3/1, 2025年3月1日 |
//! | 危害生命健康或金融安全 | grave_harm | 是 / 否 |
//! | 案件事实 | facts | `id=value；id=value` (numbers, 是 / 否, choice text, or choices `a|b`) |
//! | 无法查清的事实 | unknown | fact ids |
//! | 法定情节 | circumstances | ids or labels of arts 32–33 (违法行为轻微、及时改正 …) |
//! | 裁量情节 | factors | the pack's factor ids or labels |
//! | 裁量阶次 | tier | tier code |
//! | 选择减轻 | choose_reduced | 是 / 否 |
//! | 可以不予处罚的决定 | waive | 不予处罚 / 给予处罚 (or 是 / 否) |
//! | 违法所得, 违法所得应退赔 | illegal_gains, gains_to_be_returned | amount; 是 / 否 |
//! | 罚款金额 | fines | amounts (元; 30万 and 300,000 are read), separated by ； for several |
//! | 罚款所依违法行为编码, 罚款比例或倍数 | per fine | codes; 3%, 2倍 or a number |
//! | 责任人员罚款 | personal_fines | `姓名:金额；…` or amounts |
//! | 其他处罚 | penalties | kinds: 警告、没收违法所得、责令改正、吊销许可证件 … |
//! | 没收违法所得金额 | the amount of 没收违法所得 | amount |
//! | 不予处罚理由 | no_penalty | a ground: 首违不罚, 违法行为轻微并及时改正 …, or its id |
//! | 程序 | procedure | 简易 / 普通 |
//! | 听证告知, 要求听证, 举行听证, 法制审核, 集体讨论, 教育 | procedure steps | 是 / 否 |
//! | 立案日期, 告知日期, 决定日期 | dates | date |
//! | 偏离理由, 偏离批准方式, 偏离批准日期, 偏离批准文号 | departure | text; 负责人批准 / 集体讨论; date; text |

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::decided::*;
use super::{RowError, RowProblem};
use crate::case::{Capacity, Case, CaseDates, Circumstances, FactValue};
use crate::date::Date;
use crate::num::Dec;
use crate::pack::LoadedPack;
use crate::pack::model::{PartyKind, PenaltyKind};

macro_rules! fields {
    ($($name:ident = $header:literal,)*) => {
        /// A field of a decided case a column may hold.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
            JsonSchema,
        )]
        #[serde(rename_all = "snake_case")]
        pub enum Field { $(#[doc = $header] $name,)* }

        impl Field {
            /// Every field, in this project's column order.
            pub const ALL: &'static [Field] = &[$(Field::$name),*];

            /// This project's column name for the field.
            pub fn header(self) -> &'static str {
                match self { $(Field::$name => $header),* }
            }
        }
    };
}

fields! {
    Reference = "案号",
    Items = "违法行为编码",
    Party = "当事人类型",
    Role = "当事人角色",
    Age = "年龄",
    Occurred = "违法行为发生日期",
    Ended = "违法行为终了日期",
    Discovered = "发现日期",
    GraveHarm = "危害生命健康或金融安全",
    Facts = "案件事实",
    Unknown = "无法查清的事实",
    Circumstances = "法定情节",
    Factors = "裁量情节",
    Tier = "裁量阶次",
    ChooseReduced = "选择减轻",
    Waive = "可以不予处罚的决定",
    IllegalGains = "违法所得",
    GainsToBeReturned = "违法所得应退赔",
    Fine = "罚款金额",
    FineItem = "罚款所依违法行为编码",
    FineRate = "罚款比例或倍数",
    PersonalFines = "责任人员罚款",
    Penalties = "其他处罚",
    Confiscated = "没收违法所得金额",
    NoPenalty = "不予处罚理由",
    Procedure = "程序",
    HearingNotified = "听证告知",
    HearingRequested = "要求听证",
    HearingHeld = "举行听证",
    LegalReview = "法制审核",
    CollectiveDiscussion = "集体讨论",
    Education = "教育",
    Filed = "立案日期",
    Notified = "告知日期",
    Decided = "决定日期",
    DepartureReason = "偏离理由",
    ApprovalBy = "偏离批准方式",
    ApprovalDate = "偏离批准日期",
    ApprovalReference = "偏离批准文号",
}

impl Field {
    /// Fields without which a row cannot be reviewed.
    pub fn required(self) -> bool {
        matches!(self, Field::Items | Field::Party)
    }
}

/// A bureau's own column names, saved and reused (`schemas/column-mapping.schema.json`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ColumnMapping {
    /// Field → the column name in the bureau's file.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub columns: BTreeMap<Field, String>,
    /// Column name → the fact id it holds (e.g. "合同价款（元）" → "contract_price").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub facts: BTreeMap<String, String>,
}

/// A table's header cannot be read as a case table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[error("表头缺少必需的列：{}（表头为：{}）", missing.join("、"), found.join("、"))]
pub struct HeaderError {
    /// The required columns not found, by the name looked for.
    pub missing: Vec<String>,
    /// The header as found.
    pub found: Vec<String>,
}

/// Which column holds which field, for one table's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    fields: Vec<(Field, usize)>,
    facts: Vec<(String, usize)>,
    headers: Vec<String>,
    /// Columns that hold no field.
    pub ignored: Vec<String>,
}

fn norm(h: &str) -> String {
    h.chars().filter(|c| !c.is_whitespace()).collect()
}

impl ColumnMapping {
    /// The column name looked for for `field`.
    pub fn name(&self, field: Field) -> &str {
        self.columns
            .get(&field)
            .map(String::as_str)
            .unwrap_or(field.header())
    }

    /// Resolves a header (its cell texts, in order).
    pub fn columns<S: AsRef<str>>(&self, header: &[S]) -> Result<Columns, HeaderError> {
        let texts: Vec<String> = header.iter().map(|h| norm(h.as_ref())).collect();
        let find = |name: &str| texts.iter().position(|t| *t == norm(name));
        let mut fields = Vec::new();
        let mut missing = Vec::new();
        for &f in Field::ALL {
            match find(self.name(f)) {
                Some(i) => fields.push((f, i)),
                None if f.required() => missing.push(self.name(f).to_string()),
                None => {}
            }
        }
        if !missing.is_empty() {
            return Err(HeaderError {
                missing,
                found: header.iter().map(|h| h.as_ref().to_string()).collect(),
            });
        }
        let mut facts = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            let id = t
                .strip_prefix("事实:")
                .or_else(|| t.strip_prefix("事实："))
                .map(str::to_string)
                .or_else(|| {
                    self.facts
                        .iter()
                        .find(|(h, _)| norm(h) == *t)
                        .map(|(_, id)| id.clone())
                });
            if let Some(id) = id.filter(|id| !id.is_empty()) {
                facts.push((id, i));
            }
        }
        let used =
            |i: usize| fields.iter().any(|(_, j)| *j == i) || facts.iter().any(|(_, j)| *j == i);
        let ignored = texts
            .iter()
            .enumerate()
            .filter(|(i, t)| !t.is_empty() && !used(*i))
            .map(|(_, t)| t.clone())
            .collect();
        Ok(Columns {
            fields,
            facts,
            headers: header
                .iter()
                .map(|h| h.as_ref().trim().to_string())
                .collect(),
            ignored,
        })
    }
}

/// A cell's text and where it is ("F12"), as the table readers give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellText<'a> {
    /// Its text.
    pub text: &'a str,
    /// Where it is.
    pub place: &'a str,
}

struct Row<'a, 'c> {
    columns: &'c Columns,
    cells: &'c [CellText<'a>],
    row: u64,
    reference: Option<String>,
}

impl Row<'_, '_> {
    fn cell(&self, f: Field) -> Option<(usize, CellText<'_>)> {
        let (_, i) = self.columns.fields.iter().find(|(g, _)| *g == f)?;
        self.cells.get(*i).map(|c| (*i, *c))
    }

    /// The field's text, trimmed; None when absent or empty.
    fn text(&self, f: Field) -> Option<&str> {
        self.cell(f)
            .map(|(_, c)| c.text.trim())
            .filter(|t| !t.is_empty())
    }

    fn err(&self, i: usize, place: &str, message: impl Into<String>) -> RowError {
        RowError {
            row: self.row,
            reference: self.reference.clone(),
            problem: Box::new(RowProblem::Cell {
                column: self.columns.headers.get(i).cloned().unwrap_or_default(),
                place: place.to_string(),
                message: message.into(),
            }),
        }
    }

    /// Parses the field with `p`; an error names the column and the cell.
    fn get<T>(
        &self,
        f: Field,
        p: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, RowError> {
        let Some((i, c)) = self.cell(f) else {
            return Ok(None);
        };
        let t = c.text.trim();
        if t.is_empty() {
            return Ok(None);
        }
        p(t).map(Some).map_err(|m| self.err(i, c.place, m))
    }

    fn list<T>(&self, f: Field, p: impl Fn(&str) -> Result<T, String>) -> Result<Vec<T>, RowError> {
        Ok(self
            .get(f, |t| split(t).map(&p).collect::<Result<Vec<T>, String>>())?
            .unwrap_or_default())
    }

    fn flag(&self, f: Field) -> Result<bool, RowError> {
        Ok(self.get(f, yes_no)?.unwrap_or(false))
    }
}

/// Items of a list cell: separated by 、，,；; or line breaks (and spaces, for codes).
fn split(t: &str) -> impl Iterator<Item = &str> {
    t.split(['、', '，', ',', '；', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn yes_no(t: &str) -> Result<bool, String> {
    match t.trim().to_lowercase().as_str() {
        "是" | "有" | "已" | "true" | "yes" | "y" | "1" | "√" | "✓" => Ok(true),
        "否" | "无" | "未" | "false" | "no" | "n" | "0" | "×" | "✗" => Ok(false),
        _ => Err(format!("“{t}”应为“是”或“否”")),
    }
}

/// An amount of 元 as case systems write it: 300000, 300,000.00, ¥300000, 300000元, 30万.
pub fn amount(t: &str) -> Result<Dec, String> {
    let mut s: String = t
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，' | '¥' | '￥'))
        .collect();
    s = s.strip_suffix("人民币").unwrap_or(&s).to_string();
    let s = s.strip_prefix("人民币").unwrap_or(&s);
    let s = s.strip_suffix('元').unwrap_or(s);
    let (s, wan) = match s.strip_suffix('万') {
        Some(x) => (x, true),
        None => (s, false),
    };
    let v = crate::num::parse_decimal(s).map_err(|e| format!("金额{e}"))?;
    let v = if wan {
        v.checked_mul(Decimal::from(10_000))
            .ok_or_else(|| crate::num::too_large(t))?
    } else {
        v
    };
    if v.is_sign_negative() && !v.is_zero() {
        return Err(format!("金额“{t}”为负数"));
    }
    Ok(Dec(v.normalize()))
}

/// A rate: 3%, 3％, 2倍, 2 (per unit, or as written).
fn rate(t: &str) -> Result<Dec, String> {
    let s = t.trim();
    let s = s
        .strip_suffix('%')
        .or_else(|| s.strip_suffix('％'))
        .or_else(|| s.strip_suffix('倍'))
        .unwrap_or(s);
    crate::num::parse_decimal(s)
        .map(|v| Dec(v.normalize()))
        .map_err(|e| format!("比例或倍数{e}"))
}

/// A date as case systems write it: 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, or a
/// workbook's date and time.
pub fn date(t: &str) -> Result<Date, String> {
    let s = t.trim();
    let s = s.split([' ', 'T']).next().unwrap_or(s);
    let s = s.trim_end_matches('日');
    let parts: Vec<&str> = s.split(['-', '/', '.', '年', '月']).collect();
    let bad = || format!("“{t}”不是日期（应为 2025-03-01 或 2025年3月1日）");
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let num = |x: &str, max: usize| {
        (!x.is_empty() && x.len() <= max && x.chars().all(|c| c.is_ascii_digit()))
            .then(|| x.parse::<u32>().ok())
            .flatten()
    };
    match (num(y, 4), num(m, 2), num(d, 2)) {
        (Some(y), Some(m), Some(d)) if y >= 1000 => Date::new(y as i32, m, d).ok_or_else(bad),
        _ => Err(bad()),
    }
}

fn party(t: &str) -> Result<PartyKind, String> {
    Ok(match t.trim() {
        "公民" | "个人" | "自然人" | "citizen" => PartyKind::Citizen,
        "法人" | "单位" | "legal_person" => PartyKind::LegalPerson,
        "其他组织" | "other_organization" => PartyKind::OtherOrganization,
        _ => return Err(format!("“{t}”不是当事人类型（公民、法人或者其他组织）")),
    })
}

fn fact_value(t: &str) -> FactValue {
    if t.contains('|') {
        return FactValue::List(
            t.split('|')
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(str::to_string)
                .collect(),
        );
    }
    match yes_no(t) {
        Ok(b) if !t.trim().chars().all(|c| c.is_ascii_digit()) => FactValue::Bool(b),
        _ => match amount(t) {
            Ok(v)
                if crate::num::looks_numeric(t.trim()) || t.contains('万') || t.contains('元') =>
            {
                FactValue::Number(v)
            }
            _ => FactValue::Text(t.trim().to_string()),
        },
    }
}

fn circumstance(t: &str) -> Result<&'static str, String> {
    Circumstances::NAMES
        .iter()
        .find(|id| **id == t || crate::wording::circumstance_label(id) == Some(t))
        .copied()
        .ok_or_else(|| format!("“{t}”不是行政处罚法第三十二、三十三条规定的情节"))
}

/// Penalty kinds by label, snake_case id, or a common wording.
pub fn penalty_kind(t: &str) -> Result<PenaltyKind, String> {
    use PenaltyKind::*;
    const KINDS: [PenaltyKind; 15] = [
        Warning,
        PublicCriticism,
        ConfiscateIllegalGains,
        ConfiscateProperty,
        SuspendLicence,
        LowerQualification,
        RevokeLicence,
        SuspendBusiness,
        SuspendPractice,
        OrderClosure,
        RestrictPractice,
        OrderCorrection,
        OrderStop,
        OrderDemolition,
        Other,
    ];
    let t = t.trim();
    let snake = |k: PenaltyKind| {
        serde_json::to_value(k)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    if let Some(k) = KINDS.iter().find(|k| k.label() == t || snake(**k) == t) {
        return Ok(*k);
    }
    Ok(match t {
        "责令限期改正" | "限期改正" | "责令改正违法行为" => OrderCorrection,
        "责令停止施工" | "责令停止建设" | "责令停止违法行为" | "停止违法行为" => {
            OrderStop
        }
        "责令限期拆除" | "限期拆除违法建筑" => OrderDemolition,
        "没收实物" | "没收违法建筑" | "没收非法财物" => ConfiscateProperty,
        "吊销资质证书" | "吊销营业执照" | "吊销许可证" => RevokeLicence,
        "责令停产停业" | "停业整顿" => SuspendBusiness,
        "暂扣许可证" | "暂扣执照" => SuspendLicence,
        _ => {
            return Err(format!(
                "“{t}”不是可识别的处罚种类（如 警告、没收违法所得、责令改正）"
            ));
        }
    })
}

fn ground(t: &str) -> Result<NoPenaltyGround, String> {
    use NoPenaltyGround::*;
    const ALL: [NoPenaltyGround; 9] = [
        Under14,
        Incapacity,
        MinorCorrected,
        NoFault,
        FirstOffence,
        Exemption,
        Benchmark,
        TimeBarred,
        FactsNotEstablished,
    ];
    let t = t.trim();
    let snake = |k: NoPenaltyGround| {
        serde_json::to_value(k)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    if let Some(g) = ALL.iter().find(|g| g.label() == t || snake(**g) == t) {
        return Ok(*g);
    }
    Ok(match t {
        "首违不罚" | "初次违法" => FirstOffence,
        "轻微不罚" | "违法行为轻微" => MinorCorrected,
        "无主观过错" | "没有主观过错" => NoFault,
        "未满十四周岁" => Under14,
        "精神病人" | "不能辨认或者控制自己行为" => Incapacity,
        "免罚清单" | "不予处罚清单" => Exemption,
        "超过时效" | "超过追责时效" | "时效" => TimeBarred,
        "违法事实不成立" => FactsNotEstablished,
        _ => {
            return Err(format!(
                "“{t}”不是可识别的不予处罚理由（如 首违不罚、违法行为轻微并及时改正，没有造成危害后果）"
            ));
        }
    })
}

/// Reads one data row (its cells, in column order) as a decided case. `pack` turns factor
/// labels into ids.
pub fn read_row(
    columns: &Columns,
    row: u64,
    cells: &[CellText<'_>],
    pack: &LoadedPack,
) -> Result<DecidedCase, RowError> {
    let mut r = Row {
        columns,
        cells,
        row,
        reference: None,
    };
    r.reference = r.text(Field::Reference).map(str::to_string);
    let required = |f: Field| -> Result<(), RowError> {
        if r.text(f).is_some() {
            return Ok(());
        }
        let (i, place) = match r.cell(f) {
            Some((i, c)) => (i, c.place.to_string()),
            None => (
                columns
                    .fields
                    .iter()
                    .find(|(g, _)| *g == f)
                    .map_or(0, |x| x.1),
                "（空）".to_string(),
            ),
        };
        Err(r.err(i, &place, format!("缺少{}", f.header())))
    };
    required(Field::Items)?;
    required(Field::Party)?;

    let items = r.list(Field::Items, |t| Ok(t.to_string()))?;
    let items: Vec<String> = items
        .iter()
        .flat_map(|t| t.split_whitespace())
        .map(str::to_string)
        .collect();
    let party = r.get(Field::Party, party)?.unwrap_or(PartyKind::Citizen);

    let mut facts = BTreeMap::new();
    if let Some((i, c)) = r.cell(Field::Facts) {
        for part in split(c.text) {
            let Some((k, v)) = part.split_once(['=', '＝', ':', '：']) else {
                return Err(r.err(i, c.place, format!("“{part}”应写作 事实编号=取值")));
            };
            facts.insert(k.trim().to_string(), fact_value(v));
        }
    }
    for (id, i) in &columns.facts {
        if let Some(c) = cells.get(*i).filter(|c| !c.text.trim().is_empty()) {
            facts.insert(id.clone(), fact_value(c.text));
        }
    }

    let mut circumstances = Circumstances::default();
    for id in r.list(Field::Circumstances, circumstance)? {
        match id {
            "minor" => circumstances.minor = true,
            "corrected" => circumstances.corrected = true,
            "no_harm" => circumstances.no_harm = true,
            "first_offence" => circumstances.first_offence = true,
            "slight_harm" => circumstances.slight_harm = true,
            "no_fault" => circumstances.no_fault = true,
            "eliminated_harm" => circumstances.eliminated_harm = true,
            "coerced" => circumstances.coerced = true,
            "confessed" => circumstances.confessed = true,
            _ => circumstances.meritorious = true,
        }
    }
    let factors = r.list(Field::Factors, |t| {
        pack.pack
            .factors
            .iter()
            .find(|f| f.id == t || f.label == t)
            .map(|f| f.id.clone())
            .ok_or_else(|| format!("基准中没有裁量情节“{t}”"))
    })?;
    let waive = r.get(Field::Waive, |t| match t {
        "不予处罚" | "不予行政处罚" | "适用" => Ok(true),
        "给予处罚" | "予以处罚" | "给予行政处罚" | "不适用" => Ok(false),
        other => yes_no(other).map_err(|_| format!("“{t}”应为“不予处罚”或“给予处罚”")),
    })?;

    let case = Case {
        items,
        party,
        age: r.get(Field::Age, |t| {
            t.trim_end_matches(['岁', '周'])
                .parse::<u32>()
                .map_err(|_| format!("“{t}”不是整岁数"))
        })?,
        capacity: Capacity::Full,
        dates: CaseDates {
            occurred: r.get(Field::Occurred, date)?,
            ended: r.get(Field::Ended, date)?,
            discovered: r.get(Field::Discovered, date)?,
            decided: None,
        },
        grave_harm: r.flag(Field::GraveHarm)?,
        facts,
        circumstances,
        factors,
        tier: r.text(Field::Tier).map(str::to_string),
        choose_reduced: r.flag(Field::ChooseReduced)?,
        waive,
        illegal_gains: r.get(Field::IllegalGains, amount)?,
        gains_to_be_returned: r.flag(Field::GainsToBeReturned)?,
        intended_fine: None,
        role: r.text(Field::Role).map(str::to_string),
        parties: Vec::new(),
        unknown: r.list(Field::Unknown, |t| Ok(t.to_string()))?,
    };

    let amounts = r.list(Field::Fine, amount)?;
    let fine_items = r.list(Field::FineItem, |t| Ok(t.to_string()))?;
    let rates = r.list(Field::FineRate, rate)?;
    let fines = amounts
        .into_iter()
        .enumerate()
        .map(|(i, a)| ImposedFine {
            item: fine_items.get(i).cloned(),
            amount: a,
            rate: rates.get(i).copied(),
        })
        .collect();
    let personal_fines = r.list(Field::PersonalFines, |t| {
        let (who, a) = match t.rsplit_once([':', '：']) {
            Some((w, a)) => (Some(w.trim().to_string()), a),
            None => (None, t),
        };
        Ok(PersonalFineImposed {
            person: who,
            amount: amount(a)?,
        })
    })?;
    let mut penalties: Vec<ImposedPenalty> = r
        .list(Field::Penalties, penalty_kind)?
        .into_iter()
        .map(|kind| ImposedPenalty {
            kind,
            amount: None,
            text: None,
        })
        .collect();
    if let Some(a) = r.get(Field::Confiscated, amount)? {
        match penalties
            .iter_mut()
            .find(|p| p.kind == PenaltyKind::ConfiscateIllegalGains)
        {
            Some(p) => p.amount = Some(a),
            None => penalties.push(ImposedPenalty {
                kind: PenaltyKind::ConfiscateIllegalGains,
                amount: Some(a),
                text: None,
            }),
        }
    }
    let kind = r.get(Field::Procedure, |t| match t {
        "简易" | "简易程序" | "当场" | "当场处罚" | "simple" => {
            Ok(ProcedureKind::Simple)
        }
        "普通" | "普通程序" | "一般" | "一般程序" | "ordinary" => {
            Ok(ProcedureKind::Ordinary)
        }
        _ => Err(format!("“{t}”应为“简易”或“普通”")),
    })?;
    let education = r.get(Field::Education, yes_no)?;
    let procedure = Procedure {
        kind: kind.unwrap_or_default(),
        hearing_notified: r.flag(Field::HearingNotified)?,
        hearing_requested: r.flag(Field::HearingRequested)?,
        hearing_held: r.flag(Field::HearingHeld)?,
        legal_review: r.flag(Field::LegalReview)?,
        collective_discussion: r.flag(Field::CollectiveDiscussion)?,
        education,
    };
    let approval_by = r.get(Field::ApprovalBy, |t| match t {
        "负责人批准" | "负责人" | "head" => Ok(ApprovalKind::Head),
        "集体讨论" | "collective_discussion" => Ok(ApprovalKind::CollectiveDiscussion),
        _ => Err(format!("“{t}”应为“负责人批准”或“集体讨论”")),
    })?;
    let departure = r.text(Field::DepartureReason).map(|reason| Departure {
        reason: reason.to_string(),
        approval: None,
    });
    let approval = match approval_by {
        Some(by) => Some(Approval {
            by,
            date: r.get(Field::ApprovalDate, date)?,
            reference: r.text(Field::ApprovalReference).map(str::to_string),
        }),
        None => None,
    };
    let departure = match (departure, approval) {
        (Some(mut d), a) => {
            d.approval = a;
            Some(d)
        }
        (None, Some(a)) => Some(Departure {
            reason: String::new(),
            approval: Some(a),
        }),
        (None, None) => None,
    };
    Ok(DecidedCase {
        reference: r.reference.clone(),
        case,
        decision: Decision {
            fines,
            personal_fines,
            penalties,
            no_penalty: r
                .get(Field::NoPenalty, ground)?
                .map(|ground| NoPenaltyDecision { ground }),
            procedure,
            dates: ProcedureDates {
                filed: r.get(Field::Filed, date)?,
                notified: r.get(Field::Notified, date)?,
                decided: r.get(Field::Decided, date)?,
            },
            departure,
        },
    })
}

/// This project's export header: every [`Field`] in order.
pub fn export_header() -> Vec<&'static str> {
    Field::ALL.iter().map(|f| f.header()).collect()
}

/// A decided case as a row of this project's export columns ([`export_header`]); reading the
/// row back gives the same case (the capacity of art 31 and fact values' types aside).
pub fn export_row(dc: &DecidedCase) -> Vec<String> {
    let c = &dc.case;
    let d = &dc.decision;
    let yes = |b: bool| if b { "是" } else { "否" }.to_string();
    let date = |x: Option<Date>| x.map(|d| d.to_string()).unwrap_or_default();
    let join = |v: Vec<String>| v.join("；");
    let fact = |v: &FactValue| match v {
        FactValue::Bool(b) => yes(*b),
        FactValue::Number(n) => n.to_string(),
        FactValue::Text(t) => t.clone(),
        FactValue::List(v) => v.join("|"),
    };
    let circ: Vec<String> = Circumstances::NAMES
        .iter()
        .filter(|n| c.circumstances.lookup(n) == Some(true))
        .filter_map(|n| crate::wording::circumstance_label(n).map(str::to_string))
        .collect();
    let confiscated = d
        .penalties
        .iter()
        .find(|p| p.kind == PenaltyKind::ConfiscateIllegalGains)
        .and_then(|p| p.amount);
    let approval = d.departure.as_ref().and_then(|x| x.approval.as_ref());
    Field::ALL
        .iter()
        .map(|f| match f {
            Field::Reference => dc.reference.clone().unwrap_or_default(),
            Field::Items => c.items.join("、"),
            Field::Party => c.party.label().to_string(),
            Field::Role => c.role.clone().unwrap_or_default(),
            Field::Age => c.age.map(|a| a.to_string()).unwrap_or_default(),
            Field::Occurred => date(c.dates.occurred),
            Field::Ended => date(c.dates.ended),
            Field::Discovered => date(c.dates.discovered),
            Field::GraveHarm => yes(c.grave_harm),
            Field::Facts => join(
                c.facts
                    .iter()
                    .map(|(k, v)| format!("{k}={}", fact(v)))
                    .collect(),
            ),
            Field::Unknown => c.unknown.join("、"),
            Field::Circumstances => circ.join("、"),
            Field::Factors => c.factors.join("、"),
            Field::Tier => c.tier.clone().unwrap_or_default(),
            Field::ChooseReduced => yes(c.choose_reduced),
            Field::Waive => match c.waive {
                Some(true) => "不予处罚".into(),
                Some(false) => "给予处罚".into(),
                None => String::new(),
            },
            Field::IllegalGains => c.illegal_gains.map(|a| a.to_string()).unwrap_or_default(),
            Field::GainsToBeReturned => yes(c.gains_to_be_returned),
            Field::Fine => join(d.fines.iter().map(|x| x.amount.to_string()).collect()),
            Field::FineItem => join(
                d.fines
                    .iter()
                    .map(|x| x.item.clone().unwrap_or_default())
                    .collect(),
            ),
            Field::FineRate => join(
                d.fines
                    .iter()
                    .map(|x| x.rate.map(|r| r.to_string()).unwrap_or_default())
                    .collect(),
            ),
            Field::PersonalFines => join(
                d.personal_fines
                    .iter()
                    .map(|p| match &p.person {
                        Some(w) => format!("{w}:{}", p.amount),
                        None => p.amount.to_string(),
                    })
                    .collect(),
            ),
            Field::Penalties => d
                .penalties
                .iter()
                .map(|p| p.kind.label())
                .collect::<Vec<_>>()
                .join("、"),
            Field::Confiscated => confiscated.map(|a| a.to_string()).unwrap_or_default(),
            Field::NoPenalty => d
                .no_penalty
                .as_ref()
                .map(|n| n.ground.label().to_string())
                .unwrap_or_default(),
            Field::Procedure => match d.procedure.kind {
                ProcedureKind::Simple => "简易".into(),
                ProcedureKind::Ordinary => "普通".into(),
            },
            Field::HearingNotified => yes(d.procedure.hearing_notified),
            Field::HearingRequested => yes(d.procedure.hearing_requested),
            Field::HearingHeld => yes(d.procedure.hearing_held),
            Field::LegalReview => yes(d.procedure.legal_review),
            Field::CollectiveDiscussion => yes(d.procedure.collective_discussion),
            Field::Education => d.procedure.education.map(yes).unwrap_or_default(),
            Field::Filed => date(d.dates.filed),
            Field::Notified => date(d.dates.notified),
            Field::Decided => date(d.dates.decided),
            Field::DepartureReason => d
                .departure
                .as_ref()
                .map(|x| x.reason.clone())
                .unwrap_or_default(),
            Field::ApprovalBy => approval
                .map(|a| a.by.label().to_string())
                .unwrap_or_default(),
            Field::ApprovalDate => date(approval.and_then(|a| a.date)),
            Field::ApprovalReference => approval
                .and_then(|a| a.reference.clone())
                .unwrap_or_default(),
        })
        .collect()
}
