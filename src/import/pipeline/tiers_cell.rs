//! Several tiers in one cell, as 郑州 / 新密 / 卢氏 publish them — "1.轻微违法行为的表现情形：…。
//! 处罚标准：…。2.一般违法行为的表现情形：…处罚标准：…" — and a condition with its standard in
//! one cell, as 湘潭 writes "首次违规、情节轻微、及时纠正的，不予处罚": split into each tier's
//! label, situation and standard (byte ranges of the cell).

use crate::import::norm::Norm;

/// One tier's parts: byte ranges in the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TierParts {
    /// The label's words ("轻微违法行为的").
    pub label: Option<(usize, usize)>,
    /// The situation (表现情形).
    pub situation: Option<(usize, usize)>,
    /// The standard (处罚标准).
    pub standard: (usize, usize),
}

const SITUATION_MARKS: &[&str] = &["的表现情形", "表现情形", "适用情形", "违法情形", "情形"];
const STANDARD_MARKS: &[&str] = &["处罚标准", "裁量标准", "裁量基准", "处罚基准"];

/// Where the numbered tiers start: "1." "2、" "（3）" at the start of the cell, of a line, or
/// after "。" / "；", numbered 1, 2, 3 … in order. Fewer than two: none.
fn numbered_starts(text: &str, n: &Norm) -> Vec<(usize, usize)> {
    let mut starts = Vec::new();
    let mut want = 1u32;
    let mut k = 0;
    while k < n.len() {
        let at_break = k == 0
            || matches!(n.chars[k - 1], '。' | '；')
            || text[n.frag(k - 1, k).end..n.frag(k, k + 1).start].contains('\n');
        if at_break {
            let digits = want.to_string();
            let paren = n.chars[k] == '(';
            let d0 = if paren { k + 1 } else { k };
            if n.at(d0, &digits) {
                let after = d0 + digits.len();
                let ok = if paren {
                    n.at(after, ")")
                } else {
                    n.at(after, ".") || n.at(after, "、")
                } && !n.chars.get(after + 1).is_some_and(|c| c.is_ascii_digit());
                if ok {
                    starts.push((k, after + 1));
                    want += 1;
                    k = after + 1;
                    continue;
                }
            }
        }
        k += 1;
    }
    if starts.len() < 2 { Vec::new() } else { starts }
}

/// Splits a cell into tiers (see the module docs). A cell with one tier and no marks is its
/// standard alone, or "…的，standard".
pub(crate) fn split_tiers(text: &str) -> Vec<TierParts> {
    let n = Norm::new(text);
    if n.len() == 0 {
        return Vec::new();
    }
    let starts = numbered_starts(text, &n);
    let parts: Vec<(usize, usize)> = if starts.is_empty() {
        vec![(0, n.len())]
    } else {
        starts
            .iter()
            .enumerate()
            .map(|(i, &(_, body))| (body, starts.get(i + 1).map_or(n.len(), |s| s.0)))
            .collect()
    };
    parts
        .into_iter()
        .filter_map(|(a, b)| one(&n, a, b))
        .collect()
}

fn bytes(n: &Norm, a: usize, b: usize) -> Option<(usize, usize)> {
    // Trim separators at both ends.
    let (mut a, mut b) = (a, b);
    while a < b && matches!(n.chars[a], '：' | '，' | '。' | '；') {
        a += 1;
    }
    while b > a && matches!(n.chars[b - 1], '：' | '，' | '。' | '；') {
        b -= 1;
    }
    (a < b).then(|| {
        let f = n.frag(a, b);
        (f.start, f.end)
    })
}

fn one(n: &Norm, a: usize, b: usize) -> Option<TierParts> {
    let find = |marks: &[&str], from: usize| {
        marks
            .iter()
            .filter_map(|m| n.find(m, from, b).map(|k| (k, k + m.chars().count())))
            .min_by_key(|&(k, _)| k)
    };
    let sit = find(SITUATION_MARKS, a);
    let std = find(STANDARD_MARKS, sit.map_or(a, |s| s.1));
    match (sit, std) {
        (Some((s0, s1)), Some((t0, t1))) => Some(TierParts {
            label: bytes(n, a, s0),
            situation: bytes(n, s1, t0),
            standard: bytes(n, t1, b)?,
        }),
        (None, Some((t0, t1))) => Some(TierParts {
            label: None,
            situation: bytes(n, a, t0),
            standard: bytes(n, t1, b)?,
        }),
        _ => {
            // "首次违规、情节轻微、及时纠正的，不予处罚": the last "的，" ends the condition.
            let split = (a..b.saturating_sub(1))
                .rev()
                .find(|&k| n.chars[k] == '的' && n.chars[k + 1] == '，');
            match split {
                Some(k) => Some(TierParts {
                    label: None,
                    situation: bytes(n, a, k + 1),
                    standard: bytes(n, k + 2, b)?,
                }),
                None => Some(TierParts {
                    label: None,
                    situation: None,
                    standard: bytes(n, a, b)?,
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xinmi_three_tiers_in_one_cell() {
        // legal-notes §5.2 row 4, as copied there.
        let text = "1.轻微违法行为的表现情形:向买受人收取预付款或认购款、定金、排号费、发放VIP卡等其他形式的预付款,发现后能立即改正,没有造成社会危害后果的。处罚标准:没收违法所得。2.一般违法行为的表现情形:……发现后未立即改正;或造成一定危害后果的。处罚标准:责令停止违法行为,没收违法所得,处已收取的预付款0.5%以下的罚款。3.严重违法行为的表现情形:拒不改正造成恶劣影响或严重后果的。处罚标准:责令停止违法行为,没收违法所得,处已收取的预付款的0.5%以上1%以下的罚款。";
        let t = split_tiers(text);
        assert_eq!(t.len(), 3);
        let s = |r: Option<(usize, usize)>| r.map(|(a, b)| &text[a..b]).unwrap_or("");
        assert_eq!(s(t[0].label), "轻微违法行为");
        assert!(s(t[0].situation).ends_with("没有造成社会危害后果的"));
        assert_eq!(s(Some(t[0].standard)), "没收违法所得");
        assert_eq!(s(t[1].situation), "……发现后未立即改正;或造成一定危害后果的");
        assert_eq!(
            s(Some(t[2].standard)),
            "责令停止违法行为,没收违法所得,处已收取的预付款的0.5%以上1%以下的罚款"
        );
    }

    #[test]
    fn a_condition_with_its_standard_and_a_standard_alone() {
        let text = "首次违规、情节轻微、及时纠正的,不予处罚";
        let t = split_tiers(text);
        assert_eq!(t.len(), 1);
        assert_eq!(
            t[0].situation.map(|(a, b)| &text[a..b]),
            Some("首次违规、情节轻微、及时纠正的")
        );
        assert_eq!(&text[t[0].standard.0..t[0].standard.1], "不予处罚");
        let text = "处1.3%以上2%以下的罚款";
        let t = split_tiers(text);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].standard, (0, text.len()));
    }
}
