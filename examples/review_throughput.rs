//! Throughput and memory of `cailiang review` on one core: decided cases per second, and the
//! peak resident memory for batches of different sizes (it must stay flat in the number of
//! cases). Target: ≥ 50,000 decided cases per second.
//!
//! ```sh
//! cargo run --release --example review_throughput            # 10k, 100k, 400k cases
//! cargo run --release --example review_throughput -- 100000  # one batch size
//! ```
//!
//! The cases are the reference pack's own test cases as decided cases — each fined at the
//! recommended minimum, in the middle, or a fifth above the maximum (a finding), with the
//! penalties and procedure the result asks for and some left out — repeated to the batch size.
//! Each run is a separate process, so that its peak memory is its own.

use std::io::Write;

// As the `cailiang` binary does.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Instant;

use cailiang::engine::result::{FlagStatus, Outcome};
use serde_json::json;

fn templates() -> Vec<serde_json::Value> {
    let lp = cailiang::load_pack("ref", cailiang::REFERENCE_PACK).expect("reference pack");
    let mut out = Vec::new();
    for item in &lp.pack.items {
        for pc in &item.cases {
            let mut case = pc.case_for(item);
            case.dates.occurred = "2025-03-01".parse().ok();
            case.dates.discovered = "2025-06-01".parse().ok();
            let Ok(r) = cailiang::evaluate(&lp, &case) else {
                continue;
            };
            let Some(rec) = r.recommended else { continue };
            if r.outcome != Outcome::Fine {
                continue;
            }
            let mid = (rec.min.0 + rec.max.0) / rust_decimal::Decimal::TWO;
            let high = rec.max.0 * rust_decimal::Decimal::new(12, 1);
            for (n, fine) in [rec.min.0, mid.round_dp(2), high.round_dp(2)]
                .iter()
                .enumerate()
            {
                let due = |s: FlagStatus| s != FlagStatus::NotRequired;
                let penalties: Vec<_> = r
                    .penalties
                    .iter()
                    .filter(|p| p.mandatory && !p.conditional && (n != 1 || p.kind.is_order()))
                    .map(|p| json!({"kind": p.kind, "amount": p.amount}))
                    .collect();
                out.push(json!({
                    "case": case,
                    "decision": {
                        "fines": [{"amount": fine.to_string()}],
                        "penalties": penalties,
                        "procedure": {
                            "hearing_notified": due(r.flags.hearing.status),
                            "legal_review": due(r.flags.legal_review.status) && n != 2,
                            "collective_discussion": due(r.flags.collective_discussion.status)
                        },
                        "dates": {"filed": "2025-06-02", "notified": "2025-07-01", "decided": "2025-07-15"}
                    }
                }));
            }
        }
    }
    out
}

/// CPU time this process has run, in seconds (/proc/self/schedstat: nanoseconds on a CPU). On
/// a shared machine the wall clock counts the time other processes held the core; this does not.
fn cpu_secs() -> f64 {
    std::fs::read_to_string("/proc/self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|v| v.parse::<u64>().ok())
        })
        .map(|ns| ns as f64 / 1e9)
        .unwrap_or(f64::NAN)
}

fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn run(n: usize) {
    let dir = std::env::temp_dir().join(format!("cailiang-throughput-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let input = dir.join("cases.jsonl");
    let t = templates();
    {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&input).expect("create"));
        for i in 0..n {
            let mut v = t[i % t.len()].clone();
            v["reference"] = json!(format!("示例罚〔2025〕{i}号"));
            writeln!(w, "{v}").expect("write");
        }
    }
    let before = peak_kib();
    let mut sink = std::io::sink();
    let csv = dir.join("findings.csv").display().to_string();
    let html = dir.join("report.html").display().to_string();
    for (what, extra) in [
        ("审查（只输出到标准输出）", vec![]),
        (
            "审查并写 CSV 和 HTML",
            vec!["--csv", csv.as_str(), "--html", html.as_str()],
        ),
    ] {
        let mut args = vec!["review".to_string(), input.display().to_string()];
        args.extend(extra.iter().map(|s| s.to_string()));
        let start = Instant::now();
        let cpu = cpu_secs();
        let code = cailiang::cli::run(&args, &mut sink, &mut std::io::sink());
        let secs = start.elapsed().as_secs_f64();
        let cpu = cpu_secs() - cpu;
        assert!(code <= 1, "review failed");
        println!(
            "{n:>8} 件 {what}: CPU {cpu:.2} s，{:.0} 件/秒（墙钟 {secs:.2} s，{:.0} 件/秒）；峰值内存 {} MiB（生成输入后 {} MiB）",
            n as f64 / cpu,
            n as f64 / secs,
            peak_kib() / 1024,
            before / 1024
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn main() {
    match std::env::args()
        .nth(1)
        .and_then(|a| a.parse::<usize>().ok())
    {
        Some(n) => run(n),
        None => {
            let me = std::env::current_exe().expect("own path");
            for n in [10_000, 100_000, 400_000] {
                let status = std::process::Command::new(&me)
                    .arg(n.to_string())
                    .status()
                    .expect("run");
                assert!(status.success());
            }
        }
    }
}
