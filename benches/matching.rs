//! Speed of the engine over real questions: every question of `../shared/eval/*.jsonl` and
//! `tests/data/*.jsonl` (issue 7's bars: a median of at most 20 µs per question and a 99th
//! percentile of at most 100 µs), and the start-up cost of loading the embedded engine.
//!
//! Run with `cargo bench --bench matching`. Besides criterion's report (one pass over all
//! questions, and loading), it prints the distribution of the per-question times: each question
//! is asked `REPEATS` times and its fastest time counts (the least disturbed by the machine).
//! With `BENCH_TIMES=FILE` it also writes each question's time to FILE, slowest last, to profile
//! the questions around the median.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use kazuz_bot::matching::Engine;

/// The binary's allocator (see `src/main.rs`): the bench measures the engine as it runs there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Times each question is asked for the distribution; its fastest time counts.
const REPEATS: usize = 15;

/// The question files: the shared evaluation sets and the repository's own.
fn question_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [root.join("../shared/eval"), root.join("tests/data")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        files.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "jsonl")),
        );
    }
    files.sort();
    files
}

/// Every question (`q` of each JSON line) of the question files.
fn questions() -> Vec<String> {
    let mut out = Vec::new();
    for file in question_files() {
        let text = std::fs::read_to_string(&file).expect("question files are readable");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let value: serde_json::Value = serde_json::from_str(line).expect("JSON lines");
            if let Some(q) = value.get("q").and_then(|q| q.as_str()) {
                out.push(q.to_owned());
            }
        }
    }
    out
}

/// The fastest of `REPEATS` runs of one question.
fn fastest(engine: &Engine, question: &str) -> Duration {
    (0..REPEATS)
        .map(|_| {
            let start = Instant::now();
            black_box(engine.ask(black_box(question)));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Prints the median, 99th percentile and maximum of the per-question times.
fn print_distribution(engine: &Engine, questions: &[String]) {
    let mut times: Vec<(Duration, &str)> = questions
        .iter()
        .map(|q| (fastest(engine, q), q.as_str()))
        .collect();
    times.sort();
    if let Ok(path) = std::env::var("BENCH_TIMES") {
        let text: String = times
            .iter()
            .map(|(t, q)| format!("{:.2}\t{q}\n", t.as_secs_f64() * 1e6))
            .collect();
        std::fs::write(path, text).expect("BENCH_TIMES names a writable file");
    }
    let at = |share: f64| times[((times.len() - 1) as f64 * share).round() as usize].0;
    println!(
        "per question over {} questions: median {:.1} µs, 99th percentile {:.1} µs, max {:.1} µs",
        times.len(),
        at(0.5).as_secs_f64() * 1e6,
        at(0.99).as_secs_f64() * 1e6,
        at(1.0).as_secs_f64() * 1e6,
    );
    if let Some((slowest, question)) = times.last() {
        println!("slowest: {:.1} µs: {question}", slowest.as_secs_f64() * 1e6);
    }
}

fn matching(c: &mut Criterion) {
    let engine = kazuz_bot::embedded::engine().expect("the embedded engine loads");
    let questions = questions();
    assert!(!questions.is_empty(), "no question files found");
    print_distribution(&engine, &questions);
    let mut group = c.benchmark_group("ask");
    group.sample_size(10);
    group.bench_function(format!("all {} questions", questions.len()), |b| {
        b.iter(|| {
            for q in &questions {
                black_box(engine.ask(black_box(q)));
            }
        })
    });
    group.finish();
}

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.sample_size(20);
    group.bench_function("load_embedded_engine", |b| {
        b.iter(|| kazuz_bot::embedded::engine().expect("the embedded engine loads"))
    });
    group.finish();
}

criterion_group!(benches, matching, loading);
criterion_main!(benches);
