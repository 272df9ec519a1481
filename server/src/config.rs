//! Server configuration, read from the environment with defaults that run the demo portal.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{bail, Context};
use time::Date;

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen; port 0 picks a free port (tests).
    pub bind: SocketAddr,
    /// `sqlite://FILE` (default) or `postgres://…`.
    pub database_url: String,
    /// The trunk-built SPA (`dist/`).
    pub dist_dir: PathBuf,
    /// Whether the portal is reached over TLS (then cookies are `Secure`).
    pub secure_cookies: bool,
    /// The report cutoff date given to hospitals imported without one of their own.
    pub default_report_cutoff: Option<Date>,
    /// Argon2 cost for passwords.
    pub password_hashing: HashCost,
    /// The hospital network and each hospital's settings.
    pub network: crate::network::Network,
    /// Where uploaded documents (signed forms) are kept: outside the SPA's folder, never served
    /// as files.
    pub uploads_dir: PathBuf,
    /// The portal's address as browsers reach it (`INZAGE_PUBLIC_URL`, no trailing slash), for
    /// links in e-mails and the identity providers' redirect URIs; none: `http://` and the bound
    /// address (see [`Config::public_url`]).
    pub public_url: Option<String>,
    /// How e-mail leaves the portal.
    pub mail: crate::mail::MailConfig,
    /// The identity providers (OpenID Connect) offered beside the code card; none by default.
    pub identity: crate::identity::IdentityProviders,
    /// How often the notification worker looks for news to tell and mail to deliver
    /// (`INZAGE_NOTIFY_EVERY_SECONDS`, default 30).
    pub notify_every: std::time::Duration,
    /// The reverse proxies in front of the portal (`INZAGE_TRUSTED_PROXIES`: addresses or
    /// networks, comma-separated, such as `10.0.0.0/8, ::1`): a request from one of them is
    /// from the client its `X-Forwarded-For` names (see [`crate::api::client_address`]), for
    /// the rate limits and the audit trail. None by default: the connection's address is the
    /// client's.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// How long a request's body may pause between two pieces before the request is refused
    /// (400, the body cannot be read): a client that sends a body slowly cannot hold a
    /// connection, or an upload's turn, for long. 30 seconds; tests shorten it.
    pub body_idle: std::time::Duration,
    /// The least average speed of a request's body once `body_idle` has passed since its first
    /// byte was read, in bytes per second: a body sent slowly but steadily cannot hold a
    /// connection, or an upload's turn, for long either (400 when it falls behind). 8 KiB/s,
    /// below any mobile data connection but GPRS: a 5 MB form may take 11 minutes. Tests
    /// raise it.
    pub body_min_rate: u64,
    /// How many connections the PostgreSQL pool keeps at most (`INZAGE_DATABASE_CONNECTIONS`,
    /// 1 to 256). `None`: four per core of this machine, between 8 and 32, which suits a
    /// database on the same machine; a hospital whose database server has more cores than the
    /// portal's sets it. Not for SQLite, whose pool is fixed.
    pub database_connections: Option<u32>,
}

/// A pool size: a whole number from 1 to 256.
fn parse_connections(v: &str) -> Option<u32> {
    v.trim().parse().ok().filter(|n| (1..=256).contains(n))
}

/// The memory (KiB) and time cost of an Argon2id hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashCost {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Iterations.
    pub iterations: u32,
}

impl HashCost {
    /// OWASP's recommendation for Argon2id: 19 MiB, two iterations, one lane.
    pub const PASSWORD: HashCost = HashCost {
        memory_kib: 19 * 1024,
        iterations: 2,
    };
}

/// nexuzhealth's cutoff: the portal shows nothing before 15 August 2016.
pub const NEXUZHEALTH_CUTOFF: Date = time::macros::date!(2016 - 08 - 15);

impl Default for Config {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: "sqlite://inzage.db".into(),
            dist_dir: PathBuf::from("dist"),
            secure_cookies: false,
            default_report_cutoff: Some(NEXUZHEALTH_CUTOFF),
            password_hashing: HashCost::PASSWORD,
            network: crate::network::Network::default(),
            uploads_dir: PathBuf::from("uploads"),
            public_url: None,
            mail: crate::mail::MailConfig::default(),
            identity: crate::identity::IdentityProviders::default(),
            notify_every: std::time::Duration::from_secs(30),
            trusted_proxies: Vec::new(),
            body_idle: std::time::Duration::from_secs(30),
            body_min_rate: 8 * 1024,
            database_connections: None,
        }
    }
}

