//! Passkeys (WebAuthn) through webauthn-rs: the relying party of the portal's public address,
//! and the two ceremonies (adding a passkey, logging in with one).
//!
//! The relying party id is the host of the public address. WebAuthn refuses IP addresses as
//! relying party ids, so a portal that knows itself only by a loopback address (a developer's
//! machine, the tests) is the relying party `localhost`, reached at `http://localhost:PORT`
//! (a secure context in browsers, like the loopback address); at any other IP address passkeys
//! are not offered.
//!
//! Logging in uses discoverable credentials: the login's first step always carries the same
//! kind of options, with an empty allow list, whatever the username, so the answer does not tell
//! whether an account exists or has passkeys. Passkeys are therefore created as resident keys.

use std::net::IpAddr;

use inzage_domain::passkey::{
    CreationChallengeResponse, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse,
};
use webauthn_rs::prelude::{
    AuthenticationResult, CredentialID, DiscoverableAuthentication, Passkey, PasskeyRegistration,
    Url, Uuid,
};
use webauthn_rs::{Webauthn, WebauthnBuilder};
use webauthn_rs_proto::ResidentKeyRequirement;

/// What a registration keeps between its steps: webauthn-rs's state and the user id it was
/// started with.
#[derive(serde::Serialize, serde::Deserialize)]
struct RegistrationCeremony {
    user_handle: Uuid,
    state: PasskeyRegistration,
}

/// How long the second step of a ceremony may wait (the login's is the code card challenge's).
pub const CEREMONY_TTL: time::Duration = time::Duration::minutes(5);

/// The portal as a WebAuthn relying party.
#[derive(Clone)]
pub struct Passkeys {
    webauthn: std::sync::Arc<Webauthn>,
    rp_id: String,
}

impl std::fmt::Debug for Passkeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Passkeys")
            .field("rp_id", &self.rp_id)
            .finish_non_exhaustive()
    }
}

/// Where the browser must be for passkeys to work: the relying party id and the origin. `None`
/// at an IP address that is not the loopback.
pub fn relying_party(public_url: &str) -> anyhow::Result<Option<(String, Url)>> {
    let url = Url::parse(public_url)?;
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    match url.host() {
        Some(url::Host::Domain(d)) => {
            let origin = Url::parse(&format!("{}://{d}{port}", url.scheme()))?;
            Ok(Some((d.to_ascii_lowercase(), origin)))
        }
        Some(url::Host::Ipv4(ip)) if IpAddr::V4(ip).is_loopback() => localhost(&url, &port),
        Some(url::Host::Ipv6(ip)) if IpAddr::V6(ip).is_loopback() => localhost(&url, &port),
        _ => Ok(None),
    }
}

fn localhost(url: &Url, port: &str) -> anyhow::Result<Option<(String, Url)>> {
    let origin = Url::parse(&format!("{}://localhost{port}", url.scheme()))?;
    Ok(Some(("localhost".to_owned(), origin)))
}

impl Passkeys {
    /// The relying party of the portal's public address; `None` where passkeys cannot work.
    pub fn for_public_url(public_url: &str) -> anyhow::Result<Option<Self>> {
        let Some((rp_id, origin)) = relying_party(public_url)? else {
            return Ok(None);
        };
        let webauthn = WebauthnBuilder::new(&rp_id, &origin)
            .map_err(|e| anyhow::anyhow!("passkeys for {origin}: {e}"))?
            .rp_name("Inzage")
            .build()
            .map_err(|e| anyhow::anyhow!("passkeys for {origin}: {e}"))?;
        Ok(Some(Self {
            webauthn: std::sync::Arc::new(webauthn),
            rp_id,
        }))
    }

    /// The relying party id.
    pub fn rp_id(&self) -> &str {
        &self.rp_id
    }

    /// Starts adding a passkey: the options for the browser and the state to keep (JSON). The
    /// passkey must be a resident key (see the module's documentation) and verify its user.
    pub fn start_registration(
        &self,
        user_handle: Uuid,
        user_name: &str,
        display_name: &str,
        existing: Vec<CredentialID>,
    ) -> anyhow::Result<(CreationChallengeResponse, String)> {
        let exclude = (!existing.is_empty()).then_some(existing);
        let (mut options, state) = self
            .webauthn
            .start_passkey_registration(user_handle, user_name, display_name, exclude)
            .map_err(|e| anyhow::anyhow!("starting a passkey registration: {e}"))?;
        if let Some(selection) = options.public_key.authenticator_selection.as_mut() {
            selection.resident_key = Some(ResidentKeyRequirement::Required);
            selection.require_resident_key = true;
        }
        let kept = RegistrationCeremony { user_handle, state };
        Ok((options, serde_json::to_string(&kept)?))
    }

