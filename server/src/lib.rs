//! Inzage's server: the JSON API under `/api/v1`, the store, the FHIR import, and the built SPA.
//!
//! [`Application::build`] binds a listener (port 0 works in tests) and reports its address;
//! `main` only reads the configuration and calls it.

pub mod api;
pub mod auth;
pub mod cardletter;
pub mod clock;
pub mod config;
pub mod demo;
pub mod error;
pub mod fhir;
pub mod identity;
pub mod language;
pub mod limits;
pub mod mail;
pub mod network;
pub mod notify;
pub mod passkeys;
pub mod pdf;
pub mod pdfscan;
pub mod recordpdf;
pub mod store;
pub mod upload;
pub mod video;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::http::{header, HeaderValue};
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::auth::Auth;
use crate::clock::Clock;
use crate::config::Config;
use crate::store::Store;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// Login and sessions.
    pub auth: Auth,
    /// The clock.
    pub clock: Arc<dyn Clock>,
    /// The configuration.
    pub config: Arc<Config>,
    /// E-mail.
    pub mailer: mail::Mailer,
    /// The video rooms someone is in.
    pub video: Arc<video::VideoRooms>,
    /// How many uploads each account is sending (see [`upload::UploadTurn`]).
    pub uploads: Arc<upload::Sending>,
}

/// The Content-Security-Policy for the SPA in `dist`: scripts and styles only from the portal
/// itself, plus what trunk writes inline into `index.html` — the two scripts that load the
/// wasm (`pattern_script` in `Trunk.toml`), and the first screen's stylesheet — each allowed by
/// its SHA-256 hash (read at start, so a rebuilt SPA needs a restart). The service worker and
/// the web app manifest come from the portal too, and nowhere else.
pub fn content_security_policy(dist: &std::path::Path) -> String {
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    let scripts = inline_hashes(&index, "script");
    let styles = inline_hashes(&index, "style");
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; \
         style-src 'self'{styles}; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// `'sha256-…'` of the body of every inline `<tag>` element of `html` (one without `src=`),
/// each with a space before it.
fn inline_hashes(html: &str, tag: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut hashes = String::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after_tag = &rest[start..];
        let (Some(open_end), Some(end)) = (after_tag.find('>'), after_tag.find(&close)) else {
            break;
        };
        let attributes = &after_tag[..open_end];
        if !attributes.contains("src=") && open_end < end {
            let body = &after_tag[open_end + 1..end];
            let digest = sha2::Sha256::digest(body.as_bytes());
            let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push_str(&format!(" 'sha256-{b64}'"));
        }
        rest = &after_tag[end + close.len()..];
    }
    hashes
}

