//! Case tables (CSV, .xlsx): which column holds which field of a decided case, and how a row's
//! cells become a [`DecidedCase`].
//!
//! # The columns read by default
//!
//! Without a mapping, a table is read by this project's column keys — those of the case
//! library's export for 案卷评查 (`library::export::CSV_COLUMNS`: `case_number`, `item`,
//! `party_kind`, `fine_imposed`, `decided_on`, `case` …) — or by the Chinese labels below. The
//! library's export has no columns for what the case file records of the procedure (听证告知,
//! 法制审核, 集体讨论, the other penalties, a no-penalty ground); the review reads them from the
//! columns named here where a table has them (`hearing_notified`, `legal_review`, …), and
//! where it does not, the checks that need them are not run and the summary lists them
//! ([`Stated`]).
//!
//! A bureau whose case system exports other names saves a [`ColumnMapping`] (JSON,
//! `schemas/column-mapping.schema.json`) once and reuses it:
//!
//! ```json
//! { "columns": { "item": "违法行为代码", "fine_imposed": "罚没金额（元）", "decided_on": "结案日期" },
//!   "facts": { "合同价款（元）": "contract_price" } }
//! ```
//!
//! A mapped field is looked for under the mapped name only; an unmapped one under its key or its
//! label. A column named `事实:<id>` holds the fact `<id>`; `facts` maps other names to fact ids.
//! Other columns are ignored (and listed). Where the `case` column holds the case JSON (as the
//! library writes it), the case is read from it and the case columns are not needed.
//!
//! Cells: dates `2025-03-01` (also `2025/3/1`, `2025年3月1日`, a workbook date); amounts in 元
//! (`300000`, `300,000.00`, `30万`); yes / no as `true` / `false` or `是` / `否`; kinds by their
//! JSON names or Chinese labels; lists separated by `;` `；` `、` or `,` (amounts not by commas,
//! which they use for thousands); facts as the library's
//! JSON object or `id=value;…`. A leading `'` before `=`, `+`, `-` or `@` (the export's
//! defence against spreadsheet formulas) is dropped.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::batch::{Entry, Numbered};
use super::decided::*;
use super::stated::{Record, Stated};
use super::{RowError, RowProblem};
use crate::case::{Capacity, Case, CaseDates, Circumstances, FactValue};
use crate::date::Date;
use crate::num::Dec;
use crate::pack::LoadedPack;
use crate::pack::model::{PartyKind, PenaltyKind};

macro_rules! fields {
    ($($name:ident = $key:literal, $label:literal, [$($rec:ident),*];)*) => {
        /// A field of a decided case a column may hold.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
            JsonSchema,
        )]
        #[serde(rename_all = "snake_case")]
        pub enum Field { $(#[doc = $label] $name,)* }

        impl Field {
            /// Every field, in column order.
            pub const ALL: &'static [Field] = &[$(Field::$name),*];

            /// The column key (the library export's, where it has the field).
            pub fn key(self) -> &'static str {
                match self { $(Field::$name => $key),* }
            }

            /// The column's Chinese label, also recognised as its name.
            pub fn label(self) -> &'static str {
                match self { $(Field::$name => $label),* }
            }

            /// What a column of this field lets the review check.
            pub fn records(self) -> &'static [Record] {
                match self { $(Field::$name => &[$(Record::$rec),*]),* }
            }
        }
    };
}

