//! `cailiang`: the command-line tool (see `cailiang --help`).

// The review streams a year's cases, each evaluation making a few hundred small allocations:
// mimalloc reviews about a quarter more cases per second than the system allocator
// (examples/review_throughput.rs).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = cailiang::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
