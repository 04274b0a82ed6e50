//! The charts: where each item's fines sit in their benchmark ranges (a strip of bins per item,
//! with the fines below and above the range apart), and the findings by rule. Each is a
//! [`Chart`] — plain shapes with integer geometry and their texts as data — that the HTML
//! report writes as SVG text ([`Chart::to_svg`], every text escaped) and the 案卷评查 page
//! renders as elements with text nodes.

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

/// Where a text is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// At its start (SVG's default).
    Start,
    /// At its middle.
    Middle,
    /// At its end.
    End,
}

impl Anchor {
    /// The `text-anchor` value; None for the default.
    pub fn attr(self) -> Option<&'static str> {
        match self {
            Anchor::Start => None,
            Anchor::Middle => Some("middle"),
            Anchor::End => Some("end"),
        }
    }
}

/// One shape of a chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A text.
    Text {
        /// Position.
        x: u64,
        /// Baseline.
        y: u64,
        /// Anchor.
        anchor: Anchor,
        /// CSS class.
        class: &'static str,
        /// The text (pack text: shown as text).
        text: String,
    },
    /// A rectangle, styled by its class or filled with a colour.
    Rect {
        /// Left.
        x: u64,
        /// Top.
        y: u64,
        /// Width.
        width: u64,
        /// Height.
        height: u64,
        /// CSS class.
        class: Option<&'static str>,
        /// Fill colour.
        fill: Option<&'static str>,
    },
    /// A dot, with its tooltip.
    Circle {
        /// Centre.
        cx: u64,
        /// Centre.
        cy: u64,
        /// Radius.
        r: u64,
        /// CSS class.
        class: &'static str,
        /// Tooltip.
        title: String,
    },
    /// A group (a chart's row), with its tooltip.
    Group {
        /// Tooltip.
        title: String,
        /// Its shapes.
        shapes: Vec<Shape>,
    },
}

/// A chart: its size, its accessible title and its shapes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// CSS classes of the `<svg>` (`chart strip`, `chart bars`).
    pub class: &'static str,
    /// The id of its title element.
    pub title_id: &'static str,
    /// Its title.
    pub title: String,
    /// Width.
    pub width: u64,
    /// Height.
    pub height: u64,
    /// Its shapes, in drawing order.
    pub shapes: Vec<Shape>,
}

impl Chart {
    /// As SVG text, every text escaped.
    pub fn to_svg(&self) -> String {
        let (w, h) = (self.width, self.height);
        let mut s = String::new();
        let _ = write!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="{}" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-labelledby="{}"><title id="{}">{}</title>"#,
            self.class,
            self.title_id,
            self.title_id,
            escape(&self.title)
        );
        for shape in &self.shapes {
            write_shape(&mut s, shape);
        }
        s.push_str("</svg>");
        s
    }
}

