//! What every document is made from — the pack and its document settings, the case, the result
//! with its decisions, the officer's inputs — and the parts the documents share: the heading,
//! the party block, the facts and evidence, the violation, the 裁量说理, the decision items, the
//! 落款. The wording of what the engine decided is the 说理 draft's ([`text::section_values`]);
//! the procedural sentences quote [`Provision`]s.

use super::inputs::{DocumentInputs, given};
use super::sections::{DocSection, sections_of};
use super::standing::{Standing, position, standing};
use super::{Block, Document, DocumentError, DocumentKind, DocumentWarning, Role};
use crate::case::Case;
use crate::date::Date;
use crate::engine::decision::{Discretion, LimitationStatus, PeriodStart};
use crate::engine::result::{EvalResult, Outcome};
use crate::pack::LoadedPack;
use crate::pack::documents::DocumentSettings;
use crate::pack::model::{Citation, PartyKind};
use crate::statute::Provision;
use crate::text::{self, render};
use crate::wording::{basis_words, chinese_number, cite, cite_list, describe, yuan};

/// Placeholder values: (name, text).
pub(super) type Values = Vec<(&'static str, String)>;

/// The draft's blank for the reason of an officer-chosen tier, which the inputs fill.
pub(super) const TIER_REASON_BLANK: &str = "【请写明认定该阶次的具体理由】";
/// The draft's blank for the reasons of a 可以不予处罚 decision.
pub(super) const DISCRETION_BLANK: &str =
    "【请写明裁量理由，如违法行为的情节、危害后果、改正情况】";
/// The draft's blank for the 教育 of art 33 ¶3.
pub(super) const EDUCATION_BLANK: &str = "【教育的方式和内容】";
/// The draft's blank for the reason of a discretionary fine.
pub(super) const FINE_REASON_BLANK: &str = "【请写明理由】";

/// Text without a trailing full stop or semicolon, to embed in a sentence.
pub(super) fn bare(s: &str) -> &str {
    s.trim().trim_end_matches(['。', '；', ';', '.', '，', ','])
}

/// A provision's words as a clause: without its item number "（一）" and its final punctuation,
/// so that "依据…的规定，{clause}。" quotes it verbatim.
pub(super) fn clause(p: Provision) -> String {
    let c = p.cite();
    let q = c.quote.as_deref().unwrap_or_default();
    let q = match (q.strip_prefix('（'), q.find('）')) {
        (Some(_), Some(i)) if c.item.is_some() => &q[i + '）'.len_utf8()..],
        _ => q,
    };
    bare(q).to_string()
}

/// "依据《…》第…条的规定，{clause}。"
pub(super) fn per(p: Provision) -> String {
    format!("依据{}的规定，{}。", cite(&p.cite()), clause(p))
}

pub(super) fn date_or(d: Option<Date>, blank: &str) -> String {
    d.map(Date::chinese).unwrap_or_else(|| blank.to_string())
}

fn or_blank(s: Option<&str>, blank: &str) -> String {
    s.map(str::to_string).unwrap_or_else(|| blank.to_string())
}

pub(super) struct Builder<'a> {
    pub kind: DocumentKind,
    pub lp: &'a LoadedPack,
    pub case: &'a Case,
    pub r: &'a EvalResult,
    pub inputs: &'a DocumentInputs,
    pub settings: Option<&'a DocumentSettings>,
    pub standing: Standing,
    pub party: String,
    pub authority: String,
}

impl<'a> Builder<'a> {
    pub fn new(
        kind: DocumentKind,
        lp: &'a LoadedPack,
        case: &'a Case,
        r: &'a EvalResult,
        inputs: &'a DocumentInputs,
    ) -> Result<Self, DocumentError> {
        let standing = if kind == DocumentKind::NoPenaltyDecision {
            Standing::NoAmount
        } else {
            standing(r)?
        };
        let settings = lp.pack.documents.as_ref();
        let authority = given(&inputs.authority)
            .or_else(|| settings.and_then(|s| given(&s.authority)))
            .unwrap_or("【执法机关名称】")
            .to_string();
        Ok(Builder {
            kind,
            lp,
            case,
            r,
            inputs,
            settings,
            standing,
            party: or_blank(given(&inputs.party.name), "【当事人名称】"),
            authority,
        })
    }

