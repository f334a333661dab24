//! The dispatch loop [`super::run`] uses instead of teloxide's `Dispatcher` (issue 9).
//!
//! teloxide 0.17's `Dispatcher` hands each update to a per-chat worker with
//! `Sender::send(..).await`: once one chat's queue (64) is full, the loop waits, and every other
//! chat waits with it. It offers no hook before that queue, and no way to drop instead of wait.
//! A flooding user could therefore stall the bot for everyone (73.6 s for three bystanders after
//! a flood of 100 messages), and the per-user limit, checked by the handler, ran only when the
//! queued update got its turn. So this loop, on each update as it arrives:
//!
//! 1. judges it with the arrival gate ([`super::arrival::Gate`]): over-limit updates get the
//!    notice once (sent by its own task) and are dropped, never queued;
//! 2. puts admitted updates into a bounded per-chat queue with `try_send`, so one chat's full
//!    queue drops that chat's update and never blocks the loop. Each chat's updates are still
//!    handled one after another, in order; updates without a chat (inline queries) at once.
//!
//! A chat's worker ends after [`IDLE`] without updates, so idle chats hold no task or queue.
//!
//! On shutdown the loop stops the listener (polling then confirms the updates already taken;
//! a webhook is deleted), ignores whatever still arrives, and lets the workers finish what is
//! queued until the grace period ends; then everything unfinished is aborted.