fields! {
    Case = "case", "案件JSON", [Waive];
    CaseId = "case_id", "案件编号", [];
    CaseNumber = "case_number", "案号", [];
    DecisionNumber = "decision_number", "处罚决定书文号", [];
    Officer = "officer", "承办人", [];
    Unit = "unit", "承办机构", [];
    Item = "item", "违法行为编号", [];
    OtherItems = "other_items", "同一行为还违反的违法行为编号", [];
    PartyKind = "party_kind", "当事人类别", [];
    Role = "role", "当事人角色", [];
    Age = "age", "年龄", [];
    Capacity = "capacity", "责任能力", [];
    GraveHarm = "grave_harm", "涉及生命健康安全、金融安全且有危害后果", [];
    Occurred = "occurred", "违法行为发生日期", [];
    Ended = "ended", "违法行为终了日期", [];
    Discovered = "discovered", "发现日期", [];
    Facts = "facts", "违法行为事实", [];
    Unknown = "unknown", "无法查清的事实", [];
    Circumstances = "circumstances", "法定情节", [];
    Factors = "factors", "裁量情节", [];
    Tier = "tier", "裁量阶次编号", [];
    ChooseReduced = "choose_reduced", "选择减轻处罚", [];
    Waive = "waive", "可以不予处罚的决定", [Waive];
    IllegalGains = "illegal_gains", "违法所得", [];
    GainsToBeReturned = "gains_to_be_returned", "违法所得依法应当退赔", [];
    FineImposed = "fine_imposed", "罚款数额", [Fines];
    FineItem = "fine_item", "罚款所依违法行为编号", [FineItems];
    FineRate = "fine_rate", "罚款比例或倍数", [FineRates];
    PersonalFines = "personal_fines", "责任人员罚款", [PersonalFines];
    Penalties = "penalties", "其他处罚", [Penalties];
    Confiscated = "confiscated", "没收违法所得数额", [];
    NoPenalty = "no_penalty", "不予处罚理由", [NoPenalty];
    Procedure = "procedure", "程序", [ProcedureKind];
    HearingNotified = "hearing_notified", "听证告知", [HearingNotified];
    HearingRequested = "hearing_requested", "当事人要求听证", [HearingRequested];
    HearingHeld = "hearing_held", "举行听证", [HearingHeld];
    HearingHeldOn = "hearing_held_on", "听证日期", [HearingHeld];
    LegalReview = "legal_review", "法制审核", [LegalReview];
    CollectiveDiscussion = "collective_discussion", "集体讨论", [CollectiveDiscussion];
    Education = "education", "教育", [Education];
    Filed = "filed", "立案日期", [Filed];
    NoticeDate = "notice_date", "事先告知日期", [Notified];
    DecidedOn = "decided_on", "决定日期", [Decided];
    DepartureReason = "departure_reason", "偏离裁量基准的理由", [Departure];
    ApprovalBy = "approval_by", "偏离的批准", [];
    ApprovalDate = "approval_date", "批准或者集体讨论日期", [];
    ApprovalReference = "approval_reference", "批准或者集体讨论记录编号", [];
}

/// The fields a case table must have a column for (unless it has the case JSON, [`Field::Case`]).
pub const REQUIRED: [Field; 2] = [Field::Item, Field::PartyKind];

/// A bureau's own column names, saved and reused (`schemas/column-mapping.schema.json`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ColumnMapping {
    /// Field → the column name in the bureau's file; "" for a field not read from any column
    /// (not even one named by its key or label).
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
    /// The required columns not found, by the names looked for.
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
    /// What the table states.
    pub stated: Stated,
    /// Columns that hold no field.
    pub ignored: Vec<String>,
}

