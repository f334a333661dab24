//! The Redis-backed follow-up store against a real `redis-server` started on a free local port
//! (Debian's `redis-server` package; `.ci/run` installs it). Without the binary the tests say
//! so on stderr and pass: they cannot run, and nothing else needs Redis.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use kazuz_bot::matching::followup::Context;
use kazuz_bot::matching::Lang;
use kazuz_bot::telegram::commands::LanguageChoice;
use kazuz_bot::telegram::redis_store::{RedisStore, RedisStoreError};
use kazuz_bot::telegram::{ContextStore, LanguageStore};
use teloxide::types::ChatId;

/// A `redis-server` that is killed when the test ends.
struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("bound").port()
}

/// A fresh server without persistence, or `None` (with a note) when Redis is not installed.
async fn start_server(test: &str) -> Option<Server> {
    let port = free_port();
    let spawned = Command::new("redis-server")
        .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
        .args(["--save", "", "--appendonly", "no"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let child = match spawned {
        Ok(child) => child,
        Err(err) => {
            eprintln!("SKIPPED {test}: cannot start redis-server ({err}); install Debian's redis-server package to run it");
            return None;
        }
    };
    let server = Server {
        child,
        url: format!("redis://127.0.0.1:{port}/"),
    };
    // Wait until it accepts connections.
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(server);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("redis-server did not start listening on port {port}");
}

fn context(id: &str) -> Context {
    Context {
        record_id: id.to_owned(),
    }
}

#[tokio::test]
async fn contexts_are_kept_per_chat_replaced_and_forgotten() {
    let Some(server) = start_server("contexts_are_kept_per_chat_replaced_and_forgotten").await
    else {
        return;
    };
    let store = RedisStore::connect(&server.url, Duration::from_secs(600))
        .await
        .expect("connects");
    let now = Instant::now();
    assert_eq!(ContextStore::get(&store, ChatId(1), now).await, None);
    ContextStore::set(&store, ChatId(1), context("border-length"), now).await;
    ContextStore::set(&store, ChatId(-100), context("article-4"), now).await;
    assert_eq!(
        ContextStore::get(&store, ChatId(1), now).await,
        Some(context("border-length"))
    );
    assert_eq!(
        ContextStore::get(&store, ChatId(-100), now).await,
        Some(context("article-4"))
    );
    ContextStore::set(&store, ChatId(1), context("treaty-signing-date"), now).await;
    assert_eq!(
        ContextStore::get(&store, ChatId(1), now).await,
        Some(context("treaty-signing-date"))
    );
    ContextStore::forget(&store, ChatId(1)).await;
    assert_eq!(ContextStore::get(&store, ChatId(1), now).await, None);

    // A second replica with its own connection sees the same contexts.
    let other = RedisStore::connect(&server.url, Duration::from_secs(600))
        .await
        .expect("connects");
    assert_eq!(
        ContextStore::get(&other, ChatId(-100), now).await,
        Some(context("article-4"))
    );
}

#[tokio::test]
async fn language_choices_are_shared_and_auto_forgets_them() {
    let Some(server) = start_server("language_choices_are_shared_and_auto_forgets_them").await
    else {
        return;
    };
    let connect = || RedisStore::connect(&server.url, Duration::from_secs(600));
    let (one, two) = (
        connect().await.expect("connects"),
        connect().await.expect("connects"),
    );
    assert_eq!(LanguageStore::get(&one, ChatId(5)).await, None);
    LanguageStore::set(&one, ChatId(5), LanguageChoice::Fixed(Lang::Ru)).await;
    assert_eq!(LanguageStore::get(&two, ChatId(5)).await, Some(Lang::Ru));
    // A context and a language of the same chat are different keys.
    ContextStore::set(&two, ChatId(5), context("article-4"), Instant::now()).await;
    assert_eq!(LanguageStore::get(&one, ChatId(5)).await, Some(Lang::Ru));
    LanguageStore::set(&two, ChatId(5), LanguageChoice::Auto).await;
    assert_eq!(LanguageStore::get(&one, ChatId(5)).await, None);
    assert_eq!(
        ContextStore::get(&one, ChatId(5), Instant::now()).await,
        Some(context("article-4"))
    );
}

#[tokio::test]
async fn a_context_expires_with_the_ttl() {
    let Some(server) = start_server("a_context_expires_with_the_ttl").await else {
        return;
    };
    let store = RedisStore::connect(&server.url, Duration::from_secs(1))
        .await
        .expect("connects");
    ContextStore::set(&store, ChatId(7), context("border-length"), Instant::now()).await;
    assert!(ContextStore::get(&store, ChatId(7), Instant::now())
        .await
        .is_some());
    tokio::time::sleep(Duration::from_millis(2100)).await;
    assert_eq!(
        ContextStore::get(&store, ChatId(7), Instant::now()).await,
        None
    );
}

#[tokio::test]
async fn a_lost_server_means_no_context_not_an_error() {
    let Some(server) = start_server("a_lost_server_means_no_context_not_an_error").await else {
        return;
    };
    let store = RedisStore::connect(&server.url, Duration::from_secs(600))
        .await
        .expect("connects");
    ContextStore::set(&store, ChatId(3), context("border-length"), Instant::now()).await;
    drop(server);
    // Every call returns promptly (within the store's timeouts) and reads as empty.
    let started = Instant::now();
    ContextStore::set(&store, ChatId(3), context("article-4"), Instant::now()).await;
    assert_eq!(
        ContextStore::get(&store, ChatId(3), Instant::now()).await,
        None
    );
    ContextStore::forget(&store, ChatId(3)).await;
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[tokio::test]
async fn a_bad_url_or_no_server_is_a_clear_start_up_error() {
    let err = RedisStore::connect("not a url", Duration::from_secs(1))
        .await
        .expect_err("rejected");
    assert!(matches!(err, RedisStoreError::BadUrl(_)), "{err}");
    assert!(err.to_string().contains("REDIS_URL"), "{err}");
    let closed = format!("redis://127.0.0.1:{}/", free_port());
    let err = RedisStore::connect(&closed, Duration::from_secs(1))
        .await
        .expect_err("nothing listens there");
    assert!(matches!(err, RedisStoreError::Connect(_)), "{err}");
}
