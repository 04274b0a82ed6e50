//! The charts, as SVG text: where each item's fines sit in their benchmark ranges (a strip of
//! bins per item, with the fines below and above the range apart), and the findings by rule.
//! Integer geometry only; every text escaped.

use std::fmt::Write;

use super::html::escape;
use crate::review::finding::{Rule, Severity};
use crate::review::summary::{BINS, Summary};

/// Items shown in the strip chart: those with the most fines placed.
pub const STRIP_ITEMS: usize = 30;

/// The colour of a severity.
pub fn colour(s: Severity) -> &'static str {
    match s {
        Severity::Error => "#c62828",
        Severity::Warning => "#e65100",
        Severity::Notice => "#1565c0",
    }
}

fn isqrt(n: u64) -> u64 {
    if n < 2 {
        return n;
    }
    let mut x = n;
    let mut y = x.div_ceil(2);
    while y < x {
        x = y;
        y = (x + n / x) / 2;
    }
    x
}

/// Radius of a dot for `n` fines when the largest bin holds `max`: area grows with the count.
fn radius(n: u64, max: u64) -> u64 {
    if n == 0 || max == 0 {
        return 0;
    }
    2 + isqrt(n.saturating_mul(4900) / max) / 10
}

/// The strip chart; None when no fine has a benchmark range.
pub fn strip(summary: &Summary) -> Option<String> {
    let mut items: Vec<(&String, &crate::review::summary::ItemSummary)> = summary
        .by_item
        .iter()
        .filter(|(_, i)| i.strip.total() > 0)
        .collect();
    if items.is_empty() {
        return None;
    }
    items.sort_by(|a, b| b.1.strip.total().cmp(&a.1.strip.total()).then(a.0.cmp(b.0)));
    let hidden = items.len().saturating_sub(STRIP_ITEMS);
    items.truncate(STRIP_ITEMS);
    let max = items
        .iter()
        .flat_map(|(_, i)| {
            i.strip
                .bins
                .iter()
                .copied()
                .chain([i.strip.below, i.strip.above])
        })
        .max()
        .unwrap_or(1);
    const ROW: u64 = 26;
    const TOP: u64 = 34;
    const LEFT: u64 = 170; // label column
    const BELOW_X: u64 = 180; // "below" box
    const RANGE_X: u64 = 240; // the range
    const BIN_W: u64 = 20;
    let range_w = BIN_W * BINS as u64;
    let above_x = RANGE_X + range_w + 20;
    let width = above_x + 40 + 90;
    let height = TOP + ROW * items.len() as u64 + 30;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart strip" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" aria-labelledby="strip-title"><title id="strip-title">各违法行为罚款在基准幅度内的位置</title>"#
    );
    let _ = write!(
        s,
        r##"<text x="{}" y="18" text-anchor="middle" class="axis">低于基准</text><text x="{RANGE_X}" y="18" class="axis">基准下限</text><text x="{}" y="18" text-anchor="end" class="axis">基准上限</text><text x="{}" y="18" text-anchor="middle" class="axis">高于基准</text><text x="{}" y="18" class="axis">罚款件数</text>"##,
        BELOW_X + 20,
        RANGE_X + range_w,
        above_x + 20,
        above_x + 52
    );
    for (n, (code, item)) in items.iter().enumerate() {
        let y = TOP + ROW * n as u64;
        let cy = y + ROW / 2;
        let st = &item.strip;
        let _ = write!(
            s,
            r##"<g class="row"><title>{} {}：罚款 {} 件，低于基准 {} 件，高于基准 {} 件</title><text x="{}" y="{}" text-anchor="end" class="label">{}</text>"##,
            escape(code),
            escape(&item.name),
            st.total(),
            st.below,
            st.above,
            LEFT,
            cy + 4,
            escape(code)
        );
        let _ = write!(
            s,
            r##"<rect x="{BELOW_X}" y="{}" width="40" height="{}" class="out"/><rect x="{RANGE_X}" y="{}" width="{range_w}" height="{}" class="band"/><rect x="{above_x}" y="{}" width="40" height="{}" class="out"/>"##,
            y + 3,
            ROW - 6,
            y + 3,
            ROW - 6,
            y + 3,
            ROW - 6
        );
        let mut dot = |x: u64, count: u64, class: &str| {
            let r = radius(count, max);
            if r > 0 {
                let _ = write!(
                    s,
                    r##"<circle cx="{x}" cy="{cy}" r="{r}" class="{class}"><title>{count} 件</title></circle>"##
                );
            }
        };
        dot(BELOW_X + 20, st.below, "dot off");
        for (b, &count) in st.bins.iter().enumerate() {
            dot(RANGE_X + BIN_W * b as u64 + BIN_W / 2, count, "dot");
        }
        dot(above_x + 20, st.above, "dot off");
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" class="count">{}</text></g>"##,
            above_x + 52,
            cy + 4,
            st.total()
        );
    }
    if hidden > 0 {
        let _ = write!(
            s,
            r##"<text x="{LEFT}" y="{}" text-anchor="end" class="axis">另有 {hidden} 项违法行为未列出</text>"##,
            height - 8
        );
    }
    s.push_str("</svg>");
    Some(s)
}

/// The bar chart of findings by rule; None without findings.
pub fn by_rule(summary: &Summary) -> Option<String> {
    let mut rows: Vec<(Rule, u64)> = summary.by_rule.iter().map(|(r, n)| (*r, *n)).collect();
    if rows.is_empty() {
        return None;
    }
    rows.sort_by(|a, b| {
        a.0.severity()
            .cmp(&b.0.severity())
            .then(b.1.cmp(&a.1))
            .then(a.0.cmp(&b.0))
    });
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
    const ROW: u64 = 24;
    const LABEL: u64 = 330;
    const BAR: u64 = 330;
    let width = LABEL + BAR + 90;
    let height = ROW * rows.len() as u64 + 12;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart bars" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" aria-labelledby="bars-title"><title id="bars-title">各类问题的数量</title>"#
    );
    for (n, (rule, count)) in rows.iter().enumerate() {
        let y = 6 + ROW * n as u64;
        let w = (BAR * count).div_ceil(max).max(2);
        let _ = write!(
            s,
            r##"<g class="row"><title>{}（{}）：{} 项</title><text x="{}" y="{}" text-anchor="end" class="label">{}</text><rect x="{}" y="{}" width="{w}" height="{}" fill="{}"/><text x="{}" y="{}" class="count">{}</text></g>"##,
            escape(&rule.heading()),
            rule.id(),
            count,
            LABEL - 8,
            y + 16,
            escape(&rule.heading()),
            LABEL,
            y + 3,
            ROW - 6,
            colour(rule.severity()),
            LABEL + w + 6,
            y + 16,
            count
        );
    }
    s.push_str("</svg>");
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dots_grow_with_the_count() {
        assert_eq!(radius(0, 10), 0);
        assert!(radius(1, 100) >= 2);
        assert!(radius(100, 100) > radius(25, 100));
        assert_eq!(radius(100, 100), 9);
        assert_eq!(isqrt(49), 7);
        assert_eq!(isqrt(50), 7);
    }
}