fn write_shape(s: &mut String, shape: &Shape) {
    match shape {
        Shape::Text {
            x,
            y,
            anchor,
            class,
            text,
        } => {
            let _ = write!(s, r#"<text x="{x}" y="{y}""#);
            if let Some(a) = anchor.attr() {
                let _ = write!(s, r#" text-anchor="{a}""#);
            }
            let _ = write!(s, r#" class="{class}">{}</text>"#, escape(text));
        }
        Shape::Rect {
            x,
            y,
            width,
            height,
            class,
            fill,
        } => {
            let _ = write!(
                s,
                r#"<rect x="{x}" y="{y}" width="{width}" height="{height}""#
            );
            if let Some(c) = class {
                let _ = write!(s, r#" class="{c}""#);
            }
            if let Some(f) = fill {
                let _ = write!(s, r#" fill="{f}""#);
            }
            s.push_str("/>");
        }
        Shape::Circle {
            cx,
            cy,
            r,
            class,
            title,
        } => {
            let _ = write!(
                s,
                r#"<circle cx="{cx}" cy="{cy}" r="{r}" class="{class}"><title>{}</title></circle>"#,
                escape(title)
            );
        }
        Shape::Group { title, shapes } => {
            let _ = write!(s, r#"<g class="row"><title>{}</title>"#, escape(title));
            for x in shapes {
                write_shape(s, x);
            }
            s.push_str("</g>");
        }
    }
}

fn text(x: u64, y: u64, anchor: Anchor, class: &'static str, t: impl Into<String>) -> Shape {
    Shape::Text {
        x,
        y,
        anchor,
        class,
        text: t.into(),
    }
}

fn rect(x: u64, y: u64, width: u64, height: u64, class: &'static str) -> Shape {
    Shape::Rect {
        x,
        y,
        width,
        height,
        class: Some(class),
        fill: None,
    }
}

/// The strip chart as SVG text; None when no fine has a benchmark range.
pub fn strip(summary: &Summary) -> Option<String> {
    strip_chart(summary).map(|c| c.to_svg())
}

/// The strip chart; None when no fine has a benchmark range.
pub fn strip_chart(summary: &Summary) -> Option<Chart> {
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
    let mut shapes = vec![
        text(BELOW_X + 20, 18, Anchor::Middle, "axis", "低于基准"),
        text(RANGE_X, 18, Anchor::Start, "axis", "基准下限"),
        text(RANGE_X + range_w, 18, Anchor::End, "axis", "基准上限"),
        text(above_x + 20, 18, Anchor::Middle, "axis", "高于基准"),
        text(above_x + 52, 18, Anchor::Start, "axis", "罚款件数"),
    ];
    for (n, (code, item)) in items.iter().enumerate() {
        let y = TOP + ROW * n as u64;
        let cy = y + ROW / 2;
        let st = &item.strip;
        let mut row = vec![
            text(LEFT, cy + 4, Anchor::End, "label", code.as_str()),
            rect(BELOW_X, y + 3, 40, ROW - 6, "out"),
            rect(RANGE_X, y + 3, range_w, ROW - 6, "band"),
            rect(above_x, y + 3, 40, ROW - 6, "out"),
        ];
        let mut dot = |x: u64, count: u64, class: &'static str| {
            let r = radius(count, max);
            if r > 0 {
                row.push(Shape::Circle {
                    cx: x,
                    cy,
                    r,
                    class,
                    title: format!("{count} 件"),
                });
            }
        };
        dot(BELOW_X + 20, st.below, "dot off");
        for (b, &count) in st.bins.iter().enumerate() {
            dot(RANGE_X + BIN_W * b as u64 + BIN_W / 2, count, "dot");
        }
        dot(above_x + 20, st.above, "dot off");
        row.push(text(
            above_x + 52,
            cy + 4,
            Anchor::Start,
            "count",
            st.total().to_string(),
        ));
        shapes.push(Shape::Group {
            title: format!(
                "{code} {}：罚款 {} 件，低于基准 {} 件，高于基准 {} 件",
                item.name,
                st.total(),
                st.below,
                st.above
            ),
            shapes: row,
        });
    }
    if hidden > 0 {
        shapes.push(text(
            LEFT,
            height - 8,
            Anchor::End,
            "axis",
            format!("另有 {hidden} 项违法行为未列出"),
        ));
    }
    Some(Chart {
        class: "chart strip",
        title_id: "strip-title",
        title: "各违法行为罚款在基准幅度内的位置".into(),
        width,
        height,
        shapes,
    })
}

/// The bar chart of findings by rule as SVG text; None without findings.
pub fn by_rule(summary: &Summary) -> Option<String> {
    rule_chart(summary).map(|c| c.to_svg())
}

/// The bar chart of findings by rule; None without findings.
pub fn rule_chart(summary: &Summary) -> Option<Chart> {
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
    let shapes = rows
        .iter()
        .enumerate()
        .map(|(n, (rule, count))| {
            let y = 6 + ROW * n as u64;
            let w = (BAR * count).div_ceil(max).max(2);
            Shape::Group {
                title: format!("{}（{}）：{} 项", rule.heading(), rule.id(), count),
                shapes: vec![
                    text(LABEL - 8, y + 16, Anchor::End, "label", rule.heading()),
                    Shape::Rect {
                        x: LABEL,
                        y: y + 3,
                        width: w,
                        height: ROW - 6,
                        class: None,
                        fill: Some(colour(rule.severity())),
                    },
                    text(
                        LABEL + w + 6,
                        y + 16,
                        Anchor::Start,
                        "count",
                        count.to_string(),
                    ),
                ],
            }
        })
        .collect();
    Some(Chart {
        class: "chart bars",
        title_id: "bars-title",
        title: "各类问题的数量".into(),
        width,
        height,
        shapes,
    })
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
