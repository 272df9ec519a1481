//! Plain-language explanations of decisions, in Dutch, English and French.
//!
//! A decision's reasons are message keys with arguments; this module turns the reasons of the
//! rule catalogue into sentences a patient understands ("Uw huisarts ziet uw dossier
//! automatisch…"), so the browser, the server and other users of the crate explain a decision in
//! the same words.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::access::{Decision, RuleId};
use crate::message::Message;

/// A language the portal speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English.
    En,
    /// French, for Belgian hospitals.
    Fr,
}

impl Language {
    /// Every language, in the order the portal offers them.
    pub const ALL: [Language; 3] = [Language::Nl, Language::En, Language::Fr];

    /// The language's code: `nl`, `en` or `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
            Language::Fr => "fr",
        }
    }

    /// The language of a code or a browser language tag (`fr-BE`, `en-GB`, `nl`), if the
    /// portal speaks it.
    /// ```
    /// use inzage_domain::explain::Language;
    /// assert_eq!(Language::from_tag("fr-BE"), Some(Language::Fr));
    /// assert_eq!(Language::from_tag("NL"), Some(Language::Nl));
    /// assert_eq!(Language::from_tag("de-DE"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }
}

/// The sentence for a rule's reason, with `{name}` placeholders for its arguments.
pub fn template(rule: RuleId, lang: Language) -> &'static str {
    use Language::*;
    use RuleId::*;
    match (rule, lang) {
        (DefaultDeny, Nl) => "Niemand heeft u toegang gegeven tot dit dossier.",
        (DefaultDeny, En) => "Nobody has given you access to this record.",
        (DefaultDeny, Fr) => "Personne ne vous a donné accès à ce dossier.",
        (OwnRecord, Nl) => "Dit is uw eigen dossier.",
        (OwnRecord, En) => "This is your own record.",
        (OwnRecord, Fr) => "Il s'agit de votre propre dossier.",
        (OwnRecordTooYoung, Nl) => "Tot {age} jaar bekijken uw ouders uw dossier voor u.",
        (OwnRecordTooYoung, En) => "Until you are {age}, your parents view your record for you.",
        (OwnRecordTooYoung, Fr) => "Jusqu'à {age} ans, vos parents consultent votre dossier pour vous.",
        (TreatingRelationship, Nl) => "{practitioner} behandelt u in dit ziekenhuisnetwerk en ziet uw dossier zolang de behandeling loopt.",
        (TreatingRelationship, En) => "{practitioner} treats you in this hospital network and sees your record while the treatment lasts.",
        (TreatingRelationship, Fr) => "{practitioner} vous soigne dans ce réseau hospitalier et voit votre dossier tant que le traitement dure.",
        (GeneralPractitioner, Nl) => "Uw huisarts {practitioner} ziet uw dossier automatisch. U kunt dit intrekken.",
        (GeneralPractitioner, En) => "Your GP {practitioner} sees your record automatically. You can withdraw this.",
        (GeneralPractitioner, Fr) => "Votre médecin généraliste {practitioner} voit votre dossier automatiquement. Vous pouvez le retirer.",
        (GpAccessRefused, Nl) => "U hebt de automatische toegang van uw huisarts {practitioner} ingetrokken.",
        (GpAccessRefused, En) => "You withdrew the automatic access of your GP {practitioner}.",
        (GpAccessRefused, Fr) => "Vous avez retiré l'accès automatique de votre médecin généraliste {practitioner}.",
        (ReferrerConsent, Nl) => "U hebt {practitioner} toestemming gegeven om uw dossier te bekijken. U kunt ze intrekken.",
        (ReferrerConsent, En) => "You allowed {practitioner} to see your record. You can withdraw this.",
        (ReferrerConsent, Fr) => "Vous avez autorisé {practitioner} à consulter votre dossier. Vous pouvez retirer cette autorisation.",
        (ReferrerConsentRevoked, Nl) => "U hebt de toestemming voor {practitioner} ingetrokken.",
        (ReferrerConsentRevoked, En) => "You withdrew your consent for {practitioner}.",
        (ReferrerConsentRevoked, Fr) => "Vous avez retiré votre autorisation pour {practitioner}.",
        (Exclusion, Nl) => "U hebt {practitioner} uitgesloten. Dat gaat boven elke andere toegang.",
        (Exclusion, En) => "You excluded {practitioner}. That overrides every other access.",
        (Exclusion, Fr) => "Vous avez exclu {practitioner}. Cela prime sur tout autre accès.",
        (ExchangeWithConsent, Nl) => "U gaf toestemming voor elektronische uitwisseling en {practitioner} behandelt u nu.",
        (ExchangeWithConsent, En) => "You consented to electronic exchange and {practitioner} is treating you now.",
        (ExchangeWithConsent, Fr) => "Vous avez consenti au partage électronique et {practitioner} vous soigne actuellement.",
        (ExchangeNotAllowed, Nl) => "Uitwisseling met {practitioner} kan alleen met uw toestemming en als die u nu behandelt.",
        (ExchangeNotAllowed, En) => "Exchange with {practitioner} needs your consent and a treatment now.",
        (ExchangeNotAllowed, Fr) => "Le partage avec {practitioner} exige votre consentement et un traitement en cours.",
        (EmergencyAccess, Nl) => "{practitioner} opende uw dossier in een noodgeval, met als reden: {reason}.",
        (EmergencyAccess, En) => "{practitioner} opened your record in an emergency, giving as reason: {reason}.",
        (EmergencyAccess, Fr) => "{practitioner} a ouvert votre dossier en urgence, pour la raison suivante : {reason}.",
        (BeParentLink, Nl) => "U bent als ouder gekoppeld aan het dossier van uw kind, tot {until}.",
        (BeParentLink, En) => "You are linked as a parent to your child's record, until {until}.",
        (BeParentLink, Fr) => "Vous êtes lié en tant que parent au dossier de votre enfant, jusqu'au {until}.",
        (BeParentLinkEnded, Nl) => "De koppeling met uw kind eindigde op {age} jaar ({since}). Uw kind kan u nu zelf toegang geven.",
        (BeParentLinkEnded, En) => "The link with your child ended at age {age} ({since}). Your child can now give you access.",
        (BeParentLinkEnded, Fr) => "Le lien avec votre enfant a pris fin à {age} ans ({since}). Votre enfant peut maintenant vous donner accès.",
        (NlParentUnder12, Nl) => "U hebt het gezag over uw kind jonger dan 12 jaar.",
        (NlParentUnder12, En) => "You have parental authority over your child under 12.",
        (NlParentUnder12, Fr) => "Vous exercez l'autorité parentale sur votre enfant de moins de 12 ans.",
        (NlParentWithChildConsent, Nl) => "Uw kind van 12 tot 16 jaar gaf u toestemming.",
        (NlParentWithChildConsent, En) => "Your child aged 12 to 16 gave you consent.",
        (NlParentWithChildConsent, Fr) => "Votre enfant de 12 à 16 ans vous a donné son accord.",
        (NlChildConsentMissing, Nl) => "Uw kind is 12 of ouder: u hebt de toestemming van uw kind nodig.",
        (NlChildConsentMissing, En) => "Your child is 12 or older: you need your child's consent.",
        (NlChildConsentMissing, Fr) => "Votre enfant a 12 ans ou plus : son accord est nécessaire.",
        (NlChildDecidesAlone, Nl) => "Vanaf 16 jaar beslist uw kind zelf over het dossier.",
        (NlChildDecidesAlone, En) => "From 16 your child decides about the record alone.",
        (NlChildDecidesAlone, Fr) => "À partir de 16 ans, votre enfant décide seul de son dossier.",
        (NlParentWithoutAuthority, Nl) => "Zonder ouderlijk gezag hebt u geen toegang via het portaal. U kunt informatie vragen aan de arts.",
        (NlParentWithoutAuthority, En) => "Without parental authority you have no access through the portal. You can ask the doctor for information.",
        (NlParentWithoutAuthority, Fr) => "Sans autorité parentale, vous n'avez pas accès via le portail. Vous pouvez demander des informations au médecin.",
        (BeTrustedPerson, Nl) => "De patiënt duidde u aan als vertrouwenspersoon: u mag het dossier inkijken en een kopie vragen.",
        (BeTrustedPerson, En) => "The patient named you as trusted person: you may inspect the record and ask for a copy.",
        (BeTrustedPerson, Fr) => "Le patient vous a désigné comme personne de confiance : vous pouvez consulter le dossier et en demander une copie.",
        (BeRepresentative, Nl) => "U bent vertegenwoordiger en handelt voor de patiënt zolang die dat zelf niet kan.",
        (BeRepresentative, En) => "You are the representative and act for the patient while they cannot.",
        (BeRepresentative, Fr) => "Vous êtes le représentant et agissez pour le patient tant qu'il ne peut pas le faire.",
        (BeRepresentativeNotNeeded, Nl) => "Een vertegenwoordiger handelt alleen wanneer de patiënt het zelf niet kan.",
        (BeRepresentativeNotNeeded, En) => "A representative acts only while the patient cannot.",
        (BeRepresentativeNotNeeded, Fr) => "Un représentant n'agit que lorsque le patient ne peut pas le faire lui-même.",
        (NlAuthorisation, Nl) => "U bent gemachtigd ({authorisation}) om voor de patiënt te handelen.",
        (NlAuthorisation, En) => "You are authorised ({authorisation}) to act for the patient.",
        (NlAuthorisation, Fr) => "Vous êtes mandaté ({authorisation}) pour agir au nom du patient.",
        (DesignationRevoked, Nl) => "Uw aanduiding of machtiging werd ingetrokken.",
        (DesignationRevoked, En) => "Your designation or authorisation was revoked.",
        (DesignationRevoked, Fr) => "Votre désignation ou votre mandat a été révoqué.",
        (Death, Nl) => "De patiënt is overleden: de toegang via het portaal is beëindigd.",
        (Death, En) => "The patient has died: access through the portal has ended.",
        (Death, Fr) => "Le patient est décédé : l'accès via le portail a pris fin.",
        (BeRelativeAfterDeath, Nl) => "Als naaste familie kunt u het dossier alleen onrechtstreeks inzien, via een arts, met een gemotiveerde aanvraag.",
        (BeRelativeAfterDeath, En) => "As a close relative you can consult the record only indirectly, through a doctor, with a motivated request.",
        (BeRelativeAfterDeath, Fr) => "En tant que proche parent, vous ne pouvez consulter le dossier qu'indirectement, via un médecin, sur demande motivée.",
        (BeObjectionAfterDeath, Nl) => "De patiënt heeft zich verzet tegen inzage door familie na het overlijden.",
        (BeObjectionAfterDeath, En) => "The patient objected to relatives consulting the record after death.",
        (BeObjectionAfterDeath, Fr) => "Le patient s'est opposé à la consultation du dossier par ses proches après son décès.",
        (NlRelativeAfterDeath, Nl) => "Na het overlijden weegt een arts uw verzoek af.",
        (NlRelativeAfterDeath, En) => "After death a doctor weighs your request.",
        (NlRelativeAfterDeath, Fr) => "Après le décès, un médecin examine votre demande.",
        (DataReuseOnlyPatient, Nl) => "Alleen de patiënt zelf kan bezwaar maken tegen hergebruik van gegevens.",
        (DataReuseOnlyPatient, En) => "Only the patient can object to the reuse of data.",
        (DataReuseOnlyPatient, Fr) => "Seul le patient peut s'opposer à la réutilisation des données.",
        (ReportNotValidated, Nl) => "Dit verslag is nog niet goedgekeurd door de arts.",
        (ReportNotValidated, En) => "This report has not yet been approved by the doctor.",
        (ReportNotValidated, Fr) => "Ce rapport n'a pas encore été validé par le médecin.",
        (ReportShielded, Nl) => "Uw zorgteam heeft dit verslag afgeschermd. Vraag ernaar bij uw arts.",
        (ReportShielded, En) => "Your care team shielded this report. Ask your doctor about it.",
        (ReportShielded, Fr) => "Votre équipe soignante a protégé ce rapport. Demandez-le à votre médecin.",
        (ReportBeforeCutoff, Nl) => "Het portaal toont verslagen vanaf {cutoff}.",
        (ReportBeforeCutoff, En) => "The portal shows reports from {cutoff} on.",
        (ReportBeforeCutoff, Fr) => "Le portail affiche les rapports à partir du {cutoff}.",
        (ChildReportHidden, Nl) => "Dit ziekenhuis toont geen verslagen van vóór de leeftijd van 18 jaar in het portaal.",
        (ChildReportHidden, En) => "This hospital does not show reports from before age 18 in the portal.",
        (ChildReportHidden, Fr) => "Cet hôpital n'affiche pas dans le portail les rapports d'avant 18 ans.",
        (ConsultationNoteNotReleased, Nl) => "Dit ziekenhuis toont de notities van consultaties niet in het portaal, alleen de verslagen. U kunt ze opvragen met een aanvraag om een kopie.",
        (ConsultationNoteNotReleased, En) => "This hospital does not show the notes of consultations in the portal, only the reports. You can ask for them with a request for a copy.",
        (ConsultationNoteNotReleased, Fr) => "Cet hôpital n'affiche pas les notes de consultation dans le portail, seulement les rapports. Vous pouvez les obtenir par une demande de copie.",
        (HeldByCareTeam, Nl) => "Het ziekenhuis toont nieuwe uitslagen en verslagen van deze soort pas enkele dagen later, zodat uw arts ze eerst met u kan bespreken.",
        (HeldByCareTeam, En) => "The hospital shows new results and reports of this kind only some days later, so that your doctor can discuss them with you first.",
        (HeldByCareTeam, Fr) => "L'hôpital n'affiche les nouveaux résultats et rapports de ce type que quelques jours plus tard, afin que votre médecin puisse d'abord en parler avec vous.",
        (HeldAtPatientsChoice, Nl) => "U koos ervoor nieuwe uitslagen en verslagen van deze soort later te zien. U kunt die keuze altijd wijzigen onder Toegangen.",
        (HeldAtPatientsChoice, En) => "You chose to see new results and reports of this kind later. You can change that choice at any time under Access.",
        (HeldAtPatientsChoice, Fr) => "Vous avez choisi de voir plus tard les nouveaux résultats et rapports de ce type. Vous pouvez modifier ce choix à tout moment sous Accès.",
    }
}