    // -----------------------------------------------------------------------------------------
    // The 说理 draft's values.

    /// A value of one of the draft's sections.
    pub fn draft_value(&self, section: &str, name: &str) -> String {
        text::section_values(self.lp, self.case, self.r, section)
            .and_then(|v| v.into_iter().find(|(n, _)| *n == name).map(|(_, v)| v))
            .unwrap_or_default()
    }

    // -----------------------------------------------------------------------------------------
    // Rendering.

    fn common(&self) -> Values {
        let i = self.inputs;
        let d = &self.case.dates;
        let mut cause = vec![self.r.item.name.clone()];
        cause.extend(self.r.other_items.iter().map(|o| o.name.clone()));
        vec![
            ("authority", self.authority.clone()),
            ("party", self.party.clone()),
            ("party_kind", self.case.party.label().to_string()),
            ("item_name", self.r.item.name.clone()),
            ("item_code", self.r.item.code.clone()),
            ("cause", cause.join("、")),
            ("case_number", or_blank(given(&i.case_number), "【案号】")),
            (
                "notice_number",
                or_blank(given(&i.notice_number), "【告知书文号】"),
            ),
            ("filed", date_or(i.filed, "【立案日期】")),
            ("occurred", date_or(d.occurred, "【违法行为发生日期】")),
            ("discovered", date_or(d.discovered, "【发现日期】")),
            ("notice_date", date_or(i.notice_date, "【告知日期】")),
            ("decided", date_or(d.decided, "【决定日期】")),
        ]
    }

