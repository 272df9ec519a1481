//! The hospital network: the partner hospitals on this platform and the settings the rules use
//! for each (jurisdiction, report cutoff, children's reports, parent-link age, contact details).
//!
//! Read from a TOML file at start (`INZAGE_NETWORK`), validated whole, with errors that name the
//! file, the hospital and the field. Hospitals that imported bundles mention but the file does
//! not list follow the `[default]` section, with the cutoff date they were imported with.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context};
use inzage_domain::access::{HospitalPolicy, Jurisdiction};
use inzage_domain::account::CodeCardMode;
use inzage_domain::appointments::{OnlineAppointments, MAX_CHANGE_UNTIL_HOURS};
use inzage_domain::calendar::TimeZone;
use inzage_domain::contact::EmailAddress;
use inzage_domain::listing::HospitalOption;
use inzage_domain::login::CODE_CARD_SIZE;
use inzage_domain::release::{CareTeamHolds, ReleaseCategory, MAX_CARE_TEAM_DAYS};
use inzage_domain::requests::{RequestPolicy, Term};
use inzage_domain::video::IceServer;
use inzage_domain::wire::HospitalCutoff;
use serde::Deserialize;
use time::Date;

use crate::config::parse_date;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NetworkFile {
    name: String,
    #[serde(default)]
    default: Option<DefaultSection>,
    #[serde(default, rename = "hospital")]
    hospitals: Vec<HospitalEntry>,
    #[serde(default)]
    login: Option<LoginSection>,
    #[serde(default)]
    video: Option<VideoSection>,
}

/// `[video]`: what the browsers of a video consultation use to find each other.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VideoSection {
    #[serde(default)]
    ice_servers: Vec<IceServer>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LoginSection {
    /// `rotation` or `single_use`.
    #[serde(default = "rotation")]
    code_card: String,
    #[serde(default)]
    renew_at: Option<u8>,
    #[serde(default)]
    terms_version: Option<String>,
    #[serde(default)]
    helpdesk: Contact,
}

fn rotation() -> String {
    "rotation".into()
}

/// Whether a STUN or TURN server is one a browser can use: at least one `stun:`, `turn:` or
/// `turns:` address, and a TURN server's user name and password together.
fn check_ice_server(server: &IceServer) -> anyhow::Result<()> {
    if server.urls.is_empty() {
        bail!("`urls`: give at least one address");
    }
    for url in &server.urls {
        let scheme = url.split_once(':').map(|(s, rest)| (s, rest.trim()));
        match scheme {
            Some(("stun" | "turn" | "turns", rest)) if !rest.is_empty() => {}
            _ => bail!("`urls`: `{url}` is not a stun:, turn: or turns: address"),
        }
    }
    let turn = server.urls.iter().any(|u| u.starts_with("turn"));
    if turn && (server.username.is_none() || server.credential.is_none()) {
        bail!("a TURN server needs `username` and `credential`");
    }
    if server.username.is_some() != server.credential.is_some() {
        bail!("`username` and `credential` go together");
    }
    Ok(())
}

/// The version of the portal's terms of use when the network file names none; the demo accounts
/// have accepted it.
pub const DEFAULT_TERMS_VERSION: &str = "2026-11";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultSection {
    jurisdiction: Jurisdiction,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HospitalEntry {
    id: String,
    #[serde(default)]
    name: Option<String>,
    jurisdiction: Jurisdiction,
    #[serde(default)]
    time_zone: Option<TimeZone>,
    #[serde(default)]
    report_cutoff: Option<String>,
    #[serde(default = "yes")]
    shows_children_reports: bool,
    #[serde(default)]
    shows_consultation_notes: bool,
    #[serde(default = "fifteen")]
    parent_link_until_age: u8,
    #[serde(default)]
    contact: Contact,
    #[serde(default)]
    requests: RequestsSection,
    #[serde(default)]
    appointments: OnlineAppointments,
    #[serde(default)]
    release: CareTeamHolds,
}

/// `requests = { … }` of a hospital: each setting optional, defaulting by jurisdiction.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RequestsSection {
    #[serde(default)]
    copy_term_months: Option<u8>,
    #[serde(default)]
    copy_term_working_days: Option<u16>,
    #[serde(default)]
    further_copy_fee_cents: Option<u32>,
    #[serde(default)]
    imaging_dvd_fee_cents: Option<u32>,
    #[serde(default)]
    retention_years: Option<u8>,
    #[serde(default)]
    core_retention_years: Option<u8>,
    #[serde(default)]
    psychiatry_held_by: Option<String>,
}

