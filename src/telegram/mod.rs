//! The Telegram adapter (teloxide): work in progress.

use crate::config::Config;
use crate::matching::Engine;

#[derive(Debug, thiserror::Error)]
pub enum TelegramError {
    #[error("the Telegram bot is not built yet")]
    NotBuilt,
}

pub async fn run(_config: Config, _engine: Engine) -> Result<(), TelegramError> {
    Err(TelegramError::NotBuilt)
}
