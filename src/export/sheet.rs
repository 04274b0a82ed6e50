//! The export's rows: each cell's words made from the pack.

use super::COLUMNS;
use crate::import::parse_clause;
use crate::import::pipeline::OVERRIDE_MARK;
use crate::pack::model::{
    BoundConvention, Citation, Condition, Exemption, FineForm, FineRule, Item, Pack, Parties,
    PenaltyKind, PenaltyRule, Tier,
};
use crate::wording::{
    describe_condition, fact_label, fact_unit, form_words, outcome_words, quoted,
};

/// The table: title and notes above the header, the header, the rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The pack's title.
    pub title: String,
    /// Lines under the title (the convention for 以上 / 以下, where the pack states one).
    pub notes: Vec<String>,
    /// The header.
    pub header: Vec<String>,
    /// The rows, each as many cells as the header.
    pub rows: Vec<Vec<String>>,
    /// Each item's rows: (first, last) indices into `rows`.
    pub items: Vec<(usize, usize)>,
}

fn same_place(a: &Citation, b: &Citation) -> bool {
    a.law == b.law && a.article == b.article && a.paragraph == b.paragraph && a.item == b.item
}

fn inclusion(b: bool) -> &'static str {
    if b { "含本数" } else { "不含本数" }
}

/// The pack as the export's table.
pub fn sheet(pack: &Pack) -> Sheet {
    let bounds = &pack.rules.bounds;
    let mut notes = Vec::new();
    if !bounds.is_civil_code() {
        notes.push(format!(
            "本基准中“以上”{}，“以下”{}",
            inclusion(bounds.above.includes()),
            inclusion(bounds.below.includes())
        ));
    }
    let mut rows = Vec::new();
    let mut items = Vec::new();
    for (i, item) in pack.items.iter().enumerate() {
        let first = rows.len();
        let common = item_cells(pack, item, i + 1);
        let mut push = |tier: [String; 5]| {
            let mut r: Vec<String> = common[..7].to_vec();
            r.extend(tier);
            r.push(common[7].clone());
            rows.push(r);
        };
        for t in &item.tiers {
            push(tier_cells(pack, item, t));
        }
        for e in &item.exemptions {
            push(exemption_cells(item, e, bounds));
        }
        if item.tiers.is_empty() && item.exemptions.is_empty() {
            push(Default::default());
        }
        items.push((first, rows.len() - 1));
    }
    Sheet {
        title: pack.meta.title.clone(),
        notes,
        header: COLUMNS.iter().map(|(h, _)| h.to_string()).collect(),
        rows,
        items,
    }
}

/// 序号, 事项编码, 违法行为, 违法主体, 违法依据, 处罚依据, 法定处罚, 备注.
fn item_cells(pack: &Pack, item: &Item, n: usize) -> [String; 8] {
    let parties = match item.parties {
        Parties::Organization => "单位",
        Parties::Individual => "个人",
        Parties::All => "单位、个人",
    };
    let violates = item
        .violates
        .iter()
        .map(quoted)
        .collect::<Vec<_>>()
        .join("\n");
    let mut basis = vec![item.penalty_basis.clone()];
    let extra = item
        .fines
        .iter()
        .filter_map(|f| f.basis.as_ref())
        .chain(item.personal_fine.as_ref().map(|p| &p.basis));
    for c in extra {
        if !basis.iter().any(|b| same_place(b, c) && b.quote == c.quote) {
            basis.push(c.clone());
        }
    }
    let basis = basis.iter().map(quoted).collect::<Vec<_>>().join("\n");
    [
        n.to_string(),
        item.code.clone(),
        item.name.clone(),
        parties.to_string(),
        violates,
        basis,
        statutory(pack, item),
        item.note.clone().unwrap_or_default(),
    ]
}

fn label_fn(item: &Item) -> impl Fn(&str) -> String + '_ {
    move |id: &str| fact_label(item, id).to_string()
}

/// The 法定处罚 cell: one line per fine, then per penalty, then the responsible persons' fine.
fn statutory(pack: &Pack, item: &Item) -> String {
    let bounds = &pack.rules.bounds;
    let label = label_fn(item);
    let pre: String = item
        .preconditions
        .iter()
        .map(|p| format!("{}的，", p.label))
        .collect();
    let mut lines = Vec::new();
    for f in &item.fines {
        lines.push(format!("{pre}{}", fine_line(item, f, bounds, &label)));
    }
    if item.fines.is_empty() && !pre.is_empty() {
        lines.push(pre.clone());
    }
    for p in &item.penalties {
        lines.push(penalty_line(item, p, bounds));
    }
    if let Some(pf) = &item.personal_fine {
        lines.push(format!(
            "对单位直接负责的主管人员和其他直接责任人员处单位罚款数额{}%以上{}%以下的罚款",
            pf.min_percent, pf.max_percent
        ));
    }
    lines.join("\n")
}

fn condition_words(item: &Item, c: &Condition, bounds: &BoundConvention) -> String {
    describe_condition(c, item, bounds)
}