const MONTHS: [[&str; 12]; 3] = [
    [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
];

/// The days of the week from Monday, per language.
const WEEKDAYS: [[&str; 7]; 3] = [
    [
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ],
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
];

/// A date with its day of the week: "maandag 30 november 2026", "Monday 30 November 2026",
/// "lundi 30 novembre 2026".
/// ```
/// use inzage_domain::explain::{weekday_date, Language};
/// use time::macros::date;
/// assert_eq!(weekday_date(date!(2026 - 11 - 30), Language::Nl), "maandag 30 november 2026");
/// assert_eq!(weekday_date(date!(2026 - 12 - 06), Language::Fr), "dimanche 6 décembre 2026");
/// ```
pub fn weekday_date(d: Date, lang: Language) -> String {
    let day = WEEKDAYS[lang as usize][usize::from(d.weekday().number_days_from_monday())];
    format!("{day} {}", long_date(d, lang))
}

/// A date written out in a language: "15 augustus 2016", "15 August 2016", "15 août 2016".
/// ```
/// use inzage_domain::explain::{long_date, Language};
/// use time::macros::date;
/// assert_eq!(long_date(date!(2016 - 08 - 15), Language::Fr), "15 août 2016");
/// ```
pub fn long_date(d: Date, lang: Language) -> String {
    let months = &MONTHS[lang as usize];
    format!(
        "{} {} {}",
        d.day(),
        months[usize::from(u8::from(d.month())) - 1],
        d.year()
    )
}

/// The sentence of one reason, its arguments filled in (dates written out); `None` when the key
/// is not a rule's reason.
/// ```
/// use inzage_domain::explain::{explain_reason, Language};
/// use inzage_domain::Message;
/// let reason = Message::new("reason.report_before_cutoff").arg("cutoff", "2016-08-15");
/// assert_eq!(
///     explain_reason(&reason, Language::En).as_deref(),
///     Some("The portal shows reports from 15 August 2016 on.")
/// );
/// ```
pub fn explain_reason(reason: &Message, lang: Language) -> Option<String> {
    let rule = rule_of_key(&reason.key)?;
    let mut text = template(rule, lang).to_owned();
    for (name, value) in &reason.args {
        let value = crate::calendar::parse_iso_date(value)
            .map(|d| long_date(d, lang))
            .unwrap_or_else(|| value.clone());
        text = text.replace(&format!("{{{name}}}"), &value);
    }
    Some(text)
}

/// Every reason of a decision as sentences.
/// ```
/// use inzage_domain::access::*;
/// use inzage_domain::explain::{explain, Language};
/// use time::macros::{date, datetime};
/// let facts = Facts {
///     patient: Patient { id: PersonId("p1".into()), birth_date: Some(date!(1970 - 01 - 01)), died_at: None },
///     hospital: HospitalPolicy::belgian(),
///     facts: vec![Fact::GeneralPractitioner {
///         practitioner: PractitionerId("dr. Janssens".into()),
///         period: Period::since(datetime!(2020-01-01 0:00 UTC)),
///     }],
/// };
/// let request = Request {
///     principal: Principal::Practitioner { id: PractitionerId("dr. Janssens".into()) },
///     action: Action::Read,
///     resource: Resource::Record,
/// };
/// let decision = decide(&request, &facts, datetime!(2026-11-27 12:00 UTC));
/// assert_eq!(
///     explain(&decision, Language::Nl),
///     vec!["Uw huisarts dr. Janssens ziet uw dossier automatisch. U kunt dit intrekken."]
/// );
/// ```
pub fn explain(decision: &Decision, lang: Language) -> Vec<String> {
    decision
        .reasons
        .iter()
        .filter_map(|r| explain_reason(r, lang))
        .collect()
}

/// The rule whose reason key this is.
pub fn rule_of_key(key: &str) -> Option<RuleId> {
    RuleId::ALL.iter().copied().find(|r| r.reason_key() == key)
}
