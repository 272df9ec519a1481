//! Inzage's server: the JSON API under `/api/v1`, the store, the FHIR import, and the built SPA.
//!
//! [`Application::build`] binds a listener (port 0 works in tests) and reports its address;
//! `main` only reads the configuration and calls it.

pub mod api;
pub mod auth;
pub mod clock;
pub mod config;
pub mod demo;
pub mod error;
pub mod fhir;
pub mod store;

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
}

/// The whole HTTP application: the API and the SPA with a fallback to `index.html`.
pub fn router(state: AppState) -> Router {
    let dist = state.config.dist_dir.clone();
    let spa = ServeDir::new(&dist).fallback(ServeFile::new(dist.join("index.html")));
    let api = api::routes().layer(SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    ));
    Router::new()
        .nest(inzage_domain::wire::API_PREFIX, api)
        .fallback_service(spa)
        .with_state(state)
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(TraceLayer::new_for_http())
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
        let store = Store::connect(&config.database_url).await?;
        Self::with_store(config, clock, store).await
    }

    /// Like [`Application::build`], with a store that is already connected.
    pub async fn with_store(
        config: Config,
        clock: Arc<dyn Clock>,
        store: Store,
    ) -> anyhow::Result<Self> {
        let auth = Auth::new(store.clone(), config.password_hashing)?;
        let listener = tokio::net::TcpListener::bind(config.bind).await?;
        let state = AppState {
            store,
            auth,
            clock,
            config: Arc::new(config),
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
        axum::serve(self.listener, self.router).await?;
        Ok(())
    }
}
