//! A per-user limit on questions: at most `limit` in any sliding `window`.
//!
//! The first question over the limit is answered once with a polite notice; further ones in the
//! same burst are dropped silently, so a user who floods the bot does not make it flood back.
//! Time is passed in by the caller, which keeps the limiter pure and testable; the caller is
//! [`super::arrival::Gate`], which checks each update when it arrives, so a burst is counted by
//! arrival time however slowly its answers are sent.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The window the per-user limit applies to.
pub const WINDOW: Duration = Duration::from_secs(60);

/// Above this many tracked users, idle ones are forgotten (bounds memory on a busy bot).
const PRUNE_ABOVE: usize = 10_000;

/// What to do with a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Answer it.
    Allow,
    /// Over the limit: send the notice (first time in this burst) or say nothing.
    Limited { notify: bool },
}

#[derive(Debug, Default)]
struct UserWindow {
    /// When the allowed questions in the current window were asked, oldest first.
    recent: VecDeque<Instant>,
    /// Whether this burst has already been told about the limit.
    notified: bool,
}

/// Per-user sliding-window limiter.
#[derive(Debug)]
pub struct RateLimiter {
    limit: usize,
    window: Duration,
    users: Mutex<HashMap<u64, UserWindow>>,
}

impl RateLimiter {
    /// At most `limit` questions per user in any `window`.
    pub fn new(limit: u32, window: Duration) -> Self {
        Self {
            limit: limit.max(1) as usize,
            window,
            users: Mutex::new(HashMap::new()),
        }
    }

    /// At most `limit` questions per user a minute.
    pub fn per_minute(limit: u32) -> Self {
        Self::new(limit, WINDOW)
    }

    /// Records a question from `user` at `now` and says whether to answer it.
    pub fn check(&self, user: u64, now: Instant) -> Verdict {
        // A poisoned lock only means another handler panicked while holding it; the map is still
        // usable, and refusing every question afterwards would be worse.
        let mut users = self.users.lock().unwrap_or_else(PoisonError::into_inner);
        if users.len() > PRUNE_ABOVE {
            let window = self.window;
            users.retain(|_, w| {
                w.recent
                    .back()
                    .is_some_and(|&t| now.saturating_duration_since(t) < window)
            });
        }
        let entry = users.entry(user).or_default();
        while entry
            .recent
            .front()
            .is_some_and(|&t| now.saturating_duration_since(t) >= self.window)
        {
            entry.recent.pop_front();
        }
        if entry.recent.len() < self.limit {
            entry.recent.push_back(now);
            entry.notified = false;
            return Verdict::Allow;
        }
        let notify = !entry.notified;
        entry.notified = true;
        Verdict::Limited { notify }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: Duration = Duration::from_secs(1);

    #[test]
    fn allows_up_to_the_limit_then_notifies_once() {
        let limiter = RateLimiter::per_minute(3);
        let t0 = Instant::now();
        for i in 0..3 {
            assert_eq!(limiter.check(1, t0 + i * SECOND), Verdict::Allow);
        }
        assert_eq!(
            limiter.check(1, t0 + 4 * SECOND),
            Verdict::Limited { notify: true }
        );
        assert_eq!(
            limiter.check(1, t0 + 5 * SECOND),
            Verdict::Limited { notify: false }
        );
        assert_eq!(
            limiter.check(1, t0 + 6 * SECOND),
            Verdict::Limited { notify: false }
        );
    }

    #[test]
    fn users_are_limited_separately() {
        let limiter = RateLimiter::per_minute(1);
        let t0 = Instant::now();
        assert_eq!(limiter.check(1, t0), Verdict::Allow);
        assert_eq!(limiter.check(2, t0), Verdict::Allow);
        assert_eq!(limiter.check(1, t0), Verdict::Limited { notify: true });
        assert_eq!(limiter.check(2, t0), Verdict::Limited { notify: true });
    }

    #[test]
    fn the_window_slides_and_a_new_burst_is_notified_again() {
        let limiter = RateLimiter::per_minute(2);
        let t0 = Instant::now();
        assert_eq!(limiter.check(7, t0), Verdict::Allow);
        assert_eq!(limiter.check(7, t0 + 30 * SECOND), Verdict::Allow);
        assert_eq!(
            limiter.check(7, t0 + 31 * SECOND),
            Verdict::Limited { notify: true }
        );
        // The first question leaves the window after 60 s: one slot frees up.
        assert_eq!(limiter.check(7, t0 + 60 * SECOND), Verdict::Allow);
        assert_eq!(
            limiter.check(7, t0 + 61 * SECOND),
            Verdict::Limited { notify: true }
        );
        assert_eq!(
            limiter.check(7, t0 + 62 * SECOND),
            Verdict::Limited { notify: false }
        );
    }

    #[test]
    fn limited_questions_do_not_use_up_the_window() {
        let limiter = RateLimiter::per_minute(1);
        let t0 = Instant::now();
        assert_eq!(limiter.check(3, t0), Verdict::Allow);
        for s in 1..59 {
            assert!(matches!(
                limiter.check(3, t0 + s * SECOND),
                Verdict::Limited { .. }
            ));
        }
        assert_eq!(limiter.check(3, t0 + 60 * SECOND), Verdict::Allow);
    }

    #[test]
    fn a_zero_limit_is_treated_as_one() {
        let limiter = RateLimiter::per_minute(0);
        assert_eq!(limiter.check(1, Instant::now()), Verdict::Allow);
    }
}