use std::collections::HashMap;
use std::fmt::Display;
use std::ops::ControlFlow;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt as _;
use teloxide::dispatching::UpdateHandler;
use teloxide::dptree::di::DependencyMap;
use teloxide::types::{AllowedUpdate, ChatId, Me, Update, UpdateKind};
use teloxide::update_listeners::UpdateListener;
use tokio::sync::mpsc::error::TrySendError;
use tokio::sync::{mpsc, oneshot, watch, OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinSet;

use super::arrival::Admission;
use super::handlers::{send_notice, HandlerError, TelegramApi};
use super::{BotState, Redactor};
use crate::matching::Engine;

/// How long a chat's worker waits for another update before it ends.
pub const IDLE: Duration = Duration::from_secs(10);

/// At most this many admitted updates are queued or being handled at once, over all chats. At
/// the cap the loop stops taking updates from Telegram, which keeps them (for up to a day) until
/// it asks again: memory stays bounded when thousands of chats write at once while Telegram's
/// send limits (about 30 messages a second) drain the answers.
pub const MAX_IN_FLIGHT: usize = 1_000;

/// An admitted update with its place among the [`MAX_IN_FLIGHT`]; the place is given back when
/// the update has been handled (or dropped). Boxed: a tokio channel allocates its slots 32 at a
/// time, and every chat has a channel; with `Update` (about 1.9 KB) by value that was 62 KB per
/// chat, which glibc kept after the chat went idle (a soak's RSS grew to 190 MiB while 13 MiB
/// stayed live; heaptrack traced 139 of the 186 MB peak to these blocks). Boxed, a block is
/// under 1 KB.
type Admitted = (Box<Update>, OwnedSemaphorePermit);

/// How often ended workers are removed from the table of chats.
const PRUNE_EVERY: Duration = Duration::from_secs(30);

/// The update kinds the handler tree answers; Telegram is asked for nothing else.
const ALLOWED_UPDATES: [AllowedUpdate; 3] = [
    AllowedUpdate::Message,
    AllowedUpdate::CallbackQuery,
    AllowedUpdate::InlineQuery,
];

/// How many admitted updates one chat may have waiting: at least a whole minute's allowance of
/// one user, so that nothing admitted is lost to a burst in a private chat.
pub fn chat_queue_capacity(questions_per_minute: u32) -> usize {
    (questions_per_minute as usize)
        .saturating_mul(2)
        .clamp(32, 1024)
}

/// What every update needs to be handled.
struct Context {
    handler: UpdateHandler<HandlerError>,
    deps: DependencyMap,
    redact: Redactor,
}

impl Context {
    async fn handle(&self, update: Update) {
        let update_id = update.id.0;
        let mut deps = self.deps.clone();
        deps.insert(update);
        match self.handler.dispatch(deps).await {
            ControlFlow::Break(Ok(())) => {}
            ControlFlow::Break(Err(error)) => tracing::error!(
                update_id = error.update_id,
                chat_id = error.chat_id.map(|c| c.0),
                error = %self.redact.apply(&error.source.to_string()),
                "handling an update failed"
            ),
            ControlFlow::Continue(_) => tracing::trace!(update_id, "update ignored"),
        }
    }
}

/// A chat's queue and a way to learn that its worker has ended.
struct ChatQueue {
    tx: mpsc::Sender<Admitted>,
    /// Resolves (with an error) once the worker has ended and dropped its sender.
    done: oneshot::Receiver<()>,
}

/// The loop's state: see the module documentation.
pub struct Dispatch<B> {
    bot: B,
    me: Me,
    engine: Arc<Engine>,
    state: Arc<BotState>,
    context: Arc<Context>,
    chats: HashMap<ChatId, ChatQueue>,
    /// Chat workers, inline handlers and notices; aborted when the loop is dropped.
    tasks: JoinSet<()>,
    queue_capacity: usize,
    /// Places for admitted updates (see [`MAX_IN_FLIGHT`]).
    in_flight: Arc<Semaphore>,
}

impl<B: TelegramApi> Dispatch<B> {
    /// A loop running `handler` (built for requester `B`) with the engine, the state, the bot
    /// and `me` as dependencies. Panics, like teloxide's `Dispatcher`, when `handler` needs a
    /// dependency that is not there: a programming error found at the first start.
    pub(crate) fn new(
        bot: B,
        me: Me,
        engine: Arc<Engine>,
        state: Arc<BotState>,
        handler: UpdateHandler<HandlerError>,
        redact: Redactor,
        queue_capacity: usize,
    ) -> Self {
        let mut deps = super::dependencies(engine.clone(), state.clone());
        deps.insert(bot.clone());
        deps.insert(me.clone());
        teloxide::dptree::type_check(
            handler.sig(),
            &deps,
            &[teloxide::dptree::Type::of::<Update>()],
        );
        let context = Arc::new(Context {
            handler,
            deps,
            redact,
        });
        Self {
            bot,
            me,
            engine,
            state,
            context,
            chats: HashMap::new(),
            tasks: JoinSet::new(),
            queue_capacity: queue_capacity.max(1),
            in_flight: Arc::new(Semaphore::new(MAX_IN_FLIGHT)),
        }
    }

    /// Takes updates from `listener` until `stop` turns true (or the listener ends), then shuts
    /// down, taking at most `grace` from the moment it was told to stop.
    pub async fn run<L>(mut self, mut listener: L, mut stop: watch::Receiver<bool>, grace: Duration)
    where
        L: UpdateListener,
        L::Err: Display,
    {
        listener.hint_allowed_updates(&mut ALLOWED_UPDATES.into_iter());
        // Before `as_stream`, as teloxide's own dispatcher does (polling renews its stop flag
        // in `as_stream`).
        let stop_token = listener.stop_token();
        let updates = listener.as_stream();
        tokio::pin!(updates);
        let mut prune = tokio::time::interval(PRUNE_EVERY);
        loop {
            // A place for the next update first: at the cap, Telegram keeps the updates.
            let permit = tokio::select! {
                biased;
                () = stopped(&mut stop) => break,
                permit = self.in_flight.clone().acquire_owned() => match permit {
                    Ok(permit) => permit,
                    Err(_closed) => break,
                },
            };
            tokio::select! {
                // Stopping wins over further updates.
                biased;
                () = stopped(&mut stop) => break,
                next = updates.next() => match next {
                    Some(Ok(update)) => self.arrive(update, permit),
                    Some(Err(err)) => tracing::warn!(
                        error = %self.context.redact.apply(&err.to_string()),
                        "receiving updates failed; retrying"
                    ),
                    None => break,
                },
                _ = prune.tick() => self.prune(),
            }
            // Finished tasks are collected as we go, so the set does not grow.
            while self.tasks.try_join_next().is_some() {}
        }
        let cutoff = tokio::time::Instant::now() + grace;
        stop_token.stop();
        // Dropping the senders lets each worker finish its queue and end.
        self.chats.clear();
        let drain_listener = async {
            let mut ignored = 0u32;
            while updates.next().await.is_some() {
                ignored += 1;
            }
            if ignored > 0 {
                tracing::debug!(
                    ignored,
                    "updates that arrived while stopping were not handled"
                );
            }
        };
        let tasks = &mut self.tasks;
        let finish_tasks = async { while tasks.join_next().await.is_some() {} };
        let finished =
            tokio::time::timeout_at(cutoff, futures::future::join(drain_listener, finish_tasks))
                .await;
        if finished.is_err() {
            tracing::warn!(
                unfinished = self.tasks.len(),
                "shutdown grace period over: unfinished updates are dropped"
            );
            self.tasks.shutdown().await;
        }
    }

    /// Judges an update on arrival and queues, notifies or drops it.
    fn arrive(&mut self, update: Update, permit: OwnedSemaphorePermit) {
        let update_id = update.id.0;
        if let UpdateKind::Error(_) = &update.kind {
            // teloxide could not parse it; the content may hold user data: only the id is logged.
            tracing::warn!(update_id, "an update could not be parsed and is ignored");
            return;
        }
        match self.state.gate.admit(&update, &self.me, Instant::now()) {
            Admission::Handle => self.enqueue((Box::new(update), permit)),
            Admission::Drop => tracing::trace!(update_id, "update dropped on arrival"),
            Admission::Notify(notice) => {
                tracing::debug!(
                    update_id,
                    "over the per-user limit: notice sent, update dropped"
                );
                let (bot, engine) = (self.bot.clone(), self.engine.clone());
                let redact = self.context.redact.clone();
                self.tasks.spawn(async move {
                    if let Err(err) = send_notice(&bot, &engine, &notice).await {
                        let error = redact.apply(&err.to_string());
                        tracing::warn!(update_id, error, "cannot send the rate-limit notice");
                    }
                });
            }
        }
    }

    /// Hands an admitted update to its chat's worker (starting one if needed), or handles it at
    /// once when it belongs to no chat.
    fn enqueue(&mut self, admitted: Admitted) {
        let Some(chat) = admitted.0.chat().map(|c| c.id) else {
            let context = self.context.clone();
            self.tasks.spawn(async move {
                let (update, _permit) = admitted;
                context.handle(*update).await
            });
            return;
        };
        let admitted = match self.chats.get(&chat) {
            None => admitted,
            Some(queue) => match queue.tx.try_send(admitted) {
                Ok(()) => return,
                Err(TrySendError::Full((update, _permit))) => {
                    tracing::debug!(
                        update_id = update.id.0,
                        chat_id = chat.0,
                        "chat queue full: update dropped"
                    );
                    return;
                }
                // The chat's worker has ended after being idle: start a successor.
                Err(TrySendError::Closed(admitted)) => admitted,
            },
        };
        let previous = self.chats.remove(&chat).map(|q| q.done);
        let (tx, rx) = mpsc::channel(self.queue_capacity);
        let (done_tx, done) = oneshot::channel();
        // A new channel with room for at least one: this cannot fail.
        let _ = tx.try_send(admitted);
        self.tasks
            .spawn(chat_worker(self.context.clone(), rx, previous, done_tx));
        self.chats.insert(chat, ChatQueue { tx, done });
    }

    /// Forgets chats whose workers have ended.
    fn prune(&mut self) {
        self.chats.retain(|_, queue| {
            !(queue.tx.is_closed()
                && matches!(
                    queue.done.try_recv(),
                    Err(oneshot::error::TryRecvError::Closed)
                ))
        });
    }
}

/// Handles one chat's updates in order until the chat has been idle for [`IDLE`] or the loop
/// drops the sender (shutdown). `previous` is the worker this one replaces, which may still be
/// finishing; `_done` is dropped when this worker ends, telling its successor.
async fn chat_worker(
    context: Arc<Context>,
    mut rx: mpsc::Receiver<Admitted>,
    previous: Option<oneshot::Receiver<()>>,
    _done: oneshot::Sender<()>,
) {
    if let Some(previous) = previous {
        let _ = previous.await;
    }
    loop {
        match tokio::time::timeout(IDLE, rx.recv()).await {
            // The permit is dropped, and its place given back, once the update is handled.
            Ok(Some((update, _permit))) => context.handle(*update).await,
            Ok(None) => return,
            Err(_idle) => break,
        }
    }
    // Refuse further updates (the loop then starts a successor) and finish any that got in
    // between the timeout and the close.
    rx.close();
    while let Some((update, _permit)) = rx.recv().await {
        context.handle(*update).await;
    }
}

/// Resolves once `stop` is true (or its sender is gone, which also means stop).
pub async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|stopping| *stopping).await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::convert::Infallible;
    use std::sync::Mutex;

    use futures::stream::{self, Stream};
    use teloxide::stop::{mk_stop_token, StopToken};
    use teloxide::update_listeners::AsUpdateStream;
    use teloxide::Bot;

    use crate::knowledge::KnowledgeBase;

    /// The chat whose handler never finishes (a user whose answers Telegram holds back).
    const STUCK: i64 = 1;

    fn message(update_id: u32, chat: i64) -> Update {
        let json = serde_json::json!({"update_id": update_id, "message": {
            "message_id": update_id, "date": 0,
            "chat": {"id": chat, "type": "private", "first_name": "U"},
            "from": {"id": chat, "is_bot": false, "first_name": "U"}, "text": "hi"}});
        serde_json::from_str(&json.to_string()).expect("update")
    }

    fn me() -> Me {
        let json = serde_json::json!({"id": 42, "is_bot": true, "first_name": "B",
            "username": "b_bot", "can_join_groups": true, "can_read_all_group_messages": false,
            "supports_inline_queries": true, "can_connect_to_business": false,
            "has_main_web_app": false});
        serde_json::from_str(&json.to_string()).expect("me")
    }

    /// A loop whose handler records update ids, except in [`STUCK`], where it never finishes.
    fn dispatch(seen: Arc<Mutex<Vec<u32>>>, queue_capacity: usize) -> Dispatch<Bot> {
        let handler = teloxide::dptree::entry().endpoint(move |update: Update| {
            let seen = seen.clone();
            async move {
                if update.chat().is_some_and(|c| c.id.0 == STUCK) {
                    std::future::pending::<()>().await;
                }
                seen.lock().expect("seen").push(update.id.0);
                Ok::<(), HandlerError>(())
            }
        });
        let engine = Engine::new(KnowledgeBase::embedded().expect("embedded knowledge"));
        Dispatch::new(
            Bot::new("0:test"),
            me(),
            Arc::new(engine),
            Arc::new(BotState::new(1_000, None)),
            handler,
            Redactor::new("0:test"),
            queue_capacity,
        )
    }

    #[tokio::test]
    async fn a_stuck_chat_with_a_full_queue_holds_up_no_other_chat_and_order_is_kept() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        // 100 updates for a chat whose queue holds 4 (teloxide's loop would wait at the 6th),
        // then as many as its queue holds for another chat.
        let mut updates: Vec<Update> = (0..100).map(|i| message(i, STUCK)).collect();
        updates.extend((100..104).map(|i| message(i, 2)));
        let (stop_tx, stop) = watch::channel(false);
        let running = tokio::spawn(dispatch(seen.clone(), 4).run(
            Feed(updates, Arc::default()),
            stop,
            Duration::from_millis(100),
        ));
        let start = Instant::now();
        while seen.lock().expect("seen").len() < 4 {
            if running.is_finished() {
                panic!("the loop ended early: {:?}", running.await);
            }
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "the other chat was held up: {:?}",
                seen.lock().expect("seen")
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert_eq!(*seen.lock().expect("seen"), [100, 101, 102, 103]);

        // Stopping ends the loop after the grace period although a handler never finishes.
        let start = Instant::now();
        stop_tx.send(true).expect("loop running");
        tokio::time::timeout(Duration::from_secs(5), running)
            .await
            .expect("the loop stops after the grace period")
            .expect("no panic");
        assert!(start.elapsed() < Duration::from_secs(2));
    }

    /// A listener that hands out `updates`, counting those the loop takes, then waits forever.
    struct Feed(Vec<Update>, Arc<std::sync::atomic::AtomicUsize>);

    impl UpdateListener for Feed {
        type Err = Infallible;

        fn stop_token(&mut self) -> StopToken {
            mk_stop_token().0
        }
    }

    impl<'a> AsUpdateStream<'a> for Feed {
        type StreamErr = Infallible;
        type Stream = std::pin::Pin<Box<dyn Stream<Item = Result<Update, Infallible>> + Send>>;

        fn as_stream(&'a mut self) -> Self::Stream {
            let taken = self.1.clone();
            let updates: Vec<_> = self.0.drain(..).collect();
            Box::pin(
                stream::iter(updates)
                    .map(move |u| {
                        taken.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        Ok(u)
                    })
                    .chain(stream::pending()),
            )
        }
    }

    #[tokio::test]
    async fn at_most_max_in_flight_updates_are_taken_while_handlers_are_busy() {
        // Every chat's handler is stuck (as when Telegram's send limits hold every answer back):
        // the loop stops taking updates at the cap instead of holding them all in memory.
        let total = MAX_IN_FLIGHT + 200;
        let updates: Vec<Update> = (0..total as u32)
            .map(|i| message(i, STUCK + i64::from(i)))
            .collect();
        let handler = teloxide::dptree::entry().endpoint(|_update: Update| async {
            std::future::pending::<()>().await;
            Ok::<(), HandlerError>(())
        });
        let engine = Engine::new(KnowledgeBase::embedded().expect("embedded knowledge"));
        let dispatch = Dispatch::new(
            Bot::new("0:test"),
            me(),
            Arc::new(engine),
            Arc::new(BotState::new(1_000, None)),
            handler,
            Redactor::new("0:test"),
            4,
        );
        let taken = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let (stop_tx, stop) = watch::channel(false);
        let running = tokio::spawn(dispatch.run(
            Feed(updates, taken.clone()),
            stop,
            Duration::from_millis(100),
        ));
        let start = Instant::now();
        while taken.load(std::sync::atomic::Ordering::SeqCst) < MAX_IN_FLIGHT {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "updates were not taken"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(
            taken.load(std::sync::atomic::Ordering::SeqCst),
            MAX_IN_FLIGHT
        );
        stop_tx.send(true).expect("loop running");
        tokio::time::timeout(Duration::from_secs(5), running)
            .await
            .expect("the loop stops")
            .expect("no panic");
    }

    #[test]
    fn a_queued_update_is_small_so_that_every_chat_s_channel_is() {
        // tokio allocates a channel's slots 32 at a time: 32 updates by value were 62 KB per
        // chat, the whole of a soak's memory growth.
        assert!(std::mem::size_of::<Admitted>() <= 32);
        assert!(std::mem::size_of::<Update>() > 1_000, "boxing still pays");
    }

    #[test]
    fn a_chat_queue_holds_twice_the_allowance_within_bounds() {
        assert_eq!(chat_queue_capacity(20), 40);
        assert_eq!(chat_queue_capacity(1), 32);
        assert_eq!(chat_queue_capacity(u32::MAX), 1024);
    }
}
