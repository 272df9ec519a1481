//! Dutch texts for every message key of the domain and the screens, and Dutch date formatting.
//!
//! Dutch is the portal's default language. The keys are the ones the domain crate and the server
//! produce, so validation errors and reasons read the same whether the browser or the server
//! found them.

use inzage_domain::calendar::{parse_iso_date, TimeZone};
use inzage_domain::explain::{explain_reason, long_date, Language};
use inzage_domain::Message;
use time::{Date, OffsetDateTime};

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
        "nav.access" => "Toegangen",
        "nav.audit" => "Wie bekeek mijn dossier",
        "nav.provider" => "Mijn patiënten",
        "nav.main" => "Hoofdmenu",
        "common.loading" => "Even geduld, de gegevens worden geladen…",
        "common.cancel" => "Annuleren",
        "common.confirm" => "Bevestigen",
        // The "Toegangen" page.
        "access.title" => "Toegangen",
        "access.intro" => "Hier ziet u wie uw dossier kan bekijken en waarom. U kunt toegang intrekken, herstellen of een zorgverlener uitsluiten. Elke wijziging vraagt eerst uw bevestiging.",
        "access.people.title" => "Wie kan uw dossier bekijken?",
        "access.people.empty" => "Er zijn geen zorgverleners of andere personen aan uw dossier gekoppeld.",
        "access.group.general_practitioner" => "Huisarts",
        "access.group.treating" => "Behandelende zorgverleners",
        "access.group.referrer" => "Verwijzers",
        "access.group.emergency" => "Noodtoegang",
        "access.group.trusted_person" => "Vertrouwenspersoon",
        "access.group.representative" => "Vertegenwoordiger",
        "access.group.parent" => "Ouders",
        "access.group.excluded" => "Uitgesloten zorgverleners",
        "access.treating.note" => "Zorgverleners die u behandelen in het ziekenhuisnetwerk zien uw dossier zolang de behandeling loopt. Dat kunt u niet weigeren, maar u kunt wel een bepaalde zorgverlener uitsluiten.",
        "access.can_read" => "Kan uw dossier bekijken",
        "access.cannot_read" => "Kan uw dossier niet bekijken",
        "access.why" => "Waarom",
        "role.general_practitioner" => "Huisarts",
        "role.specialist" => "Specialist",
        "role.referrer" => "Verwijzer",
        "command.refuse_gp" => "Toegang huisarts intrekken",
        "command.restore_gp" => "Toegang huisarts herstellen",
        "command.approve_referrer" => "Toestaan",
        "command.refuse_referrer" => "Weigeren",
        "command.revoke_referrer" => "Toestemming intrekken",
        "command.exclude" => "Uitsluiten",
        "command.lift_exclusion" => "Uitsluiting opheffen",
        "command.give_exchange_consent" => "Toestemming geven",
        "command.withdraw_exchange_consent" => "Toestemming intrekken",
        "command.opt_out_of_reuse" => "Bezwaar maken tegen hergebruik",
        "command.withdraw_reuse_opt_out" => "Bezwaar intrekken",
        "command.end_treatment" => "Behandelrelatie beëindigen",
        "access.requests.title" => "Aanvragen van verwijzers",
        "access.requests.empty" => "Er zijn geen aanvragen die op uw antwoord wachten.",
        "access.request.filed" => "Aangevraagd op {date}",
        "access.request.reason" => "Reden",
        "access.exchange.title" => "Gegevensdeling tussen ziekenhuizen (eHealth)",
        "access.exchange.intro" => "Met uw toestemming kunnen zorgverleners die u behandelen in een ander ziekenhuis of een andere praktijk uw verslagen elektronisch opvragen via het eHealth-netwerk. U kunt die toestemming altijd intrekken.",
        "access.exchange.given" => "U hebt toestemming gegeven voor gegevensdeling.",
        "access.exchange.not_given" => "U hebt geen toestemming gegeven voor gegevensdeling.",
        "access.reuse.title" => "Hergebruik van uw gegevens voor onderzoek",
        "access.reuse.intro" => "Uw gegevens kunnen, zonder uw naam, gebruikt worden voor wetenschappelijk onderzoek buiten de zorg. U kunt daartegen bezwaar maken.",
        "access.reuse.not_retroactive" => "Uw bezwaar werkt niet terug: gegevens die al vóór uw bezwaar gebruikt werden, blijven in dat onderzoek.",
        "access.reuse.public_interest" => "Uw bezwaar geldt niet voor hergebruik in het algemeen belang dat de wet voorschrijft, zoals het Kankerregister.",
        "access.reuse.opted_out_since" => "U maakt sinds {date} bezwaar tegen hergebruik.",
        "access.reuse.not_opted_out" => "U hebt geen bezwaar gemaakt tegen hergebruik.",
        "access.projects.title" => "Projecten",
        "access.projects.empty" => "Uw gegevens werden nog niet hergebruikt.",
        "access.project.used" => "Gebruikt op {date}",
        "purpose.external_research" => "Onderzoek buiten het ziekenhuis",
        "purpose.cancer_registry" => "Kankerregister (wettelijke verplichting)",
        "purpose.academic_research" => "Academisch onderzoek in het algemeen belang",
        "purpose.teaching" => "Opleiding van zorgverleners",
        "reuse.public_interest" => "Hergebruik in het algemeen belang dat de wet voorschrijft: uw bezwaar geldt hier niet.",
        "reuse.before_opt_out" => "Deze gegevens werden gebruikt vóór uw bezwaar. Uw bezwaar werkt niet terug.",
        "reuse.no_opt_out" => "U had geen bezwaar gemaakt, dus dit hergebruik was toegestaan.",
        "reuse.opted_out" => "Door uw bezwaar mogen uw gegevens hiervoor niet gebruikt worden.",
        "confirm.title" => "Bevestig uw wijziging",
        "confirm.command" => "U vraagt: {command}.",
        "confirm.loses" => "Na deze wijziging kan {name} uw dossier niet meer bekijken ({count} verslagen).",
        "confirm.loses_one" => "Na deze wijziging kan {name} uw dossier niet meer bekijken (1 verslag).",
        "confirm.loses_none" => "Na deze wijziging kan {name} uw dossier niet meer bekijken.",
        "confirm.gains" => "Na deze wijziging kan {name} uw dossier bekijken.",
        "confirm.exchange_loses" => "Na deze wijziging kan {name} uw dossier niet meer via gegevensdeling (eHealth) opvragen.",
        "confirm.exchange_gains" => "Na deze wijziging kan {name} uw dossier ook via gegevensdeling (eHealth) opvragen.",
        "confirm.no_read_change" => "Deze wijziging verandert niet wie uw dossier kan bekijken.",
        "confirm.busy" => "Bezig met opslaan…",
        "access.done" => "Uw wijziging is opgeslagen: {command}.",
        "access.unknown_person" => "een onbekende persoon",
        // The audit page.
        "audit.title" => "Wie bekeek mijn dossier",
        "audit.intro" => "Elke keer dat iemand uw dossier bekijkt of de toegangen wijzigt, wordt dat bijgehouden, ook als het geweigerd werd.",
        "audit.filters" => "Filters",
        "audit.from" => "Van",
        "audit.until" => "Tot",
        "audit.actor" => "Persoon",
        "audit.actor.everyone" => "Iedereen",
        "audit.apply" => "Toon",
        "audit.caption" => "Wie bekeek of wijzigde uw dossier, het nieuwste eerst",
        "audit.column.when" => "Wanneer",
        "audit.column.who" => "Wie",
        "audit.column.what" => "Wat",
        "audit.column.outcome" => "Resultaat",
        "audit.column.why" => "Waarom",
        "audit.permitted" => "Toegestaan",
        "audit.denied" => "Geweigerd",
        "audit.empty" => "Er zijn geen gebeurtenissen die aan deze filters voldoen.",
        "audit.more" => "Meer laden",
        "audit.role.patient" => "u zelf",
        "audit.role.general_practitioner" => "huisarts",
        "audit.role.specialist" => "specialist",
        "audit.role.referrer" => "verwijzer",
        "audit.role.person" => "andere persoon",
        "audit.what.reports" => "bekeek uw verslagen",
        "audit.what.report" => "bekeek een verslag",
        "audit.what.access" => "bekeek de toegangen",
        "audit.what.audit" => "bekeek wie uw dossier bekeek",
        "audit.what.change_access" => "wijzigde de toegangen ({change})",
        "audit.what.referral_request" => "vroeg toegang aan",
        "audit.what.read_other" => "bekeek uw dossier",
        "audit.what.change_other" => "wijzigde uw dossier",
        "audit.change.refuse_gp" => "toegang huisarts ingetrokken",
        "audit.change.restore_gp" => "toegang huisarts hersteld",
        "audit.change.approve_referrer" => "verwijzer toegestaan",
        "audit.change.refuse_referrer" => "aanvraag verwijzer geweigerd",
        "audit.change.revoke_referrer" => "toestemming verwijzer ingetrokken",
        "audit.change.exclude" => "zorgverlener uitgesloten",
        "audit.change.lift_exclusion" => "uitsluiting opgeheven",
        "audit.change.give_exchange_consent" => "toestemming gegevensdeling gegeven",
        "audit.change.withdraw_exchange_consent" => "toestemming gegevensdeling ingetrokken",
        "audit.change.opt_out_of_reuse" => "bezwaar tegen hergebruik gemaakt",
        "audit.change.withdraw_reuse_opt_out" => "bezwaar tegen hergebruik ingetrokken",
        "audit.change.end_treatment" => "behandelrelatie beëindigen",
        "audit.change.other" => "andere wijziging",
        // The care provider's pages.
        "provider.title" => "Mijn patiënten",
        "provider.intro" => "Patiënten van wie het dossier u vermeldt, en of u het nu mag inzien.",
        "provider.empty" => "Er zijn geen patiënten aan u gekoppeld.",
        "provider.born" => "Geboren op {date}",
        "provider.access" => "Toegang",
        "provider.no_access" => "Geen toegang",
        "provider.open" => "Dossier openen",
        "provider.open_of" => "Dossier van {name} openen",
        "provider.record.title" => "Dossier",
        "provider.record.title_of" => "Dossier van {name}",
        "provider.record.back" => "Terug naar mijn patiënten",
        "provider.record.no_access" => "U hebt geen toegang tot dit dossier, of het bestaat niet.",
        "provider.record.empty" => "Er zijn geen verslagen die u in dit dossier kunt lezen.",
        "referral.title" => "Toegang vragen als verwijzer",
        "referral.intro" => "Vraag de patiënt om zijn of haar dossier te mogen inzien. De patiënt ziet uw naam en uw reden, en beslist zelf.",
        "referral.national_number" => "Rijksregisternummer",
        "referral.national_number.hint" => "Het rijksregisternummer van de patiënt, 11 cijfers.",
        "referral.reason" => "Reden",
        "referral.reason.hint" => "Waarom u het dossier nodig hebt. De patiënt leest dit.",
        "referral.submit" => "Aanvraag versturen",
        "referral.sent" => "Uw aanvraag is verstuurd. De patiënt beslist of u het dossier mag inzien.",
        "notfound.title" => "Pagina niet gevonden",
        "notfound.body" => "Deze pagina bestaat niet.",
        "access.view_as" => "Bekijk uw dossier zoals {name} het ziet",
        "view_as.title" => "Uw dossier zoals {name} het ziet",
        "view_as.intro" => "Zo ziet deze persoon uw dossier op dit moment. U kunt hier niets wijzigen, en uw kijken wordt niet als hun inzage bijgehouden.",
        "view_as.back" => "Terug naar Toegangen",
        "view_as.reports" => "Verslagen die deze persoon kan lezen",
        "view_as.none" => "Deze persoon kan geen verslagen van u lezen.",
        // Errors from the server.
        "error.not_found" => "Dit verslag bestaat niet, of u hebt er geen toegang toe.",
        "error.unauthenticated" => "U bent niet (meer) aangemeld. Meld u opnieuw aan.",
        "error.validation" => "Controleer de gemarkeerde velden.",
        "error.bad_request" => "Het verzoek was onvolledig. Probeer het opnieuw.",
        "error.internal" => "Er ging iets mis bij ons. Probeer het later opnieuw.",
        "error.network" => "Geen verbinding met de server. Controleer uw internetverbinding en probeer opnieuw.",
        "error.forbidden" => "U mag dit niet doen.",
        "error.practitioners_only" => "Deze pagina is alleen voor zorgverleners.",
        "access.bad_principal_kind" => "Deze persoon bestaat niet in uw dossier.",
        "error.conflict" => "Uw dossier is intussen gewijzigd. Laad de pagina opnieuw.",
        "access.gp_already_refused" => "U had de toegang van uw huisarts al ingetrokken.",
        "access.gp_not_refused" => "De toegang van uw huisarts was niet ingetrokken.",
        "access.referrer_already_approved" => "U had deze verwijzer al toegang gegeven.",
        "access.referrer_not_approved" => "Deze verwijzer had geen toestemming meer.",
        "access.already_excluded" => "Deze zorgverlener was al uitgesloten.",
        "access.not_excluded" => "Deze zorgverlener was niet uitgesloten.",
        "access.exchange_already_given" => "U had al toestemming gegeven voor gegevensdeling.",
        "access.exchange_not_given" => "U had geen toestemming gegeven voor gegevensdeling.",
        "access.reuse_already_opted_out" => "U had al bezwaar gemaakt tegen hergebruik.",
        "access.reuse_not_opted_out" => "U had geen bezwaar gemaakt tegen hergebruik.",
        "access.treating_cannot_be_refused" => "De toegang van een zorgverlener die u behandelt, kunt u niet weigeren. U kunt die zorgverlener wel uitsluiten.",
        "access.unknown_practitioner" => "Deze zorgverlener is niet bekend in het netwerk.",
        "access.no_pending_request" => "Er is geen openstaande aanvraag van deze verwijzer (meer).",
        "audit.bad_date" => "Schrijf de datum als JJJJ-MM-DD.",
        "audit.until_before_from" => "De einddatum ligt vóór de begindatum.",
        "audit.bad_limit" => "Vraag hoogstens {max} regels tegelijk op.",
        "referral.reason.empty" => "Vul de reden van uw aanvraag in.",
        "referral.reason.too_long" => "Een reden heeft hoogstens {max} tekens.",
        "reason.report_not_available" => "Dit verslag was niet beschikbaar.",
        "reason.referral_request" => "Elke zorgverlener in het netwerk mag toegang vragen. De aanvraag zelf geeft geen toegang: u beslist.",
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