impl Config {
    /// The portal's public address: the configured one, else (filled in when the server binds)
    /// `http://` and the address it listens on.
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.bind))
    }

    /// Reads `INZAGE_BIND`, `DATABASE_URL`, `INZAGE_DIST`, `INZAGE_PUBLIC_URL`,
    /// `INZAGE_REPORT_CUTOFF` (a date, or `none`), `INZAGE_DATABASE_CONNECTIONS`, `INZAGE_UPLOADS` (the folder for uploaded
    /// documents), `INZAGE_NOTIFY_EVERY_SECONDS`, `INZAGE_NETWORK` (the network file), `INZAGE_IDENTITY` (the identity
    /// providers' file) and the mail settings of [`crate::mail::MailConfig::from_env`], with
    /// clear errors for bad values.
    pub fn from_env() -> anyhow::Result<Self> {
        let mut c = Config::default();
        if let Ok(v) = std::env::var("INZAGE_BIND") {
            c.bind = v.parse().with_context(|| {
                format!("INZAGE_BIND `{v}` is not an address like 127.0.0.1:8080")
            })?;
        }
        if let Ok(v) = std::env::var("DATABASE_URL") {
            if !(v.starts_with("sqlite:")
                || v.starts_with("postgres://")
                || v.starts_with("postgresql://"))
            {
                bail!("DATABASE_URL must start with sqlite: or postgres://");
            }
            c.database_url = v;
        }
        if let Ok(v) = std::env::var("INZAGE_DIST") {
            c.dist_dir = PathBuf::from(v);
        }
        if let Ok(v) = std::env::var("INZAGE_PUBLIC_URL") {
            c.secure_cookies = served_over_tls(&v);
            c.public_url = Some(v.trim().trim_end_matches('/').to_owned());
        }
        c.mail = crate::mail::MailConfig::from_env()?;
        if let Ok(v) = std::env::var("INZAGE_REPORT_CUTOFF") {
            c.default_report_cutoff = if v == "none" {
                None
            } else {
                Some(parse_date(&v).with_context(|| {
                    format!("INZAGE_REPORT_CUTOFF `{v}` is not a date like 2016-08-15 (or `none`)")
                })?)
            };
        }
        if let Ok(v) = std::env::var("INZAGE_NOTIFY_EVERY_SECONDS") {
            let seconds: u64 = v
                .parse()
                .ok()
                .filter(|s| (1..=3600).contains(s))
                .with_context(|| {
                    format!("INZAGE_NOTIFY_EVERY_SECONDS `{v}` is not a number of seconds from 1 to 3600")
                })?;
            c.notify_every = std::time::Duration::from_secs(seconds);
        }
        if let Ok(v) = std::env::var("INZAGE_TRUSTED_PROXIES") {
            c.trusted_proxies = parse_networks(&v).map_err(|bad| {
                anyhow::anyhow!(
                    "INZAGE_TRUSTED_PROXIES: `{bad}` is not an address or a network like \
                     10.0.0.0/8 (give them comma-separated)"
                )
            })?;
        }
        if let Ok(v) = std::env::var("INZAGE_UPLOADS") {
            c.uploads_dir = PathBuf::from(v);
        }
        if let Ok(v) = std::env::var("INZAGE_NETWORK") {
            c.network = crate::network::Network::load(std::path::Path::new(&v))?;
        }
        if let Ok(v) = std::env::var("INZAGE_IDENTITY") {
            c.identity = crate::identity::IdentityProviders::load(std::path::Path::new(&v))?;
        }
        if let Ok(v) = std::env::var("INZAGE_DATABASE_CONNECTIONS") {
            if c.database_url.starts_with("sqlite:") {
                bail!("INZAGE_DATABASE_CONNECTIONS sizes the PostgreSQL pool; SQLite's is fixed");
            }
            c.database_connections = Some(parse_connections(&v).with_context(|| {
                format!("INZAGE_DATABASE_CONNECTIONS `{v}` is not a number from 1 to 256")
            })?);
        }
        Ok(c)
    }
}

/// Addresses and networks, comma-separated (`10.0.0.0/8, 192.0.2.1, ::1`); an address is a
/// network of one. The first entry that is neither is the error.
/// ```
/// use inzage_server::config::parse_networks;
/// assert_eq!(parse_networks("10.0.0.0/8, ::1").unwrap().len(), 2);
/// assert_eq!(parse_networks("10.0.0.0/8, proxy").unwrap_err(), "proxy");
/// assert!(parse_networks("").unwrap().is_empty());
/// ```
pub fn parse_networks(list: &str) -> Result<Vec<ipnet::IpNet>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<ipnet::IpNet>()
                .or_else(|_| s.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| s.to_owned())
        })
        .collect()
}

/// Whether the portal's public address is served over TLS (then cookies are `Secure`).
pub fn served_over_tls(public_url: &str) -> bool {
    public_url
        .trim()
        .get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
}

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Result<Date, time::error::Parse> {
    Date::parse(s, time::macros::format_description!("[year]-[month]-[day]"))
}

#[cfg(test)]
mod tests {
    use super::parse_connections;

    #[test]
    fn a_pool_size_is_a_whole_number_from_1_to_256() {
        assert_eq!(parse_connections("24"), Some(24));
        assert_eq!(parse_connections(" 1 "), Some(1));
        assert_eq!(parse_connections("256"), Some(256));
        for bad in ["0", "257", "-3", "8.5", "", "many"] {
            assert_eq!(parse_connections(bad), None, "{bad}");
        }
    }
}
