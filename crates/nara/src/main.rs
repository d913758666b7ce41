use std::process::ExitCode;

use clap::Parser;

// mimalloc rather than glibc's malloc: in a burst (the booking page shown to hundreds at once)
// glibc's allocator took about 15 % of the server's CPU. It keeps more memory resident (about
// 90 MB more at 250,000 directory entries), far within the budget (`cargo bench --bench directory`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = nara::cli::Cli::parse();
    match nara::cli::run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // One line that says what to fix; no backtrace for an operator's mistake.
            let message = format!("{error:#}").replace('\n', " ");
            eprintln!("nara: {message}");
            ExitCode::FAILURE
        }
    }
}