/// An instant as "27 november 2026 om 11:15", in the local time of Brussels.
pub fn date_time(t: OffsetDateTime) -> String {
    // The portal's hospitals are in Belgium and the Netherlands: show their local time.
    let local = t.to_offset(TimeZone::EuropeBrussels.offset_at(t));
    format!(
        "{} om {:02}:{:02}",
        date(local.date()),
        local.hour(),
        local.minute()
    )
}

/// The local day (Brussels) of an instant, as "27 november 2026".
pub fn local_day(t: OffsetDateTime) -> String {
    date(TimeZone::EuropeBrussels.local_date(t))
}

/// The sentence of a decision's reason. A reason names a practitioner by their id; `name_of`
/// gives the name to show instead. Keys that are not a rule's reason (`reason.referral_request`)
/// come from the table above.
pub fn reason_text(reason: &Message, name_of: impl Fn(&str) -> Option<String>) -> String {
    let named = match reason.get("practitioner").and_then(name_of) {
        Some(name) => reason.clone().arg("practitioner", name),
        None => reason.clone(),
    };
    explain_reason(&named, Language::Nl).unwrap_or_else(|| tr(&named))
}

fn format_value(v: &str) -> String {
    if let Some(d) = parse_iso_date(v) {
        return date(d);
    }
    if let Ok(t) = OffsetDateTime::parse(v, &time::format_description::well_known::Rfc3339) {
        return date_time(t);
    }
    v.to_owned()
}