    /// A section's paragraphs: the pack's model text for it, or the built-in one, filled.
    fn section(&self, spec: &DocSection, own: Values, number: &mut u64) -> Vec<Block> {
        let mut values = self.common();
        values.extend(own);
        let custom = self
            .settings
            .and_then(|s| s.templates.get(spec.key))
            .and_then(|t| render(t, &values).ok());
        let text = custom
            .or_else(|| render(spec.template, &values).ok())
            .unwrap_or_default();
        let mut blocks = Vec::new();
        if let Some(h) = spec.heading {
            *number += 1;
            blocks.push(Block {
                role: Role::Heading,
                text: format!("{}、{h}", chinese_number(*number)),
            });
        }
        blocks.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Block {
                    role: Role::Paragraph,
                    text: l.to_string(),
                }),
        );
        blocks
    }

    /// The document: heading, `lead` (party block or addressee), the sections with their values,
    /// the 落款.
    pub fn assemble(
        &self,
        number: Option<&String>,
        date: Option<Date>,
        lead: Vec<Block>,
        mut values: impl FnMut(&DocSection) -> Values,
    ) -> Document {
        let number = or_blank(given(&number.cloned()), "【文号】");
        let mut blocks = vec![
            Block {
                role: Role::Authority,
                text: self.authority.clone(),
            },
            Block {
                role: Role::Title,
                text: self.kind.title().to_string(),
            },
            Block {
                role: Role::Number,
                text: number.clone(),
            },
        ];
        blocks.extend(lead);
        let mut n = 0;
        for spec in sections_of(self.kind) {
            let own = values(spec);
            blocks.extend(self.section(spec, own, &mut n));
        }
        blocks.push(Block {
            role: Role::Signature,
            text: self.authority.clone(),
        });
        blocks.push(Block {
            role: Role::Date,
            text: date_or(date, "【日期】"),
        });
        if let Some(seal) = self.settings.and_then(|s| given(&s.seal)) {
            blocks.push(Block {
                role: Role::Seal,
                text: seal.to_string(),
            });
        }
        Document {
            kind: self.kind,
            title: self.kind.title().to_string(),
            number,
            authority: self.authority.clone(),
            date,
            blocks,
            warnings: self.warnings(date),
        }
    }

    // -----------------------------------------------------------------------------------------
    // Shared parts.

    /// The party block of a decision: 当事人, its code or ID number, representative, address,
    /// telephone.
    pub fn party_block(&self) -> Vec<Block> {
        let p = &self.inputs.party;
        let line = |label: &str, v: &Option<String>, blank: &str| Block {
            role: Role::Paragraph,
            text: format!("{label}：{}", or_blank(given(v), blank)),
        };
        let mut out = vec![Block {
            role: Role::Paragraph,
            text: format!("当事人：{}", self.party),
        }];
        match self.case.party {
            PartyKind::Citizen => {
                out.push(line("身份证件号码", &p.id_number, "【身份证件号码】"));
                out.push(line("住址", &p.address, "【住址】"));
            }
            kind => {
                out.push(line(
                    "统一社会信用代码",
                    &p.credit_code,
                    "【统一社会信用代码】",
                ));
                let rep = if kind == PartyKind::LegalPerson {
                    "法定代表人"
                } else {
                    "负责人"
                };
                out.push(line(rep, &p.representative, &format!("【{rep}】")));
                out.push(line("住所", &p.address, "【住所】"));
            }
        }
        out.push(line("联系电话", &p.phone, "【联系电话】"));
        out
    }

    /// facts, findings, when.
    pub fn facts(&self) -> Values {
        let when = self.draft_value("facts", "when");
        let facts = match given(&self.inputs.facts) {
            Some(f) => format!("{}。", bare(f)),
            None => format!(
                "当事人{when}实施了{}的违法行为：【具体违法事实，包括时间、地点、经过】。",
                self.r.item.name
            ),
        };
        vec![
            ("facts", facts),
            ("findings", self.draft_value("facts", "findings")),
            ("when", when),
        ]
    }

    /// evidence (one paragraph per item), evidence_names.
    pub fn evidence(&self) -> Values {
        let ev = &self.inputs.evidence;
        if ev.is_empty() {
            return vec![
                ("evidence", "【证据名称及证明内容】".to_string()),
                ("evidence_names", "【证据名称】".to_string()),
            ];
        }
        // An item not named is a visible blank, as everything not entered.
        let item = |e: &super::Evidence| match bare(&e.item) {
            "" => "【证据名称】".to_string(),
            named => named.to_string(),
        };
        let lines = ev
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let proves = bare(&e.proves);
                let proves = if proves.is_empty() {
                    "【证明内容】"
                } else {
                    proves
                };
                format!(
                    "证据{}：{}，证明{proves}。",
                    chinese_number(i as u64 + 1),
                    item(e)
                )
            })
            .collect::<Vec<_>>();
        let names = ev.iter().map(item).collect::<Vec<_>>().join("、");
        vec![("evidence", lines.join("\n")), ("evidence_names", names)]
    }

    /// violates, violates_quotes.
    pub fn violation(&self) -> Values {
        vec![
            ("violates", self.draft_value("violation_basis", "violates")),
            (
                "violates_quotes",
                self.draft_value("violation_basis", "violates_quotes"),
            ),
        ]
    }

    /// The time bar and the no-penalty gate, as the engine recorded them.
    fn checks(&self) -> String {
        let d = &self.r.decisions;
        let l = &d.limitation;
        let art36 = cite(&Provision::Limitation.cite());
        let limitation = match (l.status, l.start, l.discovered) {
            (LimitationStatus::InTime | LimitationStatus::OutOfRange, Some(start), Some(found)) => {
                let act = if l.start_kind == Some(PeriodStart::Ended) {
                    format!("于{}终了", start.chinese())
                } else {
                    format!("发生于{}", start.chinese())
                };
                format!(
                    "当事人的违法行为{act}，本机关于{}发现，未超过{art36}规定的{}年期限。",
                    found.chinese(),
                    chinese_number(u64::from(l.years))
                )
            }
            _ => format!("【请核对追责时效：违法行为发生（终了）日期和发现日期（{art36}）】"),
        };
        let gate = &d.gate;
        let exemptions = self
            .lp
            .item(&self.r.item.code)
            .is_some_and(|i| !i.exemptions.is_empty());
        let gate_text = if !gate.checked || gate.mandatory.is_some() {
            String::new()
        } else if gate.discretionary.is_empty() {
            let arts = cite_list(&[
                Provision::Minors.cite(),
                Provision::Incapacity.cite(),
                apl_article(33),
            ]);
            let rows = if exemptions {
                "，也不符合本基准规定的不予处罚情形"
            } else {
                ""
            };
            format!("经审查，当事人不具有{arts}规定的不予行政处罚的情形{rows}。")
        } else {
            let reason = or_blank(
                given(&self.inputs.reasons.discretion).map(bare),
                "【请写明不适用可以不予处罚的理由】",
            );
            let grounds = gate
                .discretionary
                .iter()
                .map(|g| {
                    format!(
                        "当事人的违法行为属于“{}”的情形，依据{}的规定，可以不予行政处罚",
                        bare(&g.text),
                        cite_list(&g.citations)
                    )
                })
                .collect::<Vec<_>>()
                .join("；");
            match gate.discretion {
                Discretion::Refused => {
                    format!("{grounds}。本机关经裁量，决定仍予行政处罚，理由是：{reason}。")
                }
                _ => format!("{grounds}。"),
            }
        };
        format!("{limitation}{gate_text}")
    }

    /// The tier sentence, with the officer's reason for a chosen tier.
    fn tier(&self) -> String {
        let t = self.draft_value("reasoning", "tier");
        match given(&self.inputs.reasons.tier) {
            Some(reason) => t.replace(TIER_REASON_BLANK, bare(reason)),
            None => t,
        }
    }

    /// Where the amount stands, and why: the recommended range, the amount's place in it and
    /// the officer's reason; or the departure, its reason and approval.
    fn amount(&self) -> String {
        let r = self.r;
        let verb = if self.kind == DocumentKind::Notice {
            "拟"
        } else {
            "决定"
        };
        let fine = matches!(r.outcome, Outcome::Fine);
        let Some(rec) = r.recommended.as_ref().filter(|_| fine) else {
            return self.draft_value("reasoning", "conclusion");
        };
        let mut s = format!("经裁量，本案建议罚款幅度为{}。", describe(rec));
        let reason = |given_reason: Option<&str>, blank: &str| {
            given_reason
                .map(|t| bare(t).to_string())
                .unwrap_or_else(|| blank.to_string())
        };
        match (self.standing, r.decisions.intended) {
            (Standing::NoAmount, _) | (_, None)
                if rec.min == rec.max && rec.min_inclusive && rec.max_inclusive =>
            {
                s.push_str(&format!("本机关{verb}罚款{}元。", yuan(rec.min.0)))
            }
            (Standing::NoAmount, _) | (_, None) => s.push_str(&format!(
                "本机关{verb}在建议幅度内确定罚款数额：【罚款数额及确定理由】。"
            )),
            (Standing::Within, Some(i)) => {
                let at = position(rec, i.amount.0)
                    .map(|p| format!("，位于该幅度自下限起约{}%处", p))
                    .unwrap_or_default();
                s.push_str(&format!(
                    "本机关{verb}罚款{}元，在建议幅度以内{at}。确定该数额的理由是：{}。",
                    yuan(i.amount.0),
                    reason(
                        given(&self.inputs.reasons.amount),
                        "【请写明在幅度内确定该数额的理由】"
                    )
                ));
            }
            (Standing::Departs { outside_benchmark }, Some(i)) => {
                let bench = match (&r.benchmark, outside_benchmark) {
                    (Some(b), true) if b != rec => {
                        format!("，也不在基准幅度（{}）以内", describe(b))
                    }
                    _ => String::new(),
                };
                let dep = self.inputs.departure.as_ref();
                let why = reason(
                    dep.map(|d| d.reason.trim()).filter(|t| !t.is_empty()),
                    "【偏离裁量基准的理由】",
                );
                let approval = match dep.and_then(|d| d.approval.as_ref()) {
                    Some(a) => {
                        let mut detail = Vec::new();
                        if let Some(d) = a.date {
                            detail.push(d.chinese());
                        }
                        if let Some(rf) = given(&a.reference) {
                            detail.push(rf.to_string());
                        }
                        let detail = if detail.is_empty() {
                            "（【批准日期和文号】）".to_string()
                        } else {
                            format!("（{}）", detail.join("，"))
                        };
                        format!("该偏离已经{}{detail}。", a.by.words())
                    }
                    None => "【偏离裁量基准须经本机关负责人批准或者集体讨论决定：请写明批准或者集体讨论的日期和文号（记录编号）】".to_string(),
                };
                s.push_str(&format!(
                    "本机关{verb}罚款{}元，不在建议幅度以内{bench}，系在法定幅度内偏离裁量基准确定罚款数额。偏离的理由是：{why}。{approval}",
                    yuan(i.amount.0)
                ));
            }
        }
        if r.fine_discretionary {
            s.push_str(&format!(
                "处罚依据规定可以处罚款，本机关决定予以罚款的理由是：{}。",
                reason(given(&self.inputs.reasons.fine), FINE_REASON_BLANK)
            ));
        }
        s
    }

    /// checks, benchmark, tier, factors, adjustment, amount.
    pub fn reasoning(&self) -> Values {
        vec![
            ("checks", self.checks()),
            ("benchmark", self.draft_value("reasoning", "benchmark")),
            ("tier", self.tier()),
            ("factors", self.draft_value("reasoning", "factors")),
            ("adjustment", self.draft_value("reasoning", "adjustment")),
            ("amount", self.amount()),
        ]
    }

    /// penalty_quotes, statutory, one_fine, basis, items.
    pub fn penalty(&self) -> Values {
        vec![
            (
                "penalty_quotes",
                self.draft_value("penalty_basis", "penalty_quotes"),
            ),
            ("statutory", self.draft_value("penalty_basis", "statutory")),
            ("one_fine", self.draft_value("penalty_basis", "one_fine")),
            ("basis", self.draft_value("decision", "basis")),
            ("items", self.draft_value("decision", "items")),
        ]
    }

    /// remedy, no_stay.
    pub fn remedy(&self) -> Values {
        vec![
            (
                "remedy",
                or_blank(
                    self.settings.and_then(|s| given(&s.remedy)),
                    "【申请行政复议、提起行政诉讼的途径和期限】",
                ),
            ),
            ("no_stay", per(Provision::NoStay)),
        ]
    }

    /// What the officer must still do.
    fn warnings(&self, date: Option<Date>) -> Vec<DocumentWarning> {
        let mut w = Vec::new();
        if let Standing::Departs { .. } = self.standing {
            let dep = self.inputs.departure.as_ref();
            if dep.is_none_or(|d| d.reason.trim().is_empty()) {
                w.push(DocumentWarning::DepartureWithoutReason);
            }
            match dep.and_then(|d| d.approval.as_ref()) {
                None => w.push(DocumentWarning::DepartureWithoutApproval),
                Some(a) => {
                    if a.date.is_none() || given(&a.reference).is_none() {
                        w.push(DocumentWarning::ApprovalIncomplete);
                    }
                    if let (Some(approved), Some(decided), DocumentKind::Decision) =
                        (a.date, date, self.kind)
                    {
                        if approved > decided {
                            w.push(DocumentWarning::ApprovalAfterDecision { approved, decided });
                        }
                    }
                }
            }
        }
        if self.standing == Standing::NoAmount
            && self.kind != DocumentKind::NoPenaltyDecision
            && self.r.outcome == Outcome::Fine
            && self.r.recommended.is_none_or(|r| r.min != r.max)
        {
            w.push(DocumentWarning::NoAmount);
        }
        if self.r.outcome == Outcome::Pending {
            w.push(DocumentWarning::Pending {
                what: self.r.pending.join("；"),
            });
        }
        if self.r.provenance.reference_only {
            w.push(DocumentWarning::ReferencePack);
        }
        for m in &self.r.warnings {
            w.push(DocumentWarning::Evaluation {
                message: bare(m).to_string(),
            });
        }
        w
    }
}

