//! The plain-language checker benchmark (issue 16): the whole report on a 10,000-word Swedish
//! text, timed over many runs (target: p99 under 20 ms in a release build); then the API
//! (`POST /api/v1/klarsprak` with a text of about 300 words) under load through the real server,
//! beside the static-file baseline in the same run. The API's per-network limit is real: the
//! load comes as from many networks through a trusted proxy, so each request pays for it.
//!
//! `cargo bench --bench plain_language [-- --runs N --seconds N --connections N]`

mod support;

use std::time::{Duration, Instant};

use nara::plain_language::{checker, glossary};
use support::{Options, Server, Target, load, load_target, print_header, print_line, stylesheet_path};

const TARGET: Duration = Duration::from_millis(20);
const WORDS: usize = 10_000;

/// Sentences of an official text, plain and bureaucratic, with abbreviations, a list, an
/// acronym and contact details: every measure has something to do.
const SENTENCES: &[&str] = &[
    "Ansökan om ekonomiskt bistånd beviljas i enlighet med socialtjänstlagen avseende skälig levnadsnivå.",
    "Du kan få hjälp med t.ex. mat, hyra och el om du inte kan betala själv.",
    "Den enskilde erhåller beslutet skriftligen och har rätt att överklaga till förvaltningsrätten inom tre veckor.",
    "Ring oss kl. 9–12 på vardagar, eller skicka e-post till kontakt@exempel.se.",
    "Handläggningen av ärendet påbörjas när samtliga handlingar har inkommit till förvaltningen.",
    "Vi hjälper dig att hitta en förening nära dig, bl.a. för barn och unga.",
    "LSS ger rätt till insatser för personer med omfattande funktionsnedsättningar.",
    "• Vad är bra idag?\n• Vad bör vi göra i morgon?\n\nDet finns fler frågor.",
    "Beslutet har fattats efter prövning och bedömning av behovet i det enskilda fallet.",
    "Du får svar inom två veckor.",
];

/// About `target` words of the sentences above, in turn.
fn text(target: usize) -> String {
    let mut text = String::new();
    let mut words = 0;
    for sentence in SENTENCES.iter().cycle() {
        if words >= target {
            break;
        }
        text.push_str(sentence);
        text.push(' ');
        words += checker::words::words(sentence).len();
    }
    text
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runs: usize =
        args.windows(2).find(|w| w[0] == "--runs").and_then(|w| w[1].parse().ok()).unwrap_or(300);
    let text = text(WORDS);
    let glossary = glossary::builtin();
    let report = checker::check(&text, glossary);
    println!(
        "text: {} words, {} sentences, {} characters; LIX {:.1}, {} bureaucratic hits, {} passives",
        report.words,
        report.sentences,
        report.characters,
        report.lix.unwrap_or(0.0),
        report.bureaucratic.len(),
        report.passives.len()
    );
    for _ in 0..10 {
        std::hint::black_box(checker::check(&text, glossary));
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(checker::check(std::hint::black_box(&text), glossary));
            started.elapsed()
        })
        .collect();
    times.sort();
    let (p50, p99) = (percentile(&times, 0.50), percentile(&times, 0.99));
    println!(
        "runs {runs}: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(p50),
        ms(p99),
        ms(times[times.len() - 1])
    );
    println!("target p99 < {} ms: {}", TARGET.as_millis(), if p99 < TARGET { "met" } else { "NOT met" });
    api_under_load(&Options::from_args()).await;
}

/// The API at `options.connections` connections beside the static file, on the demo on SQLite.
async fn api_under_load(options: &Options) {
    let server = Server::start_behind_proxy();
    let body = serde_json::json!({ "text": text(300) }).to_string();
    let api = Target::page("POST /api/v1/klarsprak (300 words)", "/api/v1/klarsprak")
        .post_from_many_networks("application/json", body);
    println!("\nThe API, {} connections, {} s, the demo on SQLite:", options.connections, options.seconds);
    print_header();
    let stylesheet = stylesheet_path(&server.address).await;
    load(&server.address, &stylesheet, &Options { seconds: 1, ..*options }).await;
    let baseline = load(&server.address, &stylesheet, options).await;
    print_line("static file (baseline)", &baseline, "");
    load_target(&server.address, &api, &Options { seconds: 1, ..*options }).await;
    let figures = load_target(&server.address, &api, options).await;
    let note = format!("  {:.3} × static", figures.per_second / baseline.per_second);
    print_line(&api.label, &figures, &note);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