impl RequestsSection {
    /// The hospital's request policy; `at` names a field in errors.
    fn policy(
        self,
        jurisdiction: Jurisdiction,
        time_zone: TimeZone,
        at: impl Fn(&str) -> String,
    ) -> anyhow::Result<RequestPolicy> {
        let mut p = match jurisdiction {
            Jurisdiction::Belgium => RequestPolicy::belgian(),
            Jurisdiction::Netherlands => RequestPolicy::dutch(),
        };
        p.time_zone = time_zone;
        p.copy_term = match (self.copy_term_months, self.copy_term_working_days) {
            (Some(_), Some(_)) => bail!(
                "{}: give `copy_term_months` or `copy_term_working_days`, not both",
                at("requests")
            ),
            (Some(m @ 1..=3), None) => Term::Months(m),
            (Some(m), None) => bail!(
                "{}: {m} is not between 1 and 3 months (GDPR art. 12(3))",
                at("requests.copy_term_months")
            ),
            (None, Some(d @ 1..=60)) => Term::WorkingDays(d),
            (None, Some(d)) => bail!(
                "{}: {d} is not between 1 and 60 working days",
                at("requests.copy_term_working_days")
            ),
            (None, None) => p.copy_term,
        };
        p.further_copy_fee_cents = self
            .further_copy_fee_cents
            .unwrap_or(p.further_copy_fee_cents);
        p.imaging_dvd_fee_cents = self
            .imaging_dvd_fee_cents
            .unwrap_or(p.imaging_dvd_fee_cents);
        p.retention_years = self.retention_years.unwrap_or(p.retention_years);
        p.core_retention_years = self.core_retention_years.unwrap_or(p.core_retention_years);
        if p.retention_years == 0 {
            bail!("{}: must be at least 1", at("requests.retention_years"));
        }
        if p.core_retention_years < p.retention_years {
            bail!(
                "{}: {} is less than retention_years ({})",
                at("requests.core_retention_years"),
                p.core_retention_years,
                p.retention_years
            );
        }
        p.psychiatry_held_by = match self.psychiatry_held_by {
            Some(n) if n.trim().is_empty() => {
                bail!("{}: empty", at("requests.psychiatry_held_by"))
            }
            other => other,
        };
        Ok(p)
    }
}

fn yes() -> bool {
    true
}

fn fifteen() -> u8 {
    15
}

/// How patients reach a hospital.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Telephone number, as printed.
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail address of the portal's helpdesk.
    #[serde(default)]
    pub email: Option<String>,
    /// Website.
    #[serde(default)]
    pub website: Option<String>,
}

/// One partner hospital.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hospital {
    /// The FHIR Organization id its bundles use.
    pub id: String,
    /// The name to show, when it should differ from the imported one.
    pub name: Option<String>,
    /// The settings the access rules use.
    pub policy: HospitalPolicy,
    /// How patients reach it.
    pub contact: Contact,
    /// Its settings for requests (terms, fees, retention).
    pub requests: RequestPolicy,
    /// What patients can do with appointments online.
    pub appointments: OnlineAppointments,
    /// How long its care teams hold new results and reports back.
    pub release: CareTeamHolds,
}

