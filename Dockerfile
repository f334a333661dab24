# kazuz-bot: a two-stage image. The builder compiles the release binary (the knowledge base and the
# lexicon are embedded in it at build time); the runtime image holds that binary only and runs it
# as an unprivileged user. Build: `docker build -t kazuz-bot .` (needs crates.io on the first build).
FROM rust:1.89-slim-bookworm AS build
WORKDIR /src
COPY . .
# takecell stays at 0.1.1 through the committed Cargo.lock (0.1.2 needs a newer rustc).
RUN cargo build --release --locked && strip target/release/kazuz-bot

FROM debian:bookworm-slim
# The binary links no OpenSSL (rustls) and carries Mozilla's root certificates (webpki-roots);
# ca-certificates only serves anything else run in the image. Nothing more is needed at run time.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin kazuz
COPY --from=build /src/target/release/kazuz-bot /usr/local/bin/kazuz-bot
USER kazuz
# Only used in webhook mode (WEBHOOK_URL set); long polling needs no open port.
EXPOSE 8443
# SIGTERM stops the bot within SHUTDOWN_DEADLINE (default 5 s), inside `docker stop`'s 10 s.
STOPSIGNAL SIGTERM
ENTRYPOINT ["kazuz-bot"]
CMD ["run"]
