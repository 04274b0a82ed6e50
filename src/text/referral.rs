//! 处理意见 where the row does not cover the case: the exclusion, and the item that applies
//! instead or the authority the case goes to (不属本项 / 移送), as the engine recorded it.

use super::builder::{Builder, Values, bare};
use crate::wording::{basis_words, cite};

impl Builder<'_> {
    pub(super) fn referral(&self) -> Values {
        let r = self.r;
        let Some(x) = &r.decisions.referral else {
            return vec![
                ("exclusion", "【不适用本项的情形】".to_string()),
                ("target", String::new()),
                ("basis", cite(&r.item.penalty_basis)),
            ];
        };
        let target = match (&x.item, &x.authority) {
            (Some(code), _) => {
                let name = self
                    .lp
                    .item(code)
                    .map(|i| {
                        format!(
                            "{}（{code}），依照{}的规定处理",
                            i.name,
                            cite(&i.penalty_basis)
                        )
                    })
                    .unwrap_or_else(|| format!("{code}的规定处理"));
                format!("应当适用{name}。")
            }
            (None, Some(a)) => format!("本机关依法将案件移送{a}处理。"),
            (None, None) => "【请写明应当适用的规定或者移送的机关】".to_string(),
        };
        let basis = basis_words(&x.basis).unwrap_or_else(|| cite(&r.item.penalty_basis));
        vec![
            ("exclusion", bare(&x.description).to_string()),
            ("target", target),
            ("basis", basis),
        ]
    }
}
