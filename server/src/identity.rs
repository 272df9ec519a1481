//! The identity providers the login page offers beside username, password and code card: the
//! Belgian federal authentication service (eID, itsme), itsme directly, or DigiD, each an OpenID
//! Connect provider.
//!
//! Read from a TOML file at start (`INZAGE_IDENTITY`), validated whole, with errors that name the
//! file, the provider and the field. A provider's client secret is never in the file: the file
//! names the environment variable that holds it.
//!
//! ```toml
//! [[provider]]
//! id = "eid"
//! kind = "be-fas"                      # be-fas, itsme or digid
//! name = { nl = "Aanmelden met eID of itsme", fr = "Se connecter avec eID ou itsme", en = "Log in with eID or itsme" }
//! issuer = "https://idp.iamfas.belgium.be/fas/oauth2"
//! client_id = "inzage-azvoorbeeld"
//! client_secret_env = "INZAGE_FAS_SECRET"
//! national_number_claim = "egovNRN"
//! scopes = ["openid", "profile", "egovNRN"]
//! ```

use std::collections::HashSet;
use std::path::Path;

use anyhow::{bail, Context};
use inzage_domain::wire::{IdentityKind, IdentityProviderInfo, LocalText};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentityFile {
    #[serde(default, rename = "provider")]
    providers: Vec<ProviderEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum NameEntry {
    One(String),
    PerLanguage { nl: String, fr: String, en: String },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProviderEntry {
    id: String,
    kind: IdentityKind,
    name: NameEntry,
    issuer: String,
    client_id: String,
    client_secret_env: String,
    national_number_claim: String,
    #[serde(default = "default_scopes")]
    scopes: Vec<String>,
}

fn default_scopes() -> Vec<String> {
    vec!["openid".into()]
}

/// A client secret: never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientSecret(String);

impl ClientSecret {
    /// The secret, to send to the provider's token endpoint.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for ClientSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ClientSecret(<redacted>)")
    }
}

/// One OpenID Connect provider as configured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityProvider {
    /// The id in the routes (`/api/v1/oidc/{id}/…`): lowercase letters, digits and `-`.
    pub id: String,
    /// Which national number its ID tokens carry.
    pub kind: IdentityKind,
    /// The button's text in each language.
    pub name: LocalText,
    /// The issuer: its discovery document is `{issuer}/.well-known/openid-configuration`.
    pub issuer: String,
    /// The portal's client id at the provider.
    pub client_id: String,
    /// The portal's client secret at the provider, from the environment.
    pub client_secret: ClientSecret,
    /// The ID token claim that holds the national number (`egovNRN`, `bsn`, …).
    pub national_number_claim: String,
    /// The scopes to ask for (`openid` is always asked).
    pub scopes: Vec<String>,
}

impl IdentityProvider {
    /// What the login page needs to show the provider's button.
    pub fn info(&self) -> IdentityProviderInfo {
        IdentityProviderInfo {
            id: self.id.clone(),
            kind: self.kind,
            name: self.name.clone(),
        }
    }
}

/// The configured identity providers, in the file's order; none by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdentityProviders {
    providers: Vec<IdentityProvider>,
}