fn fine_line(
    item: &Item,
    f: &FineRule,
    bounds: &BoundConvention,
    label: &dyn Fn(&str) -> String,
) -> String {
    let cond = f
        .when
        .as_ref()
        .map(|c| format!("{}的，", condition_words(item, c, bounds)))
        .unwrap_or_default();
    let party = match (&f.role, f.parties) {
        (Some(r), _) => {
            let l = item
                .roles
                .iter()
                .find(|x| &x.id == r)
                .map_or(r.as_str(), |x| x.label.as_str());
            format!("对{l}")
        }
        (None, Parties::Organization) => "对单位".into(),
        (None, Parties::Individual) => "对个人".into(),
        (None, Parties::All) => String::new(),
    };
    let may = if f.mandatory { "" } else { "可以" };
    let amount = match &f.form {
        FineForm::Unspecified { note } => return format!("{cond}{party}{may}处以罚款（{note}）"),
        FineForm::PerUnit { quantity, min, max } => {
            let unit = fact_unit(item, quantity);
            let lo = min
                .map(|m| format!("{}元以上", crate::wording::yuan(m.0)))
                .unwrap_or_default();
            return format!(
                "{cond}每{unit}{may}处{lo}{}元以下的罚款",
                crate::wording::yuan(max.0)
            );
        }
        form => form_words(form, label),
    };
    format!("{cond}{party}{may}处{amount}的罚款")
}

fn penalty_line(item: &Item, p: &PenaltyRule, bounds: &BoundConvention) -> String {
    let mut line = String::new();
    // A discretionary measure whose words do not say so ("按照管理权限给予撤职处分" as an
    // alternative to the fine) is written with 可以; a kind its words do not name, and a
    // condition its words do not begin with, follow it in "（…）".
    let read = parse_clause(&p.text);
    let first = read.penalties.first();
    let says_mandatory = first.map_or(!p.text.contains('可'), |x| x.mandatory);
    if !p.mandatory && says_mandatory {
        line.push_str("可以");
    }
    line.push_str(&p.text);
    if first.map_or(PenaltyKind::Other, |x| x.kind) != p.kind {
        line.push_str(&format!("（{}）", p.kind.label()));
    }
    if let Some(d) = &p.decided_by {
        line.push_str(&format!("（由{d}决定）"));
    }
    if let Some(c) = &p.when {
        let words = condition_words(item, c, bounds);
        if !p.text.starts_with(&format!("{words}的，")) {
            line.push_str(&format!("（适用条件：{words}）"));
        }
    }
    line
}

/// The fine rule a tier's outcome is in the scale of (for the principal role, or `role`).
fn principal_form<'a>(item: &'a Item, role: Option<&str>) -> Option<&'a FineForm> {
    let principal = item.roles.first().map(|r| r.id.as_str());
    item.fines
        .iter()
        .find(|f| match role {
            Some(r) if Some(r) != principal => f.role.as_deref() == Some(r),
            _ => f.role.is_none() || f.role.as_deref() == principal,
        })
        .map(|f| &f.form)
}

/// 阶次编码, 裁量阶次, 违法情形, 适用条件, 裁量基准.
fn tier_cells(pack: &Pack, item: &Item, t: &Tier) -> [String; 5] {
    let bounds = &pack.rules.bounds;
    let split = pack.rules.split.as_ref();
    let label = label_fn(item);
    let mut cond = t
        .when
        .as_ref()
        .map(|c| condition_words(item, c, bounds))
        .unwrap_or_default();
    if let Some(o) = &t.overrides {
        let marked = |c: &Condition| format!("{}{OVERRIDE_MARK}", condition_words(item, c, bounds));
        let words = match o {
            Condition::Any { any } => any.iter().map(marked).collect::<Vec<_>>().join("，或者"),
            c => marked(c),
        };
        cond = if cond.is_empty() {
            words
        } else {
            format!("{cond}，或者{words}")
        };
    }
    let role_label = |id: &str| {
        item.roles
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.label.clone())
    };
    let mut standard = outcome_words(
        &t.outcome,
        principal_form(item, None),
        &label,
        bounds,
        split,
    );
    if !t.roles.is_empty() {
        if let Some(p) = item.roles.first() {
            standard = format!("对{}{standard}", p.label);
        }
        for r in &t.roles {
            standard.push_str(&format!(
                "；对{}{}",
                role_label(&r.role),
                outcome_words(
                    &r.outcome,
                    principal_form(item, Some(&r.role)),
                    &label,
                    bounds,
                    split
                )
            ));
        }
    }
    for p in &t.penalties {
        standard.push_str(&format!("；{}", p.text));
    }
    [
        t.code.clone(),
        t.label.clone(),
        t.description.clone(),
        cond,
        standard,
    ]
}

fn exemption_cells(item: &Item, e: &Exemption, bounds: &BoundConvention) -> [String; 5] {
    let (label, standard) = if e.mandatory {
        ("不予处罚", "不予行政处罚")
    } else {
        ("可以不予处罚", "可以不予行政处罚")
    };
    [
        e.code.clone(),
        label.to_string(),
        e.description.clone(),
        condition_words(item, &e.when, bounds),
        standard.to_string(),
    ]
}
