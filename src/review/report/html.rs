//! The self-contained HTML report: one file with inline CSS and SVG, no script (its Content
//! Security Policy forbids any), every text escaped.
//!
//! It is written in three parts so that a batch of any size streams: [`head`] (the summary and
//! the charts, known at the end), the case sections as they come ([`case_section`],
//! [`error_section`]), and [`foot`]. The CLI keeps the sections in a temporary file until the
//! summary is known; [`report`] puts the parts together in memory.

use std::fmt::Write;

use super::svg;
use crate::review::finding::{Rule, Severity};
use crate::review::summary::Summary;
use crate::review::{CaseReview, RowError};
use crate::wording::{basis_words, cite_list};

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What the report says about where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// The file reviewed (its name as given).
    pub input: String,
}

const CSS: &str = r#"
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px auto;max-width:1100px;color:#1a1a1a;line-height:1.5;padding:0 16px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:32px}h3{font-size:15px;margin:0 0 6px}
.meta{color:#555;font-size:13px}.ref{background:#fff3e0;border-left:4px solid #e65100;padding:6px 10px;font-size:13px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f5f5f5}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.tiles{display:flex;gap:12px;flex-wrap:wrap}.tile{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:120px}.tile b{display:block;font-size:22px}
.error b,.sev-error{color:#c62828}.warning b,.sev-warning{color:#e65100}.notice b,.sev-notice{color:#1565c0}
.case td:nth-child(4),.case td:nth-child(5){min-width:7em}.case td:first-child{white-space:nowrap}
th{white-space:nowrap}
.case{border:1px solid #ddd;border-left:5px solid #1565c0;border-radius:4px;padding:8px 12px;margin:10px 0}
.case.worst-error,.case.unreadable{border-left-color:#c62828}.case.worst-warning{border-left-color:#e65100}
code{font-size:12px;color:#555}
svg.chart{max-width:100%;height:auto;font-size:12px}svg .band{fill:#e8f5e9;stroke:#66bb6a}svg .out{fill:#ffebee;stroke:#ef9a9a}
svg .dot{fill:#2e7d32;fill-opacity:.75}svg .dot.off{fill:#c62828}svg .axis{fill:#555;font-size:11px}svg .label,svg .count{fill:#1a1a1a}
footer{margin-top:32px;color:#777;font-size:12px}
@media print{.case{break-inside:avoid}}
"#;

fn tile(class: &str, label: &str, n: u64) -> String {
    format!(
        r#"<div class="tile {class}"><b>{n}</b>{}</div>"#,
        escape(label)
    )
}

/// The report's opening: the summary, the charts and the tables by rule and by item.
pub fn head(meta: &Meta, summary: &Summary) -> String {
    let mut s = String::new();
    let p = &summary.pack;
    let _ = write!(
        s,
        r#"<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><meta name="viewport" content="width=device-width, initial-scale=1"><title>案卷评查报告</title><style>{CSS}</style></head><body><header><h1>案卷评查报告</h1><p class="meta">评查文件：{}；裁量基准：{} {}（{}，内容摘要 {}）；评查程序版本 {}</p>"#,
        escape(&meta.input),
        escape(&p.title),
        escape(&p.edition),
        escape(&p.id),
        escape(p.hash.get(..12).unwrap_or(&p.hash)),
        escape(crate::ENGINE_VERSION)
    );
    if p.reference_only {
        s.push_str(r#"<p class="ref">所用基准为参考示例，非任何机关发布的正式裁量基准；评查结论仅供参考，应按本地正式基准核对。</p>"#);
    }
    s.push_str("</header><section><h2>汇总</h2><div class=\"tiles\">");
    s.push_str(&tile("", "评查案件", summary.cases));
    s.push_str(&tile("", "未发现问题", summary.clean));
    s.push_str(&tile("error", "有错误的案件", summary.cases_by_worst.error));
    s.push_str(&tile(
        "warning",
        "有警告的案件（无错误）",
        summary.cases_by_worst.warning,
    ));
    s.push_str(&tile(
        "notice",
        "仅有提示的案件",
        summary.cases_by_worst.notice,
    ));
    s.push_str(&tile("error", "无法评查的行", summary.unreadable));
    s.push_str("</div><table><tr><th>等级</th><th>问题数</th></tr>");
    for sev in Severity::ALL {
        let _ = write!(
            s,
            r#"<tr><td class="sev-{}">{}</td><td class="n">{}</td></tr>"#,
            sev_class(sev),
            sev.label(),
            summary.findings.get(sev)
        );
    }
    s.push_str("</table>");
    if !summary.not_checked.is_empty() {
        let missing: Vec<&str> = summary.not_stated.iter().map(|r| r.label()).collect();
        let _ = write!(
            s,
            r#"<p class="ref">评查文件未记录{}，以下规则未核对：{}</p>"#,
            escape(&missing.join("、")),
            escape(
                &summary
                    .not_checked
                    .iter()
                    .map(|r| format!("{}（{}）", r.title(), r.id()))
                    .collect::<Vec<_>>()
                    .join("；")
            )
        );
    }
    s.push_str("</section><section><h2>问题类型</h2>");
    match svg::by_rule(summary) {
        Some(chart) => {
            s.push_str(&chart);
            s.push_str(
                "<table><tr><th>规则编号</th><th>规则</th><th>等级</th><th>问题数</th></tr>",
            );
            for r in Rule::ALL {
                if let Some(n) = summary.by_rule.get(r) {
                    let _ = write!(
                        s,
                        r#"<tr><td><code>{}</code></td><td>{}</td><td class="sev-{}">{}</td><td class="n">{n}</td></tr>"#,
                        r.id(),
                        escape(r.title()),
                        sev_class(r.severity()),
                        r.severity().label()
                    );
                }
            }
            s.push_str("</table>");
        }
        None => s.push_str("<p>未发现问题。</p>"),
    }
    s.push_str("</section><section><h2>罚款在基准幅度内的位置</h2>");
    match svg::strip(summary) {
        Some(chart) => {
            s.push_str("<p class=\"meta\">每行一项违法行为；绿色区间为所适用阶次的基准幅度（从下限到上限分为二十段），圆点越大该段罚款越多；红色为低于或高于基准幅度的罚款。</p>");
            s.push_str(&chart);
        }
        None => s.push_str("<p>没有可以与基准幅度比较的罚款。</p>"),
    }
    s.push_str("</section><section><h2>按违法行为</h2><table><tr><th>编码</th><th>违法行为</th><th>案件</th><th>有问题</th><th>错误</th><th>警告</th><th>提示</th><th>罚款低于基准</th><th>罚款高于基准</th></tr>");
    for (code, i) in &summary.by_item {
        let _ = write!(
            s,
            r#"<tr><td>{}</td><td>{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            escape(code),
            escape(&i.name),
            i.cases,
            i.with_findings,
            i.findings.error,
            i.findings.warning,
            i.findings.notice,
            i.strip.below,
            i.strip.above
        );
    }
    s.push_str("</table></section><section><h2>逐案问题</h2>");
    if summary.cases_by_worst.total() == 0 && summary.unreadable == 0 {
        s.push_str("<p>未发现问题。</p>");
    }
    s
}

fn sev_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Notice => "notice",
    }
}

/// A case's findings; empty for a case without findings.
pub fn case_section(r: &CaseReview) -> String {
    let Some(worst) = r.worst() else {
        return String::new();
    };
    let mut s = String::new();
    let fine = match (&r.fine, &r.benchmark) {
        (Some(f), Some(b)) => format!(
            " · 罚款 {}（基准幅度 {}）",
            crate::review::Shown::Amount(*f).words(),
            crate::wording::describe(b)
        ),
        (Some(f), None) => format!(" · 罚款 {}", crate::review::Shown::Amount(*f).words()),
        _ => String::new(),
    };
    let _ = write!(
        s,
        r#"<article class="case worst-{}"><h3>{}{} · {} {}{}</h3><table><tr><th>等级</th><th>问题</th><th>依据</th><th>应为</th><th>记录为</th></tr>"#,
        sev_class(worst),
        escape(&r.whereabouts()),
        r.reference
            .as_ref()
            .map(|x| format!(" · {}", escape(x)))
            .unwrap_or_default(),
        escape(&r.item),
        escape(&r.item_name),
        escape(&fine)
    );
    for f in &r.findings {
        let mut basis = cite_list(&f.citations);
        if let Some(b) = basis_words(&f.benchmark) {
            if !basis.is_empty() {
                basis.push('；');
            }
            basis.push_str(&b);
        }
        let _ = write!(
            s,
            r#"<tr><td class="sev-{}">{}<br><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
            sev_class(f.severity),
            f.severity.label(),
            f.rule.id(),
            escape(&match &f.party {
                Some(p) => format!("（{p}）{}", f.message),
                None => f.message.clone(),
            }),
            escape(&basis),
            escape(&f.expected.as_ref().map(|x| x.words()).unwrap_or_default()),
            escape(&f.recorded.as_ref().map(|x| x.words()).unwrap_or_default())
        );
    }
    s.push_str("</table></article>");
    s
}

/// A row that could not be reviewed.
pub fn error_section(e: &RowError) -> String {
    format!(
        r#"<article class="case unreadable"><h3>{}{} · 无法评查</h3><p>{}</p></article>"#,
        escape(&e.whereabouts()),
        e.reference
            .as_ref()
            .map(|x| format!(" · {}", escape(x)))
            .unwrap_or_default(),
        escape(&e.problem.to_string())
    )
}

/// The report's end.
pub fn foot() -> String {
    "</section><footer>由裁量基准计算器（cailiang）生成。评查依据已记录的案卷事项与裁量基准比对，结论供法制审核和案卷评查人员参考，不替代人工审查。</footer></body></html>\n".to_string()
}

/// The whole report, in memory.
pub fn report(
    meta: &Meta,
    summary: &Summary,
    sections: impl IntoIterator<Item = String>,
) -> String {
    let mut s = head(meta, summary);
    for x in sections {
        s.push_str(&x);
    }
    s.push_str(&foot());
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }
}