    /// Finishes adding a passkey: the passkey and the WebAuthn user id it belongs to; `None`
    /// when the credential does not answer the ceremony.
    pub fn finish_registration(
        &self,
        credential: &RegisterPublicKeyCredential,
        state: &str,
    ) -> anyhow::Result<Option<(Passkey, Uuid)>> {
        let kept: RegistrationCeremony = serde_json::from_str(state)?;
        match self
            .webauthn
            .finish_passkey_registration(credential, &kept.state)
        {
            Ok(passkey) => Ok(Some((passkey, kept.user_handle))),
            Err(e) => {
                tracing::info!(error = %e, "a passkey registration was refused");
                Ok(None)
            }
        }
    }

    /// Starts a login: the options for the browser (an empty allow list; no conditional
    /// mediation, the person presses a button) and the state to keep (JSON).
    pub fn start_login(&self) -> anyhow::Result<(RequestChallengeResponse, String)> {
        let (mut options, state) = self
            .webauthn
            .start_discoverable_authentication()
            .map_err(|e| anyhow::anyhow!("starting a passkey login: {e}"))?;
        options.mediation = None;
        Ok((options, serde_json::to_string(&state)?))
    }

    /// Verifies a login's assertion against the passkey it names; `None` when it does not
    /// verify (wrong challenge, origin, signature, or user verification missing).
    pub fn finish_login(
        &self,
        credential: &PublicKeyCredential,
        state: &str,
        passkey: &Passkey,
    ) -> anyhow::Result<Option<AuthenticationResult>> {
        let state: DiscoverableAuthentication = serde_json::from_str(state)?;
        match self
            .webauthn
            .finish_discoverable_authentication_v2(credential, state, passkey)
        {
            Ok(result) => Ok(Some(result)),
            Err(e) => {
                tracing::info!(error = %e, "a passkey assertion was refused");
                Ok(None)
            }
        }
    }
}

/// A credential id as stored: base64url without padding.
pub fn credential_key(id: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(id)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_relying_party_is_the_public_host_and_loopback_is_localhost() {
        let rp = |u: &str| relying_party(u).unwrap().map(|(id, o)| (id, o.to_string()));
        assert_eq!(
            rp("https://portaal.azvoorbeeld.be"),
            Some((
                "portaal.azvoorbeeld.be".to_owned(),
                "https://portaal.azvoorbeeld.be/".to_owned()
            ))
        );
        assert_eq!(
            rp("http://127.0.0.1:8080"),
            Some(("localhost".to_owned(), "http://localhost:8080/".to_owned()))
        );
        assert_eq!(
            rp("http://[::1]:8080"),
            Some(("localhost".to_owned(), "http://localhost:8080/".to_owned()))
        );
        assert_eq!(rp("http://10.1.2.3:8080"), None);
        assert!(Passkeys::for_public_url("http://10.1.2.3")
            .unwrap()
            .is_none());
        assert!(Passkeys::for_public_url("https://portaal.azvoorbeeld.be")
            .unwrap()
            .is_some());
    }

    #[test]
    fn login_options_are_the_same_kind_for_everyone_and_registration_asks_a_resident_key() {
        let p = Passkeys::for_public_url("http://127.0.0.1:8080")
            .unwrap()
            .unwrap();
        let (options, state) = p.start_login().unwrap();
        assert!(options.public_key.allow_credentials.is_empty());
        assert!(options.mediation.is_none());
        assert!(state.contains("challenge"));
        let (options, _) = p
            .start_registration(Uuid::new_v4(), "margery", "Margery", Vec::new())
            .unwrap();
        let selection = options.public_key.authenticator_selection.unwrap();
        assert_eq!(
            selection.resident_key,
            Some(ResidentKeyRequirement::Required)
        );
        assert!(selection.require_resident_key);
    }
}
