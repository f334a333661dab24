//! Where each chat's state is kept between messages: the follow-up context
//! ([`crate::matching::followup::Context`]) behind the [`ContextStore`] trait and its in-memory
//! implementation, [`MemoryStore`]; and the `/language` choice behind [`LanguageStore`], kept in
//! memory by [`MemoryLanguages`].
//!
//! A context lives for [`CONTEXT_TTL`] after the answer that set it: a question asked much
//! later is a new conversation, and "who signed it?" should not reach back an hour. The store is
//! bounded ([`MAX_CHATS`]), so a bot in many chats holds a fixed amount of memory.
//!
//! Two stores implement the trait: this in-memory one, and [`super::redis_store::RedisStore`],
//! which several replicas share (`REDIS_URL`). The trait's methods return futures because the
//! Redis store waits on the network; the in-memory one answers at once.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use futures::future::BoxFuture;
use teloxide::types::ChatId;

use super::commands::LanguageChoice;
use crate::matching::followup::Context;
use crate::matching::Lang;

/// How long a chat's context is kept after the answer that set it.
pub const CONTEXT_TTL: Duration = Duration::from_secs(10 * 60);

/// At most this many chats have a context; the oldest goes first when it is full. A context is
/// a short id, so this is well under a megabyte.
pub const MAX_CHATS: usize = 10_000;

/// Keeps one follow-up context per chat, each for a limited time. A store that cannot be
/// reached behaves as if it held nothing (and logs why): a lost follow-up is better than a lost
/// answer.
pub trait ContextStore: Send + Sync + std::fmt::Debug {
    /// The chat's context, unless it has expired by `now`.
    fn get(&self, chat: ChatId, now: Instant) -> BoxFuture<'_, Option<Context>>;
    /// Sets the chat's context as of `now`.
    fn set(&self, chat: ChatId, context: Context, now: Instant) -> BoxFuture<'_, ()>;
    /// Drops the chat's context.
    fn forget(&self, chat: ChatId) -> BoxFuture<'_, ()>;
}

/// A [`ContextStore`] in this process's memory: lost on restart, not shared between replicas.
#[derive(Debug)]
pub struct MemoryStore {
    chats: Mutex<HashMap<ChatId, (Context, Instant)>>,
    ttl: Duration,
    capacity: usize,
}

impl Default for MemoryStore {
    fn default() -> Self {
        Self::new(CONTEXT_TTL, MAX_CHATS)
    }
}

impl MemoryStore {
    /// A store keeping each context for `ttl`, for at most `capacity` chats (at least one).
    pub fn new(ttl: Duration, capacity: usize) -> Self {
        Self {
            chats: Mutex::new(HashMap::new()),
            ttl,
            capacity: capacity.max(1),
        }
    }

    /// How many chats hold a context (expired ones included until they are evicted).
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<ChatId, (Context, Instant)>> {
        // The map is valid after any panic (each operation is one insert or remove), so a
        // poisoned lock is still usable; losing follow-ups for every chat would be worse.
        self.chats.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn expired(&self, set_at: Instant, now: Instant) -> bool {
        now.saturating_duration_since(set_at) >= self.ttl
    }
}

impl ContextStore for MemoryStore {
    fn get(&self, chat: ChatId, now: Instant) -> BoxFuture<'_, Option<Context>> {
        Box::pin(std::future::ready(MemoryStore::get(self, chat, now)))
    }

    fn set(&self, chat: ChatId, context: Context, now: Instant) -> BoxFuture<'_, ()> {
        MemoryStore::set(self, chat, context, now);
        Box::pin(std::future::ready(()))
    }

    fn forget(&self, chat: ChatId) -> BoxFuture<'_, ()> {
        MemoryStore::forget(self, chat);
        Box::pin(std::future::ready(()))
    }
}

