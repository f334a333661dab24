//! Logging on standard error: the level from `RUST_LOG` (or a default per command), colours only
//! on a terminal, and no user content from teloxide's reports of updates it cannot parse.
//!
//! teloxide logs such an update at ERROR with its whole JSON (the user's text and name). Those
//! two report sites are the only ERROR events of their modules besides one about deleting a
//! webhook; they are dropped and replaced by a line without content.

use std::io::IsTerminal;
use tracing::{Event, Metadata, Subscriber};
use tracing_subscriber::filter::{filter_fn, EnvFilter};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;

/// Modules where teloxide reports an update it cannot parse, with the update's content.
const UNPARSED_UPDATE_TARGETS: &[&str] = &[
    "teloxide::dispatching::dispatcher",
    "teloxide::update_listeners::webhooks::axum",
];

/// True for teloxide's report of an unparsable update.
pub fn is_unparsed_update_report(metadata: &Metadata<'_>) -> bool {
    *metadata.level() == tracing::Level::ERROR
        && UNPARSED_UPDATE_TARGETS.contains(&metadata.target())
}

/// Says that an update could not be parsed, without its content. It writes the line itself:
/// tracing drops events emitted while another is being recorded.
struct RedactedReport<W> {
    writer: W,
}

impl<S, W> Layer<S> for RedactedReport<W>
where
    S: Subscriber,
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + 'static,
{
    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        if is_unparsed_update_report(event.metadata()) {
            use std::io::Write as _;
            // A failed log write has nowhere to be reported.
            let _ = writeln!(
                self.writer.make_writer(),
                "WARN kazuz_bot::logging: teloxide could not parse an update or delete the \
                 webhook (details not logged: they may hold user data)"
            );
        }
    }
}

/// Sets up logging for the process.
pub fn init(default_level: &str) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_level));
    // Colour codes only for a person at a terminal, not in log files and journals.
    subscriber(filter, std::io::stderr, std::io::stderr().is_terminal()).init();
}

/// The subscriber: `filter`, then output to `writer` without teloxide's content-bearing parse
/// reports, plus the redacted line that replaces them.
pub fn subscriber<W>(filter: EnvFilter, writer: W, ansi: bool) -> impl Subscriber + Send + Sync
where
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Clone + Send + Sync + 'static,
{
    let report = RedactedReport {
        writer: writer.clone(),
    };
    let output = tracing_subscriber::fmt::layer()
        .with_writer(writer)
        .with_ansi(ansi)
        .with_filter(filter_fn(|metadata| !is_unparsed_update_report(metadata)));
    tracing_subscriber::registry()
        .with(filter)
        .with(output)
        .with(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Buffer {
        fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("buffer lock").extend_from_slice(data);
            Ok(data.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn unparsed_update_reports_are_logged_without_their_content() {
        let buffer = Buffer::default();
        let writer = buffer.clone();
        let subscriber = subscriber(EnvFilter::new("info"), move || writer.clone(), false);
        tracing::subscriber::with_default(subscriber, || {
            tracing::error!(
                target: "teloxide::dispatching::dispatcher",
                "Cannot parse an update. Value: {{\"text\": \"my secret question\"}}"
            );
            tracing::info!(target: "kazuz_bot", "ordinary line");
        });
        let logged = String::from_utf8(buffer.0.lock().expect("buffer lock").clone()).unwrap();
        assert!(!logged.contains("secret"), "{logged}");
        assert!(logged.contains("could not parse an update"), "{logged}");
        assert!(logged.contains("ordinary line"), "{logged}");
        assert!(!logged.contains('\u{1b}'), "no colour codes: {logged}");
    }
}