fn norm(h: &str) -> String {
    h.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// Reads a mapping file's text (`--map` and the page's 列名对照文件); the error names the file and
/// the JSON path.
pub fn read_mapping(file: &str, text: &str) -> Result<ColumnMapping, String> {
    crate::pack::json::parse::<ColumnMapping>(text)
        .map_err(|e| format!("{file}：{} 处{}", e.path, e.message))
}

impl ColumnMapping {
    /// The names a column of `field` is recognised by (none for a field mapped to "").
    pub fn names(&self, field: Field) -> Vec<&str> {
        match self.columns.get(&field) {
            Some(n) if n.trim().is_empty() => Vec::new(),
            Some(n) => vec![n.as_str()],
            None => vec![field.key(), field.label()],
        }
    }

    /// The mapping as the file `read_mapping` (and `cailiang review --map`) reads.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Whether every column this mapping names (a field's, a fact's) is in `header`, and it
    /// names one at least: a mapping saved for one bureau's export fits the next file of the
    /// same export, and is not put on a file of other columns.
    pub fn fits<S: AsRef<str>>(&self, header: &[S]) -> bool {
        let texts: Vec<String> = header.iter().map(|h| norm(h.as_ref())).collect();
        let has = |n: &str| texts.iter().any(|t| *t == norm(n));
        let named: Vec<&str> = self
            .columns
            .values()
            .map(String::as_str)
            .filter(|n| !n.trim().is_empty())
            .chain(self.facts.keys().map(String::as_str))
            .collect();
        !named.is_empty() && named.iter().all(|n| has(n))
    }

    /// The column of each field found in a header (its index), in field order; unlike
    /// [`ColumnMapping::columns`] it does not require the columns a case needs.
    pub fn matches<S: AsRef<str>>(&self, header: &[S]) -> Vec<(Field, usize)> {
        let texts: Vec<String> = header.iter().map(|h| norm(h.as_ref())).collect();
        let find = |f: Field| {
            self.names(f)
                .iter()
                .find_map(|n| texts.iter().position(|t| *t == norm(n)))
        };
        Field::ALL
            .iter()
            .filter_map(|&f| find(f).map(|i| (f, i)))
            .collect()
    }

    /// The columns a case needs and the mapping does not find in `header` (by field): the item
    /// and the party's kind, unless the header has the case JSON.
    pub fn missing<S: AsRef<str>>(&self, header: &[S]) -> Vec<Field> {
        let fields = self.matches(header);
        let has = |f: Field| fields.iter().any(|(g, _)| *g == f);
        REQUIRED
            .into_iter()
            .filter(|f| !has(*f) && !has(Field::Case))
            .collect()
    }

    /// Resolves a header (its cell texts, in order).
    pub fn columns<S: AsRef<str>>(&self, header: &[S]) -> Result<Columns, HeaderError> {
        let texts: Vec<String> = header.iter().map(|h| norm(h.as_ref())).collect();
        let fields = self.matches(header);
        let missing: Vec<String> = self
            .missing(header)
            .into_iter()
            .map(|f| match self.names(f).join(" 或 ") {
                n if n.is_empty() => f.label().to_string(),
                n => n,
            })
            .collect();
        if !missing.is_empty() {
            return Err(HeaderError {
                missing,
                found: header.iter().map(|h| h.as_ref().to_string()).collect(),
            });
        }
        let mut facts = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            let own = header[i].as_ref().trim();
            let id = own
                .strip_prefix("事实:")
                .or_else(|| own.strip_prefix("事实："))
                .map(|s| s.trim().to_string())
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
        let ignored = header
            .iter()
            .enumerate()
            .filter(|(i, t)| !t.as_ref().trim().is_empty() && !used(*i))
            .map(|(_, t)| t.as_ref().trim().to_string())
            .collect();
        let stated = fields
            .iter()
            .flat_map(|(f, _)| f.records().iter())
            .fold(Stated::none(), |s, r| s.with(*r));
        Ok(Columns {
            fields,
            facts,
            headers: header
                .iter()
                .map(|h| h.as_ref().trim().to_string())
                .collect(),
            stated,
            ignored,
        })
    }
}

/// A cell's text and where it is (in words), as the table readers give it.
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

/// The export's defence against formulas, undone: "'=x" → "=x".
fn unguard(t: &str) -> &str {
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => t,
    }
}

impl Row<'_, '_> {
    fn cell(&self, f: Field) -> Option<(usize, CellText<'_>)> {
        let (_, i) = self.columns.fields.iter().find(|(g, _)| *g == f)?;
        self.cells.get(*i).map(|c| (*i, *c))
    }

    /// The field's text, trimmed; None when absent or empty.
    fn text(&self, f: Field) -> Option<&str> {
        self.cell(f)
            .map(|(_, c)| unguard(c.text.trim()).trim())
            .filter(|t| !t.is_empty())
    }

