//! Dutch texts for every message key of the domain and the screens, and Dutch date formatting.
//!
//! Dutch is the portal's default language. The keys are the ones the domain crate and the server
//! produce, so validation errors and reasons read the same whether the browser or the server
//! found them.

use inzage_domain::calendar::{parse_iso_date, TimeZone};
use inzage_domain::explain::{long_date, Language};
use inzage_domain::Message;
use time::Date;

/// The Dutch text of a key; `None` for an unknown key.
pub fn nl(key: &str) -> Option<&'static str> {
    Some(match key {
        // Screens.
        "app.name" => "Inzage",
        "app.tagline" => "Uw medisch dossier, veilig online",
        "nav.skip" => "Naar de inhoud",
        "nav.reports" => "Verslagen",
        "nav.logout" => "Afmelden",
        "nav.logged_in_as" => "Aangemeld als",
        "login.title" => "Aanmelden",
        "login.intro" => "Meld u aan met uw gebruikersnaam, uw wachtwoord en een code van uw codekaart.",
        "login.username" => "Gebruikersnaam",
        "login.username.hint" => "Uw rijksregisternummer, uw patiëntnummer of de gebruikersnaam die u koos.",
        "login.password" => "Wachtwoord",
        "login.next" => "Volgende",
        "login.code" => "Code {position} van uw codekaart",
        "login.code.hint" => "Typ de 8 cijfers die op uw codekaart bij nummer {position} staan.",
        "login.submit" => "Aanmelden",
        "login.back" => "Terug",
        "login.busy" => "Even geduld…",
        "reports.title" => "Verslagen",
        "reports.empty" => "Er zijn nog geen verslagen die u online kunt lezen.",
        "reports.loading" => "Verslagen worden geladen…",
        "reports.missing.title" => "Waarom zie ik een verslag niet?",
        "reports.missing.validation" => "Een verslag verschijnt pas wanneer de arts het heeft goedgekeurd (gevalideerd).",
        "reports.missing.shielded" => "Uw zorgteam kan een verslag afschermen, bijvoorbeeld wanneer het eerst met u besproken moet worden of gegevens over anderen bevat. Vraag ernaar bij uw arts.",
        "reports.missing.cutoff" => "{hospital} toont verslagen vanaf {cutoff}.",
        "reports.column.date" => "Datum",
        "reports.column.title" => "Verslag",
        "reports.column.hospital" => "Ziekenhuis",
        "report.back" => "Terug naar de verslagen",
        "report.date" => "Datum",
        "report.hospital" => "Ziekenhuis",
        "report.author" => "Auteur",
        "report.category" => "Soort",
        "report.conclusion" => "Besluit",
        "report.results" => "Resultaten",
        "report.result.name" => "Onderzoek",
        "report.result.value" => "Waarde",
        "report.result.unit" => "Eenheid",
        "report.text" => "Verslag",
        "report.loading" => "Verslag wordt geladen…",
        "report.questions" => "Vragen over dit verslag?",
        "report.questions.intro" => "Neem contact op met {hospital}.",
        "contact.phone" => "Telefoon",
        "contact.email" => "E-mail",
        "contact.website" => "Website",
        "notfound.title" => "Pagina niet gevonden",
        "notfound.body" => "Deze pagina bestaat niet.",
        // Errors from the server.
        "error.not_found" => "Dit verslag bestaat niet, of u hebt er geen toegang toe.",
        "error.unauthenticated" => "U bent niet (meer) aangemeld. Meld u opnieuw aan.",
        "error.validation" => "Controleer de gemarkeerde velden.",
        "error.bad_request" => "Het verzoek was onvolledig. Probeer het opnieuw.",
        "error.internal" => "Er ging iets mis bij ons. Probeer het later opnieuw.",
        "error.network" => "Geen verbinding met de server. Controleer uw internetverbinding en probeer opnieuw.",
        "login.failed" => "De combinatie van gebruikersnaam, wachtwoord en code klopt niet. Probeer opnieuw met een nieuwe code.",
        "login.challenge_invalid" => "Uw aanmelding duurde te lang. Begin opnieuw.",
        "login.locked" => "Na te veel mislukte pogingen is aanmelden tijdelijk geblokkeerd, tot {until}.",
        // Validation (domain crate).
        "login.username.empty" => "Vul uw gebruikersnaam in.",
        "insz.empty" => "Vul uw rijksregisternummer in.",
        "insz.invalid_character" => "Een rijksregisternummer bevat alleen cijfers.",
        "insz.wrong_length" => "Een rijksregisternummer heeft 11 cijfers.",
        "insz.invalid_date" => "Dit rijksregisternummer bevat geen geldige geboortedatum.",
        "insz.invalid_checksum" => "Dit rijksregisternummer klopt niet. Controleer de cijfers.",
        "insz.invalid_serial" => "Dit rijksregisternummer heeft een ongeldig volgnummer.",
        "bsn.empty" => "Vul uw BSN in.",
        "bsn.invalid_character" => "Een BSN bevat alleen cijfers.",
        "bsn.wrong_length" => "Een BSN heeft 9 cijfers.",
        "bsn.invalid_checksum" => "Dit BSN klopt niet. Controleer de cijfers.",
        "record_number.invalid_character" => "Een patiëntnummer bevat alleen cijfers.",
        "record_number.wrong_length" => "Een patiëntnummer heeft 4 tot 10 cijfers.",
        "username.too_short" => "Een gebruikersnaam heeft minstens 3 tekens.",
        "username.too_long" => "Een gebruikersnaam heeft hoogstens 64 tekens.",
        "username.must_start_with_letter" => "Een gebruikersnaam begint met een letter.",
        "username.invalid_character" => "Een gebruikersnaam bevat alleen letters, cijfers, punten, liggende streepjes en koppeltekens.",
        "password.empty" => "Vul uw wachtwoord in.",
        "password.too_short" => "Een wachtwoord heeft minstens 8 tekens.",
        "password.too_long" => "Een wachtwoord heeft hoogstens 128 tekens.",
        "code_card.answer.empty" => "Vul de code van uw codekaart in.",
        "code_card.answer.invalid_character" => "Een code bevat alleen cijfers.",
        "code_card.answer.wrong_length" => "Een code heeft 8 cijfers.",
        "code_card.position.out_of_range" => "Deze positie bestaat niet op een codekaart.",
        "email.empty" => "Vul uw e-mailadres in.",
        "email.too_long" => "Een e-mailadres heeft hoogstens 254 tekens.",
        "email.missing_at" => "Een e-mailadres bevat een @.",
        "email.invalid_local_part" => "Het deel vóór de @ is niet geldig.",
        "email.invalid_domain" => "Het deel na de @ is geen geldige domeinnaam.",
        "birth_date.empty" => "Vul uw geboortedatum in.",
        "birth_date.invalid_format" => "Schrijf de geboortedatum als DD-MM-JJJJ.",
        "birth_date.invalid_date" => "Deze dag bestaat niet.",
        "birth_date.in_the_future" => "Een geboortedatum ligt niet in de toekomst.",
        "birth_date.too_long_ago" => "Een geboortedatum ligt na 1 januari 1900.",
        _ => return None,
    })
}

