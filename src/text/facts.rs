//! 违法事实: the act's time, the facts entered, the party's age and circumstances, 违法所得.

use std::collections::BTreeSet;

use super::builder::{Builder, Values};
use crate::case::Capacity;
use crate::pack::model::PartyKind;
use crate::wording::{chinese_number, yuan};

impl Builder<'_> {
    pub(super) fn facts(&self) -> Values {
        let d = &self.case.dates;
        let when = match (d.occurred, d.ended) {
            (Some(o), Some(e)) if e != o => format!("自{}起至{}", o.chinese(), e.chinese()),
            (Some(o), _) => format!("于{}", o.chinese()),
            (None, Some(e)) => format!("自【违法行为开始日期】起至{}", e.chinese()),
            (None, None) => "于【违法行为发生日期】".to_string(),
        };
        let mut parts: Vec<String> = Vec::new();
        // The item's facts in the order the pack declares them, then any others entered.
        let mut done = BTreeSet::new();
        if let Some(item) = self.item {
            for def in &item.facts {
                if let Some(v) = self.case.facts.get(&def.id) {
                    parts.push(self.fact_text(&def.id, v));
                    done.insert(def.id.as_str());
                }
            }
        }
        for (id, v) in &self.case.facts {
            if !done.contains(id.as_str()) {
                parts.push(self.fact_text(id, v));
            }
        }
        let case = self.case;
        let mut about = Vec::new();
        if case.party == PartyKind::Citizen {
            if let Some(age) = case.age {
                about.push(format!(
                    "实施违法行为时{}周岁",
                    chinese_number(u64::from(age))
                ));
            }
            match case.capacity {
                Capacity::Full => {}
                Capacity::Partial => about.push("尚未完全丧失辨认或者控制自己行为能力".to_string()),
                Capacity::None => {
                    about.push("实施违法行为时不能辨认或者不能控制自己的行为".to_string())
                }
            }
        }
        let c = case.circumstances;
        for (on, words) in [
            (c.minor, "违法行为轻微"),
            (c.first_offence, "系初次违法"),
            (c.slight_harm, "危害后果轻微"),
            (c.no_harm, "没有造成危害后果"),
            (c.corrected, "已及时改正"),
            (c.no_fault, "有证据足以证明没有主观过错"),
            (c.eliminated_harm, "主动消除或者减轻了违法行为危害后果"),
            (c.coerced, "系受他人胁迫或者诱骗实施违法行为"),
            (c.confessed, "主动供述了本机关尚未掌握的违法行为"),
            (c.meritorious, "配合本机关查处违法行为有立功表现"),
        ] {
            if on {
                about.push(words.to_string());
            }
        }
        if !about.is_empty() {
            parts.push(format!("当事人{}", about.join("，")));
        }
        match case.illegal_gains {
            Some(g) if g.0.is_zero() => parts.push("当事人没有违法所得".to_string()),
            Some(g) => {
                let back = if case.gains_to_be_returned {
                    "，依法应当退赔"
                } else {
                    ""
                };
                parts.push(format!("当事人违法所得为{}元{back}", yuan(g.0)));
            }
            None => {}
        }
        let findings = if parts.is_empty() {
            String::new()
        } else {
            format!("另查明，{}。", parts.join("；"))
        };
        vec![("when", when), ("findings", findings)]
    }
}
