use std::process::ExitCode;

use clap::Parser;

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