/// The whole HTTP application: the API and the SPA with a fallback to `index.html`.
pub fn router(state: AppState) -> Router {
    let dist = state.config.dist_dir.clone();
    let csp = HeaderValue::from_str(&content_security_policy(&dist))
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
    // The build writes a brotli and a gzip copy beside each text and wasm file
    // (tools/shell.mjs); a browser that accepts one of them gets it, with its Content-Encoding.
    let spa = ServeDir::new(&dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(
            ServeFile::new(dist.join("index.html"))
                .precompressed_br()
                .precompressed_gzip(),
        );
    let files = Arc::new(dist.clone());
    let spa = Router::new()
        .fallback_service(spa)
        .layer(axum::middleware::map_response(
            move |uri: axum::http::Uri, response| {
                let files = files.clone();
                async move { static_cache_headers(&files, &uri, response) }
            },
        ));
    let api = api::routes()
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            api::same_origin_only,
        ))
        .layer(axum::middleware::from_fn_with_state(
            upload::BodyPace {
                idle: state.config.body_idle,
                min_rate: state.config.body_min_rate,
            },
            upload::body_pace_limit,
        ))
        .layer(axum::middleware::from_fn(language::layer))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    let hsts = state.config.secure_cookies;
    Router::new()
        .nest(inzage_domain::wire::API_PREFIX, api)
        .fallback_service(spa)
        .with_state(state)
        .layer(axum::middleware::map_response(
            move |mut r: axum::response::Response| async move {
                // Behind TLS, browsers must never use plain HTTP for the portal again (two years).
                if hsts {
                    r.headers_mut().insert(
                        header::STRICT_TRANSPORT_SECURITY,
                        HeaderValue::from_static("max-age=63072000; includeSubDomains"),
                    );
                }
                r
            },
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            csp,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(TraceLayer::new_for_http())
}

/// How long browsers may keep the SPA's files. A file whose name carries trunk's content hash
/// (`inzage-app-1a2b3c4d5e6f7a8b_bg.wasm`) never changes: a year, immutable. Everything else
/// (`index.html` and the pages that fall back to it, the service worker, the manifest, the
/// icons) is checked with the server on every use, so a new build reaches every browser and a
/// new service worker is found at once.
///
/// A hashed name that is not in `dist` gets the page as a client route does, which must not be
/// kept.
fn static_cache_headers(
    dist: &std::path::Path,
    uri: &axum::http::Uri,
    mut response: axum::response::Response,
) -> axum::response::Response {
    let path = uri.path();
    let immutable =
        is_hashed_asset(path) && response.status().is_success() && dist.join(&path[1..]).is_file();
    let value = if immutable {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    // The same address answers brotli, gzip or plain, by the request's Accept-Encoding.
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// Whether a path names a file trunk hashed: a top-level `stem-HEX.ext` or `stem-HEX_bg.wasm`,
/// with at least 8 hexadecimal digits (trunk writes a 64-bit hash in hex).
pub fn is_hashed_asset(path: &str) -> bool {
    let Some(name) = path.strip_prefix('/') else {
        return false;
    };
    if name.contains('/') {
        return false;
    }
    let Some((stem, _ext)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    (8..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit())
}

/// A bound, ready-to-run server.
pub struct Application {
    listener: tokio::net::TcpListener,
    router: Router,
    state: AppState,
}

impl Application {
    /// Connects the store, prepares the login service and binds the listener.
    pub async fn build(config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        let store = Store::connect_with(&config.database_url, config.database_connections).await?;
        Self::with_store(config, clock, store).await
    }

    /// Like [`Application::build`], with a store that is already connected.
    pub async fn with_store(
        config: Config,
        clock: Arc<dyn Clock>,
        store: Store,
    ) -> anyhow::Result<Self> {
        let listener = tokio::net::TcpListener::bind(config.bind).await?;
        let mut config = config;
        if config.public_url.is_none() {
            // Without a configured address, browsers reach the portal where it listens.
            config.public_url = Some(format!("http://{}", listener.local_addr()?));
        }
        let passkeys = passkeys::Passkeys::for_public_url(&config.public_url())?;
        if passkeys.is_none() {
            tracing::warn!(
                public_url = %config.public_url(),
                "passkeys are off: WebAuthn needs a host name, not an IP address"
            );
        }
        let auth = Auth::new(
            store.clone(),
            config.password_hashing,
            config.network.code_card,
        )?
        .with_passkeys(passkeys);
        let mailer = mail::Mailer::new(&config.mail)?;
        let state = AppState {
            store,
            auth,
            mailer,
            clock,
            config: Arc::new(config),
            video: Arc::default(),
            uploads: Arc::default(),
        };
        Ok(Self {
            listener,
            router: router(state.clone()),
            state,
        })
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> anyhow::Result<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    /// The shared state, for tests and for seeding.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until the process is stopped, purging expired sessions now and then.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        self.run_until(std::future::pending()).await
    }

    /// Serves until `shutdown` completes; then it accepts no more connections, closes the idle
    /// ones, finishes the requests under way and returns (tests use it to take the portal down).
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        notify::spawn(self.state.clone(), self.state.config.notify_every);
        let store = self.state.store.clone();
        let clock = self.state.clock.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(300));
            loop {
                tick.tick().await;
                if let Err(e) = store.purge_expired(clock.now().unix_timestamp()).await {
                    tracing::warn!(error = %e, "purging expired sessions failed");
                }
            }
        });
        // Without TCP_NODELAY, a response written in two pieces (headers, then body) waits for
        // the client's delayed acknowledgement: about 40 ms per request.
        let listener = axum::serve::ListenerExt::tap_io(self.listener, |tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::warn!(error = %e, "could not set TCP_NODELAY");
            }
        });
        axum::serve(
            listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_inline_loader_script_is_allowed_by_its_hash_and_nothing_else_inline() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("index.html"),
            "<html><head><script type=\"module\">import init from '/a.js';</script>\
             <script src=\"/b.js\"></script></head></html>",
        )
        .unwrap();
        let csp = content_security_policy(dir.path());
        // printf "import init from '/a.js';" | openssl dgst -sha256 -binary | base64
        assert!(
            csp.contains(
                "script-src 'self' 'wasm-unsafe-eval' \
                 'sha256-aOee+rvEUMphqlepW7nBjXpcT6aM6jxNXbtEv0XP738=';"
            ),
            "{csp}"
        );
        assert_eq!(csp.matches("'sha256-").count(), 1, "{csp}");
        assert!(csp.contains("style-src 'self';"), "{csp}");
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn an_inline_stylesheet_is_allowed_by_its_hash() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("index.html"),
            "<html><head><style>body{margin:0}</style></head></html>",
        )
        .unwrap();
        let csp = content_security_policy(dir.path());
        // printf "body{margin:0}" | openssl dgst -sha256 -binary | base64
        assert!(
            csp.contains("style-src 'self' 'sha256-IAdwN3biDCQ3brrgp1m8kBEsPQYyqfREKOEfeoREopc=';"),
            "{csp}"
        );
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
            "{csp}"
        );
    }
}