/// The Dutch text of a key without arguments; the key itself when it has no text, so a gap is
/// visible instead of silent.
pub fn t(key: &str) -> String {
    nl(key).map(str::to_owned).unwrap_or_else(|| key.to_owned())
}

/// The Dutch text of a message, its `{name}` arguments filled in. Dates (`YYYY-MM-DD`) and
/// instants (RFC 3339) in arguments are written the Dutch way.
pub fn tr(message: &Message) -> String {
    let mut text = t(&message.key);
    for (name, value) in &message.args {
        text = text.replace(&format!("{{{name}}}"), &format_value(value));
    }
    text
}

/// A text with one argument.
pub fn t1(key: &str, name: &'static str, value: &str) -> String {
    tr(&Message::new(key.to_owned()).arg(name, value))
}

/// A date as "12 maart 2024".
pub fn date(d: Date) -> String {
    long_date(d, Language::Nl)
}

fn format_value(v: &str) -> String {
    if let Some(d) = parse_iso_date(v) {
        return date(d);
    }
    if let Ok(t) = time::OffsetDateTime::parse(v, &time::format_description::well_known::Rfc3339) {
        // The portal's hospitals are in Belgium and the Netherlands: show their local time.
        let local = t.to_offset(TimeZone::EuropeBrussels.offset_at(t));
        return format!(
            "{} om {:02}:{:02}",
            date(local.date()),
            local.hour(),
            local.minute()
        );
    }
    v.to_owned()
}