/// The network as configured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    /// The network's name.
    pub name: String,
    default_jurisdiction: Jurisdiction,
    hospitals: HashMap<String, Hospital>,
    /// How the network's code cards are used (`[login] code_card`).
    pub code_card: CodeCardMode,
    /// The version of the terms of use every patient must have accepted (`[login]
    /// terms_version`); a new version asks everyone again.
    pub terms_version: String,
    /// Whom a person with a login problem or a suspended account contacts (`[login] helpdesk`).
    pub helpdesk: Contact,
    /// The STUN and TURN servers of video consultations (`[video] ice_servers`; none: only
    /// browsers that reach each other directly connect, as on one machine or one network).
    pub ice_servers: Vec<IceServer>,
}

impl Default for Network {
    /// No file: every hospital follows Belgian law with the cutoff it was imported with.
    fn default() -> Self {
        Self {
            name: "Inzage".into(),
            default_jurisdiction: Jurisdiction::Belgium,
            hospitals: HashMap::new(),
            code_card: CodeCardMode::Rotation,
            terms_version: DEFAULT_TERMS_VERSION.into(),
            helpdesk: Contact::default(),
            ice_servers: Vec::new(),
        }
    }
}

impl Network {
    /// Reads and validates a network file.
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the network file {}", path.display()))?;
        Self::parse(&text).with_context(|| format!("in the network file {}", path.display()))
    }

    /// Parses and validates the text of a network file.
    pub fn parse(text: &str) -> anyhow::Result<Self> {
        let file: NetworkFile = toml::from_str(text).map_err(|e| anyhow::anyhow!("{e}"))?;
        if file.name.trim().is_empty() {
            bail!("`name`: the network needs a name");
        }
        let mut hospitals = HashMap::new();
        for (i, h) in file.hospitals.into_iter().enumerate() {
            let at = |field: &str| format!("hospital[{i}].{field} (id `{}`)", h.id);
            if h.id.trim().is_empty() {
                bail!("hospital[{i}].id: empty");
            }
            if h.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
                bail!("{}: empty", at("name"));
            }
            if !(12..=18).contains(&h.parent_link_until_age) {
                bail!(
                    "{}: {} is not an age between 12 and 18",
                    at("parent_link_until_age"),
                    h.parent_link_until_age
                );
            }
            let report_cutoff: Option<Date> = match &h.report_cutoff {
                Some(d) => Some(parse_date(d).map_err(|_| {
                    anyhow::anyhow!(
                        "{}: `{d}` is not a date like 2016-08-15",
                        at("report_cutoff")
                    )
                })?),
                None => None,
            };
            if let Some(email) = &h.contact.email {
                EmailAddress::parse(email)
                    .map_err(|e| anyhow::anyhow!("{}: `{email}`: {e}", at("contact.email")))?;
            }
            let time_zone = h.time_zone.unwrap_or(match h.jurisdiction {
                Jurisdiction::Belgium => TimeZone::EuropeBrussels,
                Jurisdiction::Netherlands => TimeZone::EuropeAmsterdam,
            });
            if h.appointments.change_until_hours > MAX_CHANGE_UNTIL_HOURS {
                bail!(
                    "{}: {} is more than {MAX_CHANGE_UNTIL_HOURS} hours (30 days)",
                    at("appointments.change_until_hours"),
                    h.appointments.change_until_hours
                );
            }
            for category in ReleaseCategory::ALL {
                let days = h.release.days(category);
                if days > MAX_CARE_TEAM_DAYS {
                    bail!(
                        "{}: {days} is more than {MAX_CARE_TEAM_DAYS} days",
                        at(&format!("release.{}_after_days", category.as_str()))
                    );
                }
            }
            let appointments = h.appointments;
            let requests = h.requests.policy(h.jurisdiction, time_zone, at)?;
            let hospital = Hospital {
                requests,
                appointments,
                release: h.release,
                id: h.id.clone(),
                name: h.name,
                policy: HospitalPolicy {
                    jurisdiction: h.jurisdiction,
                    time_zone,
                    report_cutoff,
                    shows_children_reports: h.shows_children_reports,
                    shows_consultation_notes: h.shows_consultation_notes,
                    parent_link_until_age: h.parent_link_until_age,
                },
                contact: h.contact,
            };
            if hospitals.insert(h.id.clone(), hospital).is_some() {
                bail!("hospital[{i}].id: `{}` is listed twice", h.id);
            }
        }
        let code_card = match &file.login {
            None => CodeCardMode::Rotation,
            Some(l) => match (l.code_card.as_str(), l.renew_at) {
                ("rotation", None) => CodeCardMode::Rotation,
                ("rotation", Some(_)) => {
                    bail!("login.renew_at: only a `single_use` card is renewed when codes run out")
                }
                ("single_use", renew_at) => {
                    let renew_at = renew_at.unwrap_or(4);
                    if renew_at >= CODE_CARD_SIZE {
                        bail!("login.renew_at: {renew_at} is not below the card's {CODE_CARD_SIZE} codes");
                    }
                    CodeCardMode::SingleUse { renew_at }
                }
                (other, _) => {
                    bail!("login.code_card: `{other}` is neither `rotation` nor `single_use`")
                }
            },
        };
        let terms_version = match file.login.as_ref().and_then(|l| l.terms_version.clone()) {
            None => DEFAULT_TERMS_VERSION.to_owned(),
            Some(v) if v.trim().is_empty() || v.len() > 40 => {
                bail!("login.terms_version: `{v}` is not a version like 2026-11")
            }
            Some(v) => v,
        };
        let helpdesk = file.login.map(|l| l.helpdesk).unwrap_or_default();
        if let Some(email) = &helpdesk.email {
            EmailAddress::parse(email)
                .map_err(|e| anyhow::anyhow!("login.helpdesk.email: `{email}`: {e}"))?;
        }
        let ice_servers = file.video.map(|v| v.ice_servers).unwrap_or_default();
        for (i, server) in ice_servers.iter().enumerate() {
            check_ice_server(server).map_err(|e| anyhow::anyhow!("video.ice_servers[{i}]: {e}"))?;
        }
        Ok(Self {
            code_card,
            terms_version,
            helpdesk,
            ice_servers,
            name: file.name,
            default_jurisdiction: file
                .default
                .map_or(Jurisdiction::Belgium, |d| d.jurisdiction),
            hospitals,
        })
    }

    /// A listed hospital.
    pub fn hospital(&self, id: &str) -> Option<&Hospital> {
        self.hospitals.get(id)
    }

    /// The name a hospital is shown with: the network file's, else `imported` (the name its
    /// bundles gave it).
    pub fn hospital_name(&self, id: &str, imported: &str) -> String {
        self.hospital(id)
            .and_then(|h| h.name.clone())
            .unwrap_or_else(|| imported.to_owned())
    }

    /// The cutoff dates of the hospitals named by `(id, imported cutoff, imported name)`, one
    /// per hospital that has one, sorted by name: why older reports and results are missing.
    pub fn cutoffs<'a>(
        &self,
        hospitals: impl IntoIterator<Item = (&'a str, Option<&'a str>, &'a str)>,
    ) -> Vec<HospitalCutoff> {
        let mut cutoffs: Vec<HospitalCutoff> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for (id, imported_cutoff, imported_name) in hospitals {
            // A large record names its few hospitals thousands of times.
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            let imported = imported_cutoff.and_then(|d| parse_date(d).ok());
            if let Some(cutoff) = self.policy(id, imported).report_cutoff {
                let hospital = self.hospital_name(id, imported_name);
                if !cutoffs.iter().any(|c| c.hospital == hospital) {
                    cutoffs.push(HospitalCutoff { hospital, cutoff });
                }
            }
        }
        cutoffs.sort_by(|a, b| a.hospital.cmp(&b.hospital));
        cutoffs
    }

    /// The hospitals named by `(id, imported name)`, each once, sorted by name: the choices of
    /// a list's hospital filter.
    pub fn hospital_options<'a>(
        &self,
        hospitals: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Vec<HospitalOption> {
        let mut seen: Vec<&str> = Vec::new();
        let mut options = Vec::new();
        for (id, imported_name) in hospitals {
            if !seen.contains(&id) {
                seen.push(id);
                options.push(HospitalOption {
                    id: id.to_owned(),
                    name: self.hospital_name(id, imported_name),
                });
            }
        }
        options.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
        options
    }

    /// The settings for decisions about a record as a whole (who may act on it, at which
    /// ages): those of the first listed hospital among `hospitals` (the patient's hospitals,
    /// the most recent report's first), else the network's default jurisdiction. A patient of
    /// a Dutch and a Belgian partner thus follows the law of the hospital that treated them
    /// last.
    pub fn record_policy(&self, hospitals: &[String]) -> HospitalPolicy {
        hospitals
            .iter()
            .find_map(|h| self.hospitals.get(h))
            .map_or_else(|| self.policy("", None), |h| h.policy.clone())
    }

    /// A hospital's settings for requests: its own when listed, else the default
    /// jurisdiction's.
    pub fn request_policy(&self, hospital_id: &str) -> RequestPolicy {
        match self.hospitals.get(hospital_id) {
            Some(h) => h.requests.clone(),
            None => match self.default_jurisdiction {
                Jurisdiction::Belgium => RequestPolicy::belgian(),
                Jurisdiction::Netherlands => RequestPolicy::dutch(),
            },
        }
    }

    /// What patients can do online with a hospital's appointments: its own settings when
    /// listed, else nothing.
    pub fn online_appointments(&self, hospital_id: &str) -> OnlineAppointments {
        self.hospitals
            .get(hospital_id)
            .map(|h| h.appointments)
            .unwrap_or_default()
    }

    /// How long a hospital's care teams hold new results and reports back: its own setting
    /// when listed, else not at all.
    pub fn care_team_holds(&self, hospital_id: &str) -> CareTeamHolds {
        self.hospitals
            .get(hospital_id)
            .map(|h| h.release)
            .unwrap_or_default()
    }

    /// Whether any hospital of the network offers booking online.
    pub fn offers_booking(&self) -> bool {
        self.hospitals.values().any(|h| h.appointments.book)
    }

    /// The settings the rules use for a hospital: its own when listed, else the default
    /// jurisdiction with the cutoff it was imported with.
    pub fn policy(&self, hospital_id: &str, imported_cutoff: Option<Date>) -> HospitalPolicy {
        match self.hospitals.get(hospital_id) {
            Some(h) => h.policy.clone(),
            None => HospitalPolicy {
                report_cutoff: imported_cutoff,
                ..match self.default_jurisdiction {
                    Jurisdiction::Belgium => HospitalPolicy::belgian(),
                    Jurisdiction::Netherlands => HospitalPolicy::dutch(),
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use time::macros::date;

    const GOOD: &str = r#"
name = "Demo"
[default]
jurisdiction = "NL"

[[hospital]]
id = "az"
name = "AZ Voorbeeld"
jurisdiction = "BE"
report_cutoff = "2016-08-15"
contact = { phone = "+32 16 00 00 00", email = "portaal@azvoorbeeld.be" }

[[hospital]]
id = "umc"
jurisdiction = "NL"
shows_children_reports = false
shows_consultation_notes = true
requests = { copy_term_working_days = 20, psychiatry_held_by = "UPC", imaging_dvd_fee_cents = 500 }
"#;

    #[test]
    fn video_servers_are_read_and_checked() {
        let n = Network::parse(
            "name = \"N\"\n[video]\nice_servers = [{ urls = [\"stun:stun.example.org:3478\"] }, \
             { urls = [\"turns:turn.example.org:5349\"], username = \"u\", credential = \"p\" }]",
        )
        .unwrap();
        assert_eq!(n.ice_servers.len(), 2);
        assert_eq!(n.ice_servers[1].username.as_deref(), Some("u"));
        assert!(Network::parse("name = \"N\"")
            .unwrap()
            .ice_servers
            .is_empty());
        for (bad, says) in [
            ("{ urls = [] }", "at least one"),
            ("{ urls = [\"https://stun.example.org\"] }", "not a stun:"),
            ("{ urls = [\"turn:t.example.org\"] }", "needs `username`"),
            (
                "{ urls = [\"stun:s.example.org\"], username = \"u\" }",
                "go together",
            ),
            (
                "{ urls = [\"stun:s.example.org\"], password = \"p\" }",
                "unknown field",
            ),
        ] {
            let text = format!("name = \"N\"\n[video]\nice_servers = [{bad}]");
            let error = format!("{:#}", Network::parse(&text).unwrap_err());
            assert!(error.contains(says), "{bad}: {error}");
        }
    }

    #[test]
    fn a_network_file_gives_each_hospital_its_policy() {
        let n = Network::parse(GOOD).unwrap();
        let az = n.policy("az", None);
        assert_eq!(az.jurisdiction, Jurisdiction::Belgium);
        assert_eq!(az.report_cutoff, Some(date!(2016 - 08 - 15)));
        assert_eq!(az.time_zone, TimeZone::EuropeBrussels);
        let umc = n.policy("umc", Some(date!(2020 - 01 - 01)));
        assert_eq!(umc.time_zone, TimeZone::EuropeAmsterdam);
        assert_eq!(umc.report_cutoff, None, "the file's setting wins");
        assert!(!umc.shows_children_reports);
        assert!(umc.shows_consultation_notes && !az.shows_consultation_notes);
        assert_eq!(
            n.code_card,
            CodeCardMode::Rotation,
            "rotation unless the file says otherwise"
        );
        let single = Network::parse("name = \"N\"\n[login]\ncode_card = \"single_use\"").unwrap();
        assert_eq!(single.code_card, CodeCardMode::SingleUse { renew_at: 4 });
        let other = n.policy("unlisted", Some(date!(2016 - 08 - 15)));
        assert_eq!(other.jurisdiction, Jurisdiction::Netherlands);
        assert_eq!(other.report_cutoff, Some(date!(2016 - 08 - 15)));
        assert_eq!(
            n.hospital("az").unwrap().contact.phone.as_deref(),
            Some("+32 16 00 00 00")
        );
        assert_eq!(n.request_policy("az"), RequestPolicy::belgian());
        let umc = n.request_policy("umc");
        assert_eq!(umc.copy_term, Term::WorkingDays(20));
        assert_eq!(umc.psychiatry_held_by.as_deref(), Some("UPC"));
        assert_eq!(umc.imaging_dvd_fee_cents, 500);
        assert_eq!(umc.retention_years, 20, "Dutch defaults for the rest");
        assert_eq!(n.request_policy("unlisted"), RequestPolicy::dutch());
    }

    #[test]
    fn bad_files_are_refused_with_the_field_named() {
        let table = [
            ("name = \"\"", "`name`: the network needs a name"),
            ("name = \"N\"\nextra = 1", "unknown field `extra`"),
            (
                "name = \"N\"\n[[hospital]]\nid = \"a\"\njurisdiction = \"DE\"",
                "unknown variant `DE`",
            ),
            (
                "name = \"N\"\n[[hospital]]\nid = \"a\"\njurisdiction = \"BE\"\nreport_cutoff = \"15/08/2016\"",
                "hospital[0].report_cutoff (id `a`): `15/08/2016` is not a date like 2016-08-15",
            ),
            (
                "name = \"N\"\n[[hospital]]\nid = \"a\"\njurisdiction = \"BE\"\nparent_link_until_age = 21",
                "hospital[0].parent_link_until_age (id `a`): 21 is not an age between 12 and 18",
            ),
            (
                "name = \"N\"\n[[hospital]]\nid = \"a\"\njurisdiction = \"BE\"\ncontact = { email = \"x\" }",
                "hospital[0].contact.email (id `a`): `x`",
            ),
            (
                "name = \"N\"\n[[hospital]]\nid = \"a\"\njurisdiction = \"BE\"\n[[hospital]]\nid = \"a\"\njurisdiction = \"NL\"",
                "hospital[1].id: `a` is listed twice",
            ),
            (
                "name = \"N\"\n[[hospital]]\nid = \"a\"\njurisdiction = \"BE\"\nrequests = { copy_term_months = 6 }",
                "hospital[0].requests.copy_term_months (id `a`): 6 is not between 1 and 3 months",
            ),
            (
                "name = \"N\"\n[[hospital]]\nid = \"a\"\njurisdiction = \"BE\"\nrequests = { copy_term_months = 1, copy_term_working_days = 20 }",
                "hospital[0].requests (id `a`): give `copy_term_months` or `copy_term_working_days`, not both",
            ),
            (
                "name = \"N\"\n[[hospital]]\nid = \"a\"\njurisdiction = \"NL\"\nrequests = { core_retention_years = 10 }",
                "hospital[0].requests.core_retention_years (id `a`): 10 is less than retention_years (20)",
            ),
            (
                "name = \"N\"\n[[hospital]]\nid = \"a\"\njurisdiction = \"NL\"\nrequests = { psychiatry_held_by = \" \" }",
                "hospital[0].requests.psychiatry_held_by (id `a`): empty",
            ),
            (
                "name = \"N\"\n[[hospital]]\nid = \"a\"\njurisdiction = \"BE\"\nappointments = { book = true, change_until_hours = 721 }",
                "hospital[0].appointments.change_until_hours (id `a`): 721 is more than 720 hours",
            ),
            (
                "name = \"N\"\n[[hospital]]\nid = \"a\"\njurisdiction = \"BE\"\nappointments = { bok = true }",
                "unknown field `bok`",
            ),
            (
                "name = \"N\"\n[[hospital]]\nid = \"a\"\njurisdiction = \"BE\"\nrelease = { reports_after_days = 32 }",
                "hospital[0].release.reports_after_days (id `a`): 32 is more than 31 days",
            ),
            (
                "name = \"N\"\n[login]\ncode_card = \"once\"",
                "login.code_card: `once` is neither `rotation` nor `single_use`",
            ),
            (
                "name = \"N\"\n[login]\ncode_card = \"single_use\"\nrenew_at = 24",
                "login.renew_at: 24 is not below the card's 24 codes",
            ),
            (
                "name = \"N\"\n[login]\ncode_card = \"rotation\"\nrenew_at = 3",
                "login.renew_at: only a `single_use` card is renewed",
            ),
            (
                "name = \"N\"\n[login]\nterms_version = \"\"",
                "login.terms_version: `` is not a version",
            ),
            (
                "name = \"N\"\n[login]\nhelpdesk = { email = \"nee\" }",
                "login.helpdesk.email: `nee`",
            ),
        ];
        for (text, expected) in table {
            let e = format!("{:#}", Network::parse(text).unwrap_err());
            assert!(e.contains(expected), "{e}\n expected: {expected}");
        }
    }

    #[test]
    fn the_demo_network_is_valid() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../config/demo-network.toml");
        let n = Network::load(Path::new(path)).unwrap();
        assert!(n
            .hospitals
            .values()
            .any(|h| h.policy.jurisdiction == Jurisdiction::Belgium));
        assert!(n
            .hospitals
            .values()
            .any(|h| h.policy.jurisdiction == Jurisdiction::Netherlands));
        let online = n.online_appointments("inzage-demo-az-voorbeeld");
        assert!(online.book && online.reschedule && online.cancel);
        assert_eq!(online.change_until_hours, 24);
        assert_eq!(
            n.online_appointments("not-listed"),
            OnlineAppointments::default(),
            "a hospital the file does not list offers nothing online"
        );
    }
}
