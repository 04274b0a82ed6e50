//! Pack cases: each item carries cases with expected outcomes; they run under `cargo test` and
//! in the validator.

use std::collections::BTreeMap;

use super::tiers::undeclared_role;
use super::{Finding, conditions, f};
use crate::case::{Circumstances, ILLEGAL_GAINS};
use crate::engine::evaluate;
use crate::engine::result::{EvalResult, FlagStatus, MoneyRange};
use crate::num::Dec;
use crate::pack::LoadedPack;
use crate::pack::model::{FactKind, Item, Pack, PackCase, PartyKind};

/// Runs every pack case; failures become warnings. Returns (run, failed).
pub fn run_all(lp: &LoadedPack, warnings: &mut Vec<Finding>) -> (usize, usize) {
    let mut run = 0;
    let mut failed = 0;
    for (i, item) in lp.pack.items.iter().enumerate() {
        for (j, pc) in item.cases.iter().enumerate() {
            run += 1;
            if let Err(msg) = check_case(lp, item, pc) {
                failed += 1;
                warnings.push(Finding {
                    path: format!("$.items[{i}].cases[{j}]"),
                    message: format!("用例“{}”未通过：{msg}", pc.name),
                });
            }
        }
    }
    (run, failed)
}

fn range_eq(got: Option<&MoneyRange>, want: &[Dec; 2]) -> bool {
    got.is_some_and(|r| r.min.0 == want[0].0 && r.max.0 == want[1].0)
}

fn show(r: Option<&MoneyRange>) -> String {
    r.map(|r| format!("[{}, {}]", r.min, r.max))
        .unwrap_or_else(|| "无".into())
}

/// Evaluates one pack case and compares it with its expectations.
pub fn check_case(lp: &LoadedPack, item: &Item, pc: &PackCase) -> Result<EvalResult, String> {
    let case = pc.case_for(item);
    let r = evaluate(lp, &case).map_err(|e| format!("计算出错：{e}"))?;
    let e = &pc.expect;
    let mut diffs = Vec::new();
    if let Some(o) = &e.outcome {
        if r.outcome.name() != o {
            diffs.push(format!(
                "结果应为 {o}，实为 {}（{}）",
                r.outcome.name(),
                r.summary
            ));
        }
    }
    if let Some(t) = &e.tier {
        let got = r.tier.as_ref().map(|t| t.code.as_str()).unwrap_or("无");
        if got != t {
            diffs.push(format!("阶次应为 {t}，实为 {got}"));
        }
    }
    if let Some(s) = &e.statutory {
        if !range_eq(r.statutory.as_ref(), s) {
            diffs.push(format!(
                "法定幅度应为 [{}, {}]，实为 {}",
                s[0],
                s[1],
                show(r.statutory.as_ref())
            ));
        }
    }
    if let Some(s) = &e.recommended {
        if !range_eq(r.recommended.as_ref(), s) {
            diffs.push(format!(
                "建议幅度应为 [{}, {}]，实为 {}",
                s[0],
                s[1],
                show(r.recommended.as_ref())
            ));
        }
    }
    if let Some(h) = e.hearing {
        let got = r.flags.hearing.status == FlagStatus::Required;
        if got != h {
            diffs.push(format!(
                "听证告知应为 {h}，实为 {:?}（{}）",
                r.flags.hearing.status, r.flags.hearing.reason
            ));
        }
    }
    for k in &e.penalties {
        if !r.penalties.iter().any(|p| p.kind == *k) {
            diffs.push(format!("应含处罚 {}", k.label()));
        }
    }
    if !e.pointers.is_empty() {
        // Through text rather than `to_value`: the browser build then needs no `Value`
        // serialiser of the result besides the text one it already has.
        let text = serde_json::to_string(&r).map_err(|e| e.to_string())?;
        let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        for (ptr, want) in &e.pointers {
            let got = v.pointer(ptr);
            if got != Some(want) {
                diffs.push(format!(
                    "{ptr} 应为 {want}，实为 {}",
                    got.map(|g| g.to_string()).unwrap_or("无".into())
                ));
            }
        }
    }
    if diffs.is_empty() {
        Ok(r)
    } else {
        Err(diffs.join("；"))
    }
}

/// Checks what item `i`'s pack cases name before any runs: the facts entered (a derived fact is
/// computed, never entered), the facts said to be unknown, and the roles of the party and of
/// its co-parties — each against the items the case cites.
pub(crate) fn check_static(
    pack: &Pack,
    codes: &BTreeMap<&str, usize>,
    i: usize,
    errors: &mut Vec<Finding>,
) {
    let Some(item) = pack.items.get(i) else {
        return;
    };
    for (j, pc) in item.cases.iter().enumerate() {
        let cp = format!("$.items[{i}].cases[{j}].case");
        let case = &pc.case;
        let cited: Vec<&Item> = if case.items.is_empty() {
            vec![item]
        } else {
            case.items
                .iter()
                .filter_map(|c| codes.get(c.as_str()).and_then(|&k| pack.items.get(k)))
                .collect()
        };
        let def = |id: &str| cited.iter().find_map(|x| conditions::fact(x, id));
        for id in case.facts.keys() {
            if let Some(FactKind::Derived { .. }) = def(id).map(|d| &d.kind) {
                errors.push(f(
                    format!("{cp}.facts.{id}"),
                    format!("事实 {id} 由其他事实推算得出，用例不应直接填写"),
                ));
            }
        }
        for (k, id) in case.unknown.iter().enumerate() {
            let known = def(id).is_some()
                || id == ILLEGAL_GAINS
                || Circumstances::NAMES.contains(&id.as_str());
            if !known {
                errors.push(f(
                    format!("{cp}.unknown[{k}]"),
                    format!("用例声明无法查清的事实 {id} 不是所涉违法行为的事实"),
                ));
            }
        }
        let mut check_role = |role: &str, party: PartyKind, path: String| match cited
            .iter()
            .find_map(|x| x.roles.iter().find(|r| r.id == role))
        {
            None => errors.push(f(path, undeclared_role(item, role))),
            Some(r) if !r.parties.covers(party) => errors.push(f(
                path,
                format!(
                    "角色 {}（{}）只能由{}担任，而用例当事人为{}",
                    r.id,
                    r.label,
                    r.parties.label(),
                    party.label()
                ),
            )),
            Some(_) => {}
        };
        if let Some(role) = &case.role {
            check_role(role, case.party, format!("{cp}.role"));
        }
        for (k, co) in case.parties.iter().enumerate() {
            check_role(&co.role, co.party, format!("{cp}.parties[{k}].role"));
        }
    }
}