impl MemoryStore {
    /// The chat's context, unless it has expired by `now`.
    pub fn get(&self, chat: ChatId, now: Instant) -> Option<Context> {
        let mut chats = self.lock();
        match chats.get(&chat) {
            Some((_, set_at)) if self.expired(*set_at, now) => {
                chats.remove(&chat);
                None
            }
            Some((context, _)) => Some(context.clone()),
            None => None,
        }
    }

    /// Sets the chat's context as of `now`, evicting when full.
    pub fn set(&self, chat: ChatId, context: Context, now: Instant) {
        let mut chats = self.lock();
        if !chats.contains_key(&chat) && chats.len() >= self.capacity {
            // Full: expired contexts go first (one pass, only when full), then the oldest.
            chats.retain(|_, (_, set_at)| !self.expired(*set_at, now));
            if chats.len() >= self.capacity {
                let oldest = chats
                    .iter()
                    .min_by_key(|(_, (_, set_at))| *set_at)
                    .map(|(chat, _)| *chat);
                if let Some(oldest) = oldest {
                    chats.remove(&oldest);
                }
            }
        }
        chats.insert(chat, (context, now));
    }

    /// Drops the chat's context.
    pub fn forget(&self, chat: ChatId) {
        self.lock().remove(&chat);
    }
}

/// At most this many chats have a `/language` choice; the one set longest ago goes first when
/// it is full (that chat is back to each question's language). About 40 bytes a chat.
pub const MAX_LANGUAGE_CHATS: usize = 100_000;

/// Each chat's chosen language with when it was chosen (a counter: only the order matters), and
/// the counter.
type Choices = (HashMap<ChatId, (Lang, u64)>, u64);

/// Keeps each chat's `/language` choice. Unlike a follow-up context it does not expire. A store
/// that cannot be reached reads as "no choice" (each question's own language).
pub trait LanguageStore: Send + Sync + std::fmt::Debug {
    /// The chat's fixed language, or `None` when it follows each question's language.
    fn get(&self, chat: ChatId) -> BoxFuture<'_, Option<Lang>>;
    /// Records the chat's choice (`Auto` forgets it).
    fn set(&self, chat: ChatId, choice: LanguageChoice) -> BoxFuture<'_, ()>;
}

impl LanguageStore for MemoryLanguages {
    fn get(&self, chat: ChatId) -> BoxFuture<'_, Option<Lang>> {
        Box::pin(std::future::ready(MemoryLanguages::get(self, chat)))
    }

    fn set(&self, chat: ChatId, choice: LanguageChoice) -> BoxFuture<'_, ()> {
        MemoryLanguages::set(self, chat, choice);
        Box::pin(std::future::ready(()))
    }
}

/// The `/language` choices in this process's memory: lost on restart, not shared between
/// replicas.
#[derive(Debug)]
pub struct MemoryLanguages {
    chats: Mutex<Choices>,
    capacity: usize,
}

impl Default for MemoryLanguages {
    fn default() -> Self {
        Self::new(MAX_LANGUAGE_CHATS)
    }
}

impl MemoryLanguages {
    /// A store for at most `capacity` chats (at least one).
    pub fn new(capacity: usize) -> Self {
        Self {
            chats: Mutex::new((HashMap::new(), 0)),
            capacity: capacity.max(1),
        }
    }

    /// The chat's fixed language, or `None` when it follows each question's language.
    pub fn get(&self, chat: ChatId) -> Option<Lang> {
        self.lock().0.get(&chat).map(|(lang, _)| *lang)
    }

    /// Records the chat's choice.
    pub fn set(&self, chat: ChatId, choice: LanguageChoice) {
        let mut guard = self.lock();
        let (chats, clock) = &mut *guard;
        let lang = match choice {
            LanguageChoice::Auto => {
                chats.remove(&chat);
                return;
            }
            LanguageChoice::Fixed(lang) => lang,
        };
        if !chats.contains_key(&chat) && chats.len() >= self.capacity {
            let oldest = chats.iter().min_by_key(|(_, (_, at))| *at).map(|(c, _)| *c);
            if let Some(oldest) = oldest {
                chats.remove(&oldest);
            }
        }
        *clock += 1;
        chats.insert(chat, (lang, *clock));
    }

