//! Speed of the engine: matching one question against the full embedded knowledge base, and
//! loading + validating + indexing that knowledge base (what startup costs).
//!
//! Run with `cargo bench`; the bars are a median of at most 50 µs per question and at
//! most 50 ms for loading and indexing.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use kazuz_bot::knowledge::KnowledgeBase;
use kazuz_bot::matching::Engine;

/// Questions of every kind the engine meets: plain, paraphrased, misspelt, Russian, an article
/// lookup and one it must decline.
const QUESTIONS: &[(&str, &str)] = &[
    ("plain", "When was the Treaty on Allied Relations signed?"),
    (
        "paraphrase",
        "How much commerce flows between the two neighbours every year?",
    ),
    (
        "typo",
        "lenght of the kazakh uzbekstan bordr after demarkation",
    ),
    (
        "russian",
        "Сколько пограничных знаков установлено на границе?",
    ),
    ("article", "What does article 4 of the treaty say?"),
    (
        "decline",
        "What's the weather forecast for Tashkent this weekend?",
    ),
];

fn matching(c: &mut Criterion) {
    let engine = Engine::new(KnowledgeBase::embedded().expect("embedded knowledge base is valid"));
    let mut group = c.benchmark_group("ask");
    for (name, question) in QUESTIONS {
        group.bench_function(*name, |b| b.iter(|| engine.ask(black_box(question))));
    }
    group.finish();
}

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.sample_size(20);
    group.bench_function("load_validate_index_embedded", |b| {
        b.iter(|| Engine::new(KnowledgeBase::embedded().expect("embedded knowledge base is valid")))
    });
    group.finish();
}

criterion_group!(benches, matching, loading);
criterion_main!(benches);