    fn err(&self, i: usize, place: &str, message: impl Into<String>) -> RowError {
        RowError {
            row: self.row,
            place: None,
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
        let t = unguard(c.text.trim()).trim();
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

    fn amounts<T>(
        &self,
        f: Field,
        p: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Vec<T>, RowError> {
        Ok(self
            .get(f, |t| {
                split_amounts(t).map(&p).collect::<Result<Vec<T>, String>>()
            })?
            .unwrap_or_default())
    }

    fn flag(&self, f: Field) -> Result<bool, RowError> {
        Ok(self.get(f, yes_no)?.unwrap_or(false))
    }
}

/// Items of a list cell: separated by ; ； 、 ， , or line breaks.
fn split(t: &str) -> impl Iterator<Item = &str> {
    t.split(['、', '，', ',', '；', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Amounts of a list cell: separated by ; ； 、 or line breaks — not by commas, which amounts
/// use for thousands (300,000).
fn split_amounts(t: &str) -> impl Iterator<Item = &str> {
    t.split(['、', '；', ';', '\n'])
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
    let t = t.trim();
    let snake = |k: PenaltyKind| {
        serde_json::to_value(k)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    if let Some(k) = PenaltyKind::ALL
        .iter()
        .find(|k| k.label() == t || snake(**k) == t)
    {
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

fn waive_cell(t: &str) -> Result<bool, String> {
    match t {
        "不予处罚" | "不予行政处罚" | "适用" => Ok(true),
        "给予处罚" | "仍予处罚" | "予以处罚" | "给予行政处罚" | "不适用" => {
            Ok(false)
        }
        other => {
            yes_no(other).map_err(|_| format!("“{t}”应为 true（不予处罚）或 false（仍予处罚）"))
        }
    }
}

fn capacity(t: &str) -> Result<Capacity, String> {
    Ok(match t {
        "full" | "完全" | "完全责任能力" => Capacity::Full,
        "partial" | "限制" | "尚未完全丧失辨认或者控制自己行为能力" => {
            Capacity::Partial
        }
        "none" | "无" | "不能辨认或者不能控制自己行为" => Capacity::None,
        _ => return Err(format!("“{t}”不是责任能力（full、partial 或 none）")),
    })
}

fn facts_cell(t: &str) -> Result<BTreeMap<String, FactValue>, String> {
    if t.starts_with('{') {
        return crate::pack::json::parse::<BTreeMap<String, FactValue>>(t)
            .map_err(|e| format!("事实 JSON {} 处{}", e.path, e.message));
    }
    let mut out = BTreeMap::new();
    for part in split(t) {
        let Some((k, v)) = part.split_once(['=', '＝', ':', '：']) else {
            return Err(format!("“{part}”应写作 事实编号=取值"));
        };
        out.insert(k.trim().to_string(), fact_value(v));
    }
    Ok(out)
}

/// The case of a row: from the `case` column's JSON when it has one, else from the case columns.
fn read_case(r: &Row<'_, '_>, pack: &LoadedPack) -> Result<Case, RowError> {
    if let Some((i, c)) = r.cell(Field::Case) {
        let t = unguard(c.text.trim());
        if !t.is_empty() {
            return crate::pack::json::parse::<Case>(t)
                .map_err(|e| r.err(i, c.place, format!("案件 JSON {} 处{}", e.path, e.message)));
        }
    }
    for f in [Field::Item, Field::PartyKind] {
        if r.text(f).is_none() {
            let (i, place) = match r.cell(f) {
                Some((i, c)) => (i, c.place.to_string()),
                None => (
                    r.columns
                        .fields
                        .iter()
                        .find(|(g, _)| *g == f)
                        .map_or(0, |x| x.1),
                    "（空）".to_string(),
                ),
            };
            return Err(r.err(i, &place, format!("缺少{}", f.label())));
        }
    }
    let mut items: Vec<String> = r.list(Field::Item, |t| Ok(t.to_string()))?;
    items.extend(r.list(Field::OtherItems, |t| Ok(t.to_string()))?);
    let mut facts = r.get(Field::Facts, facts_cell)?.unwrap_or_default();
    for (id, i) in &r.columns.facts {
        if let Some(c) = r.cells.get(*i).filter(|c| !c.text.trim().is_empty()) {
            facts.insert(id.clone(), fact_value(unguard(c.text.trim())));
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
    let waive = r.get(Field::Waive, waive_cell)?;
    Ok(Case {
        items,
        party: r
            .get(Field::PartyKind, party)?
            .unwrap_or(PartyKind::Citizen),
        age: r.get(Field::Age, |t| {
            t.trim_end_matches(['岁', '周'])
                .parse::<u32>()
                .map_err(|_| format!("“{t}”不是整岁数"))
        })?,
        capacity: r.get(Field::Capacity, capacity)?.unwrap_or_default(),
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
    r.reference = [Field::CaseNumber, Field::DecisionNumber, Field::CaseId]
        .iter()
        .find_map(|f| r.text(*f))
        .map(str::to_string);
    let mut case = read_case(&r, pack)?;
    // A `waive` column speaks for the decision even where the case JSON has none.
    if let Some(w) = r.get(Field::Waive, waive_cell)? {
        case.waive = Some(w);
    }

    let amounts = r.amounts(Field::FineImposed, amount)?;
    let fine_items = r.list(Field::FineItem, |t| Ok(t.to_string()))?;
    let rates = r.amounts(Field::FineRate, rate)?;
    let fines = amounts
        .into_iter()
        .enumerate()
        .map(|(i, a)| ImposedFine {
            item: fine_items.get(i).cloned(),
            amount: a,
            rate: rates.get(i).copied(),
        })
        .collect();
    let personal_fines = r.amounts(Field::PersonalFines, |t| {
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
        _ => Err(format!("“{t}”应为 simple（简易）或 ordinary（普通）")),
    })?;
    let held_on = r.get(Field::HearingHeldOn, date)?;
    let procedure = Procedure {
        kind: kind.unwrap_or_default(),
        hearing_notified: r.flag(Field::HearingNotified)?,
        hearing_requested: r.flag(Field::HearingRequested)?,
        hearing_held: r.flag(Field::HearingHeld)? || held_on.is_some(),
        legal_review: r.flag(Field::LegalReview)?,
        collective_discussion: r.flag(Field::CollectiveDiscussion)?,
        education: r.get(Field::Education, yes_no)?,
    };
    let approval_by = r.get(Field::ApprovalBy, |t| match t {
        "负责人批准" | "负责人" | "head" => Ok(ApprovalKind::Head),
        "集体讨论" | "collective" | "collective_discussion" => Ok(ApprovalKind::Collective),
        _ => Err(format!(
            "“{t}”应为 head（负责人批准）或 collective（集体讨论）"
        )),
    })?;
    let approval = match approval_by {
        Some(by) => Some(Approval {
            by,
            date: r.get(Field::ApprovalDate, date)?,
            reference: r.text(Field::ApprovalReference).map(str::to_string),
        }),
        None => None,
    };
    let reason = r.text(Field::DepartureReason).map(str::to_string);
    let departure = match (reason, approval) {
        (None, None) => None,
        (reason, approval) => Some(Departure {
            reason: reason.unwrap_or_default(),
            approval,
        }),
    };
    Ok(DecidedCase {
        reference: r.reference.clone(),
        officer: r.text(Field::Officer).map(str::to_string),
        unit: r.text(Field::Unit).map(str::to_string),
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
                notified: r.get(Field::NoticeDate, date)?,
                decided: r.get(Field::DecidedOn, date)?,
            },
            departure,
        },
        parties: Vec::new(),
    })
}

/// The case tables of a document: each table (sheet) whose header has the columns a case needs,
/// by its index in the document, with what it states; the others, with why they were skipped.
#[derive(Debug, Clone)]
pub struct CaseTables {
    /// The tables read (their index in `Document::tables`), with their columns.
    pub tables: Vec<(usize, Columns)>,
    /// Tables that are not case tables, and why.
    pub skipped: Vec<(String, HeaderError)>,
}

/// A table's column names: its header's last row (a two-level header's lower row).
pub fn header_of(t: &crate::table::Table) -> Vec<String> {
    match t.header.last() {
        Some(h) => {
            let mut v = vec![String::new(); t.width as usize];
            for (i, c) in h.cells.iter().enumerate() {
                if let Some(x) = v.get_mut(i) {
                    *x = c.text.clone();
                }
            }
            v
        }
        None => Vec::new(),
    }
}

impl CaseTables {
    /// Resolves every table's header. Fails when no table is a case table.
    pub fn of(
        doc: &crate::table::Document,
        map: &ColumnMapping,
    ) -> Result<CaseTables, HeaderError> {
        let mut tables = Vec::new();
        let mut skipped = Vec::new();
        for (i, t) in doc.tables.iter().enumerate() {
            match map.columns(&header_of(t)) {
                Ok(cols) => tables.push((i, cols)),
                Err(e) => skipped.push((t.name.clone(), e)),
            }
        }
        if tables.is_empty() {
            return Err(skipped
                .into_iter()
                .next()
                .map(|(_, e)| e)
                .unwrap_or(HeaderError {
                    missing: vec!["item".into(), "party_kind".into()],
                    found: Vec::new(),
                }));
        }
        Ok(CaseTables { tables, skipped })
    }

    /// What every table states (the least of them: a record is stated only if every table
    /// states it).
    pub fn stated(&self) -> Stated {
        let mut s = Stated::all();
        for r in crate::review::stated::Record::ALL {
            if self.tables.iter().any(|(_, c)| !c.stated.has(r)) {
                s = without(s, r);
            }
        }
        s
    }

    /// Rows in the case tables.
    pub fn rows(&self, doc: &crate::table::Document) -> usize {
        self.tables
            .iter()
            .filter_map(|(i, _)| doc.tables.get(*i))
            .map(|t| t.rows.len())
            .sum()
    }

    /// The entry of row `r` of the `n`th case table (None past its end).
    pub fn entry(
        &self,
        doc: &crate::table::Document,
        n: usize,
        r: usize,
        pack: &LoadedPack,
    ) -> Option<Entry> {
        let (i, cols) = self.tables.get(n)?;
        let row = doc.tables.get(*i)?.rows.get(r)?;
        let places: Vec<String> = row.cells.iter().map(|c| c.place.to_string()).collect();
        let cells: Vec<CellText<'_>> = row
            .cells
            .iter()
            .zip(&places)
            .map(|(c, p)| CellText {
                text: c.text.as_str(),
                place: p.as_str(),
            })
            .collect();
        let line = row_number(&row.place);
        let place = match &row.place {
            crate::table::Place::Line { .. } if self.tables.len() <= 1 => None,
            p => Some(p.to_string()),
        };
        Some(match read_row(cols, line, &cells, pack) {
            Ok(case) => Ok(Numbered {
                row: line,
                place,
                case,
            }),
            Err(mut e) => {
                e.place = place;
                Err(e)
            }
        })
    }

    /// The entries of every case table, row by row.
    pub fn entries<'a>(
        &'a self,
        doc: &'a crate::table::Document,
        pack: &'a LoadedPack,
    ) -> impl Iterator<Item = Entry> + 'a {
        self.tables.iter().enumerate().flat_map(move |(n, (i, _))| {
            let len = doc.tables.get(*i).map_or(0, |t| t.rows.len());
            (0..len).filter_map(move |r| self.entry(doc, n, r, pack))
        })
    }
}

fn without(s: Stated, r: Record) -> Stated {
    Record::ALL
        .into_iter()
        .filter(|x| *x != r && s.has(*x))
        .fold(Stated::none(), |a, x| a.with(x))
}

/// The row (line) number of a place.
fn row_number(p: &crate::table::Place) -> u64 {
    match p {
        crate::table::Place::Sheet { row, .. } | crate::table::Place::DocxTable { row, .. } => {
            u64::from(*row)
        }
        crate::table::Place::Line { line, .. } => u64::from(*line),
    }
}