/// An article of 行政处罚法, cited without its quote.
pub(super) fn apl_article(article: u32) -> Citation {
    Citation {
        law: crate::statute::APL.into(),
        article,
        paragraph: None,
        item: None,
        quote: None,
    }
}

/// A time limit setting in words: "三日", "五个工作日", with "（期限依据：…）".
pub(super) fn period_words(s: Option<&DocumentSettings>) -> (String, String) {
    match s.and_then(|s| s.statement_period.as_ref()) {
        Some(t) if t.days > 0 => {
            let n = chinese_number(u64::from(t.days));
            let words = if t.working_days {
                format!("{n}个工作日")
            } else {
                format!("{n}日")
            };
            let src = basis_words(&t.basis)
                .map(|b| format!("（期限依据：{b}）"))
                .unwrap_or_default();
            (words, src)
        }
        _ => ("【期限】".to_string(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_quote_the_provision_without_its_item_number() {
        assert_eq!(
            clause(Provision::LatePayment),
            "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额"
        );
        assert_eq!(
            clause(Provision::HearingRequest),
            "当事人要求听证的，应当在行政机关告知后五日内提出"
        );
        assert_eq!(
            per(Provision::NoStay),
            "依据《中华人民共和国行政处罚法》第七十三条第一款的规定，当事人对行政处罚决定不服，申请行政复议或者提起行政诉讼的，行政处罚不停止执行，法律另有规定的除外。"
        );
        assert_eq!(bare("理由。"), "理由");
    }
}

#[cfg(test)]
mod blanks {
    //! The inputs fill blanks of the 说理 draft's wording; if the draft rewords a blank, these
    //! tests fail rather than the officer's reason silently going missing.
    use super::*;
    use crate::case::Case;

    fn values(case: serde_json::Value, section: &str, name: &str) -> String {
        let lp = crate::reference_pack().expect("reference pack");
        let c: Case = serde_json::from_value(case).expect("case");
        let r = crate::evaluate(&lp, &c).expect("evaluates");
        text::section_values(&lp, &c, &r, section)
            .and_then(|v| v.into_iter().find(|(n, _)| *n == name))
            .map(|(_, v)| v)
            .unwrap_or_default()
    }

    #[test]
    fn the_blanks_the_inputs_fill_are_in_the_draft() {
        let tier = values(
            serde_json::json!({"items": ["ZL-64"], "party": "legal_person", "tier": "B",
                               "facts": {"contract_price": "1000000"}}),
            "reasoning",
            "tier",
        );
        assert!(tier.contains(TIER_REASON_BLANK), "{tier}");
        let waived = serde_json::json!({"items": ["ZL-64"], "party": "legal_person",
            "facts": {"contract_price": "1000000"}, "waive": true,
            "circumstances": {"first_offence": true, "slight_harm": true, "corrected": true}});
        let grounds = values(waived.clone(), "no_penalty_reasoning", "grounds");
        assert!(grounds.contains(DISCRETION_BLANK), "{grounds}");
        let education = values(waived, "no_penalty_decision", "education");
        assert!(education.contains(EDUCATION_BLANK), "{education}");
    }
}
