//! HTTP benchmark harness: starts the release `nara demo` as its own process on loopback, loads
//! it from this process with keep-alive connections, and prints requests/s and p50/p99 per target,
//! beside a static file served by the same server in the same run.
//!
//! `cargo bench --bench http [-- --seconds N --connections N --max-requests N]`
//! Later issues add targets to `targets()`.

mod support;

use support::{Options, Server, print_header, run_targets};

/// (label, path): the static baseline first; later issues add their pages here.
async fn targets(address: &str) -> Vec<(String, String)> {
    vec![
        ("static file (baseline)".into(), support::stylesheet_path(address).await),
        ("home page /".into(), "/".into()),
        ("home page /en/".into(), "/en/".into()),
    ]
}

#[tokio::main]
async fn main() {
    let options = Options::from_args();
    let server = Server::start();
    println!(
        "Nära HTTP benchmark: {} connections, {} s per target (max {} requests), server and load on one machine ({} cores)",
        options.connections,
        options.seconds,
        options.max_requests,
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    print_header();
    run_targets(&server.address, targets(&server.address).await, &options).await;
}
