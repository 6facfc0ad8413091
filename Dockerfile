# syntax=docker/dockerfile:1
# samrad in a container: built with the Rust toolchain, run on a small Debian image as a
# non-root user. The SQLite database (when used) lives in the /data volume; kits are in
# /opt/samrad/prompts; the nb/sv/en message catalogues are compiled into the binary.
# `scripts/container-check.sh` (run by CI) checks these steps where Docker cannot run.

FROM rust:1-slim-bookworm AS build
WORKDIR /src
# Manifests first: the dependency layer is reused while only samrad's own code changes.
COPY Cargo.toml Cargo.lock rustfmt.toml ./
COPY .cargo ./.cargo
COPY crates ./crates
COPY benches ./benches
COPY tests/support ./tests/support
COPY src ./src
COPY migrations ./migrations
COPY locales ./locales
COPY .sqlx ./.sqlx
ENV SQLX_OFFLINE=true
RUN cargo build --release --locked --bin samrad

FROM debian:bookworm-slim AS runtime
# TLS roots are built in (rustls with webpki roots): no ca-certificates package needed.
RUN useradd --system --uid 10001 --user-group --home-dir /data --shell /usr/sbin/nologin samrad \
    && mkdir -p /data /opt/samrad \
    && chown samrad:samrad /data
COPY --from=build /src/target/release/samrad /usr/local/bin/samrad
COPY prompts /opt/samrad/prompts
ENV SAMRAD_DB=sqlite:/data/samrad.db \
    SAMRAD_KITS=/opt/samrad/prompts \
    SAMRAD_METRICS_ADDR=0.0.0.0:9464 \
    SAMRAD_LOG_FORMAT=json
VOLUME ["/data"]
WORKDIR /data
USER samrad:samrad
EXPOSE 9464
# Healthy when the gateway is connected and the database answers (GET /healthz).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["samrad", "health"]
# SIGTERM (docker stop) stops samrad gracefully; give it time to finish running work.
STOPSIGNAL SIGTERM
ENTRYPOINT ["samrad"]
CMD ["run"]