    /// How many chats have a fixed language.
    pub fn len(&self) -> usize {
        self.lock().0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Choices> {
        // Each operation leaves the map valid, so a poisoned lock is still usable.
        self.chats.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_choice_is_kept_per_chat_and_bounded() {
        let store = MemoryLanguages::new(2);
        store.set(ChatId(1), LanguageChoice::Fixed(Lang::Ru));
        store.set(ChatId(2), LanguageChoice::Fixed(Lang::En));
        assert_eq!(store.get(ChatId(1)), Some(Lang::Ru));
        assert_eq!(store.get(ChatId(3)), None);
        // Full: the choice made longest ago goes.
        store.set(ChatId(3), LanguageChoice::Fixed(Lang::Ru));
        assert_eq!(store.len(), 2);
        assert_eq!(store.get(ChatId(1)), None);
        assert_eq!(store.get(ChatId(3)), Some(Lang::Ru));
        // "auto" forgets the choice.
        store.set(ChatId(3), LanguageChoice::Auto);
        assert_eq!(store.get(ChatId(3)), None);
        assert_eq!(store.len(), 1);
    }

    fn context(id: &str) -> Context {
        Context {
            record_id: id.to_owned(),
        }
    }

    #[test]
    fn a_context_is_kept_per_chat_until_it_expires() {
        let store = MemoryStore::new(Duration::from_secs(600), 10);
        let t0 = Instant::now();
        store.set(ChatId(1), context("border-length"), t0);
        store.set(ChatId(2), context("treaty-signing-date"), t0);
        let later = t0 + Duration::from_secs(599);
        assert_eq!(store.get(ChatId(1), later), Some(context("border-length")));
        assert_eq!(
            store.get(ChatId(2), later),
            Some(context("treaty-signing-date"))
        );
        assert_eq!(store.get(ChatId(3), later), None);
        assert_eq!(store.get(ChatId(1), t0 + Duration::from_secs(600)), None);
        assert_eq!(store.len(), 1, "an expired context is removed when read");
    }

    #[test]
    fn setting_again_replaces_and_restarts_the_clock() {
        let store = MemoryStore::new(Duration::from_secs(10), 10);
        let t0 = Instant::now();
        store.set(ChatId(1), context("a"), t0);
        store.set(ChatId(1), context("b"), t0 + Duration::from_secs(8));
        assert_eq!(
            store.get(ChatId(1), t0 + Duration::from_secs(15)),
            Some(context("b"))
        );
        store.forget(ChatId(1));
        assert_eq!(store.get(ChatId(1), t0 + Duration::from_secs(15)), None);
    }

    #[test]
    fn a_full_store_evicts_expired_contexts_then_the_oldest() {
        let store = MemoryStore::new(Duration::from_secs(10), 3);
        let t0 = Instant::now();
        let at = |s| t0 + Duration::from_secs(s);
        store.set(ChatId(1), context("a"), at(0));
        store.set(ChatId(2), context("b"), at(5));
        store.set(ChatId(3), context("c"), at(6));
        // Chat 1 has expired by 12 s: it makes room.
        store.set(ChatId(4), context("d"), at(12));
        assert_eq!(store.len(), 3);
        assert_eq!(store.get(ChatId(2), at(12)), Some(context("b")));
        // Nothing has expired at 13 s: the oldest (chat 2, set at 5 s) goes.
        store.set(ChatId(5), context("e"), at(13));
        assert_eq!(store.len(), 3);
        assert_eq!(store.get(ChatId(2), at(13)), None);
        for chat in [3, 4, 5] {
            assert!(store.get(ChatId(chat), at(13)).is_some(), "chat {chat}");
        }
    }
}