impl IdentityProviders {
    /// Reads and validates an identity file, taking each client secret from the environment.
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the identity file {}", path.display()))?;
        Self::parse(&text, |name| std::env::var(name).ok())
            .with_context(|| format!("in the identity file {}", path.display()))
    }

    /// Parses and validates the text of an identity file; `secret` looks up the environment
    /// variable each provider names (tests pass their own).
    pub fn parse(text: &str, secret: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let file: IdentityFile = toml::from_str(text).map_err(|e| anyhow::anyhow!("{e}"))?;
        let mut ids = HashSet::new();
        let mut providers = Vec::new();
        for (i, p) in file.providers.into_iter().enumerate() {
            let at = |field: &str| format!("provider[{i}].{field} (id `{}`)", p.id);
            if p.id.is_empty()
                || !p
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                bail!(
                    "provider[{i}].id: `{}` is not made of lowercase letters, digits and `-`",
                    p.id
                );
            }
            if !ids.insert(p.id.clone()) {
                bail!("provider[{i}].id: `{}` is listed twice", p.id);
            }
            let name = match p.name {
                NameEntry::One(n) => LocalText {
                    nl: n.clone(),
                    fr: n.clone(),
                    en: n,
                },
                NameEntry::PerLanguage { nl, fr, en } => LocalText { nl, fr, en },
            };
            if [&name.nl, &name.fr, &name.en]
                .iter()
                .any(|n| n.trim().is_empty())
            {
                bail!("{}: empty", at("name"));
            }
            let issuer = p.issuer.trim_end_matches('/').to_owned();
            let url = openidconnect::url::Url::parse(&issuer)
                .map_err(|e| anyhow::anyhow!("{}: `{}`: {e}", at("issuer"), p.issuer))?;
            let loopback = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
            if url.scheme() != "https" && !(url.scheme() == "http" && loopback) {
                bail!(
                    "{}: `{}` must use https (plain http only on this machine)",
                    at("issuer"),
                    p.issuer
                );
            }
            if url.query().is_some() || url.fragment().is_some() {
                bail!("{}: `{}` has a query or fragment", at("issuer"), p.issuer);
            }
            if p.client_id.trim().is_empty() {
                bail!("{}: empty", at("client_id"));
            }
            if p.client_secret_env.trim().is_empty() {
                bail!("{}: empty", at("client_secret_env"));
            }
            let client_secret = match secret(&p.client_secret_env) {
                Some(s) if !s.is_empty() => ClientSecret(s),
                _ => bail!(
                    "{}: the environment variable `{}` is not set",
                    at("client_secret_env"),
                    p.client_secret_env
                ),
            };
            if p.national_number_claim.trim().is_empty() {
                bail!("{}: empty", at("national_number_claim"));
            }
            if let Some(bad) = p
                .scopes
                .iter()
                .find(|s| s.is_empty() || s.contains(char::is_whitespace))
            {
                bail!("{}: `{bad}` is not a scope", at("scopes"));
            }
            providers.push(IdentityProvider {
                id: p.id,
                kind: p.kind,
                name,
                issuer,
                client_id: p.client_id,
                client_secret,
                national_number_claim: p.national_number_claim,
                scopes: p.scopes,
            });
        }
        Ok(Self { providers })
    }

    /// Every provider, in the file's order.
    pub fn all(&self) -> &[IdentityProvider] {
        &self.providers
    }

    /// The provider with this id.
    pub fn get(&self, id: &str) -> Option<&IdentityProvider> {
        self.providers.iter().find(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn env(name: &str) -> Option<String> {
        (name == "SECRET").then(|| "s3cret".to_owned())
    }

    const GOOD: &str = r#"
[[provider]]
id = "eid"
kind = "be-fas"
name = { nl = "Aanmelden met eID of itsme", fr = "Se connecter avec eID ou itsme", en = "Log in with eID or itsme" }
issuer = "https://idp.iamfas.belgium.be/fas/oauth2/"
client_id = "inzage"
client_secret_env = "SECRET"
national_number_claim = "egovNRN"
scopes = ["openid", "profile", "egovNRN"]

[[provider]]
id = "digid"
kind = "digid"
name = "DigiD"
issuer = "http://127.0.0.1:4000"
client_id = "inzage"
client_secret_env = "SECRET"
national_number_claim = "bsn"
"#;

    #[test]
    fn an_identity_file_lists_its_providers_with_the_secret_from_the_environment() {
        let p = IdentityProviders::parse(GOOD, env).unwrap();
        let eid = p.get("eid").unwrap();
        assert_eq!(eid.kind, IdentityKind::BeFas);
        assert_eq!(eid.issuer, "https://idp.iamfas.belgium.be/fas/oauth2");
        assert_eq!(eid.client_secret.expose_secret(), "s3cret");
        assert!(!format!("{eid:?}").contains("s3cret"));
        assert_eq!(eid.name.fr, "Se connecter avec eID ou itsme");
        let digid = p.get("digid").unwrap();
        assert_eq!(digid.name.en, "DigiD");
        assert_eq!(digid.scopes, ["openid"]);
        assert_eq!(
            p.all().iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["eid", "digid"]
        );
        assert_eq!(IdentityProviders::default().all().len(), 0);
    }

    #[test]
    fn bad_files_are_refused_with_the_field_named() {
        let base = "[[provider]]\nid = \"x\"\nkind = \"be-fas\"\nname = \"X\"\nissuer = \"https://idp.example\"\nclient_id = \"c\"\nclient_secret_env = \"SECRET\"\nnational_number_claim = \"n\"\n";
        let table = [
            (base.replace("be-fas", "eherkenning"), "unknown variant `eherkenning`"),
            (base.replace("id = \"x\"", "id = \"X Y\""), "provider[0].id: `X Y` is not made of"),
            (
                base.replace("https://idp.example", "http://idp.example"),
                "provider[0].issuer (id `x`): `http://idp.example` must use https",
            ),
            (
                base.replace("https://idp.example", "not a url"),
                "provider[0].issuer (id `x`): `not a url`",
            ),
            (base.replace("client_id = \"c\"", "client_id = \"\""), "provider[0].client_id (id `x`): empty"),
            (
                base.replace("SECRET", "MISSING"),
                "provider[0].client_secret_env (id `x`): the environment variable `MISSING` is not set",
            ),
            (base.replace("name = \"X\"", "name = \" \""), "provider[0].name (id `x`): empty"),
            (
                base.replace("claim = \"n\"", "claim = \"\""),
                "provider[0].national_number_claim (id `x`): empty",
            ),
            (format!("{base}scopes = [\"open id\"]"), "provider[0].scopes (id `x`): `open id` is not a scope"),
            (format!("{base}client_secret = \"s\""), "unknown field `client_secret`"),
            (format!("{base}{base}"), "provider[1].id: `x` is listed twice"),
        ];
        for (text, expected) in table {
            let e = format!("{:#}", IdentityProviders::parse(&text, env).unwrap_err());
            assert!(e.contains(expected), "{e}\n expected: {expected}");
        }
    }

    #[test]
    fn the_demo_identity_file_is_valid() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../config/demo-identity.toml");
        let text = std::fs::read_to_string(path).unwrap();
        let p = IdentityProviders::parse(&text, |_| Some("demo".into())).unwrap();
        assert!(!p.all().is_empty());
    }
}
