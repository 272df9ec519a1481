# Dutch: the portal's default language.
# Message ids are the app's keys with every "." written as "-".


## Screens.
app-name = Inzage
app-tagline = Uw medisch dossier, veilig online
nav-skip = Naar de inhoud
nav-reports = Verslagen
nav-logout = Afmelden
nav-logged_in_as = Aangemeld als
login-title = Aanmelden
login-intro = Meld u aan met uw gebruikersnaam, uw wachtwoord en een code van uw codekaart.
login-username = Gebruikersnaam
login-username-hint = Uw rijksregisternummer, uw patiëntnummer of de gebruikersnaam die u koos.
login-password = Wachtwoord
login-next = Volgende
login-code = Code { $position } van uw codekaart
login-code-hint = Typ de 8 cijfers die op uw codekaart bij nummer { $position } staan.
login-submit = Aanmelden
login-back = Terug
login-busy = Even geduld…
login-oidc-or = Of meld u aan zonder codekaart
login-oidc-flow = Die aanmelding is verlopen of werd al gebruikt. Probeer opnieuw.
login-oidc-cancelled = U heeft de aanmelding geannuleerd.
login-oidc-provider = De aanmeldingsdienst is nu niet bereikbaar of weigerde de aanmelding. Probeer later opnieuw, of meld u aan met uw codekaart.
login-oidc-token = Het antwoord van de aanmeldingsdienst kon niet worden gecontroleerd, dus u bent niet aangemeld. Probeer opnieuw.
login-oidc-number = De aanmeldingsdienst gaf geen geldig rijksregisternummer of BSN door, dus u bent niet aangemeld.
login-oidc-no_account = Bij uw rijksregisternummer of BSN hoort bij ons geen patiënt met een account. Er werd geen account aangemaakt. Vraag een account aan bij het ziekenhuis, of meld u aan met uw gebruikersnaam en codekaart.
reports-title = Verslagen
reports-empty = Er zijn nog geen verslagen die u online kunt lezen.
reports-loading = Verslagen worden geladen…
reports-missing-title = Waarom zie ik een verslag niet?
reports-missing-validation = Een verslag verschijnt pas wanneer de arts het heeft goedgekeurd (gevalideerd).
reports-missing-shielded = Uw zorgteam kan een verslag afschermen, bijvoorbeeld wanneer het eerst met u besproken moet worden of gegevens over anderen bevat. Vraag ernaar bij uw arts.
reports-missing-cutoff = { $hospital } toont verslagen vanaf { $cutoff }.
reports-column-date = Datum
reports-column-title = Verslag
reports-column-hospital = Ziekenhuis
report-back = Terug naar de verslagen
report-date = Datum
report-hospital = Ziekenhuis
report-author = Auteur
report-category = Soort
report-conclusion = Besluit
report-results = Resultaten
report-result-name = Onderzoek
report-result-value = Waarde
report-result-unit = Eenheid
report-text = Verslag
report-loading = Verslag wordt geladen…
report-questions = Vragen over dit verslag?
report-questions-intro = Neem contact op met { $hospital }.
contact-phone = Telefoon
contact-email = E-mail
contact-website = Website
nav-access = Toegangen
nav-audit = Wie bekeek mijn dossier
nav-provider = Mijn patiënten
nav-main = Hoofdmenu
common-loading = Even geduld, de gegevens worden geladen…
common-cancel = Annuleren
common-confirm = Bevestigen

## The "Toegangen" page.
access-title = Toegangen
access-intro = Hier ziet u wie uw dossier kan bekijken en waarom. U kunt toegang intrekken, herstellen of een zorgverlener uitsluiten. Elke wijziging vraagt eerst uw bevestiging.
access-people-title = Wie kan uw dossier bekijken?
access-people-empty = Er zijn geen zorgverleners of andere personen aan uw dossier gekoppeld.
access-group-general_practitioner = Huisarts
access-group-treating = Behandelende zorgverleners
access-group-referrer = Verwijzers
access-group-emergency = Noodtoegang
access-group-trusted_person = Vertrouwenspersoon
access-group-representative = Vertegenwoordiger
access-group-parent = Ouders
access-group-excluded = Uitgesloten zorgverleners
access-treating-note = Zorgverleners die u behandelen in het ziekenhuisnetwerk zien uw dossier zolang de behandeling loopt. Dat kunt u niet weigeren, maar u kunt wel een bepaalde zorgverlener uitsluiten.
access-can_read = Kan uw dossier bekijken
access-cannot_read = Kan uw dossier niet bekijken
access-why = Waarom
role-general_practitioner = Huisarts
role-specialist = Specialist
role-referrer = Verwijzer
command-refuse_gp = Toegang huisarts intrekken
command-restore_gp = Toegang huisarts herstellen
command-approve_referrer = Toestaan
command-refuse_referrer = Weigeren
command-revoke_referrer = Toestemming intrekken
command-exclude = Uitsluiten
command-lift_exclusion = Uitsluiting opheffen
command-give_exchange_consent = Toestemming geven
command-withdraw_exchange_consent = Toestemming intrekken
command-opt_out_of_reuse = Bezwaar maken tegen hergebruik
command-withdraw_reuse_opt_out = Bezwaar intrekken
command-end_treatment = Behandelrelatie beëindigen
access-requests-title = Aanvragen van verwijzers
access-requests-empty = Er zijn geen aanvragen die op uw antwoord wachten.
access-request-filed = Aangevraagd op { $date }
access-request-reason = Reden
access-exchange-title = Gegevensdeling tussen ziekenhuizen (eHealth)
access-exchange-intro = Met uw toestemming kunnen zorgverleners die u behandelen in een ander ziekenhuis of een andere praktijk uw verslagen elektronisch opvragen via het eHealth-netwerk. U kunt die toestemming altijd intrekken.
access-exchange-given = U hebt toestemming gegeven voor gegevensdeling.
access-exchange-not_given = U hebt geen toestemming gegeven voor gegevensdeling.
access-reuse-title = Hergebruik van uw gegevens voor onderzoek
access-reuse-intro = Uw gegevens kunnen, zonder uw naam, gebruikt worden voor wetenschappelijk onderzoek buiten de zorg. U kunt daartegen bezwaar maken.
access-reuse-not_retroactive = Uw bezwaar werkt niet terug: gegevens die al vóór uw bezwaar gebruikt werden, blijven in dat onderzoek.
access-reuse-public_interest = Uw bezwaar geldt niet voor hergebruik in het algemeen belang dat de wet voorschrijft, zoals het Kankerregister.
access-reuse-opted_out_since = U maakt sinds { $date } bezwaar tegen hergebruik.
access-reuse-not_opted_out = U hebt geen bezwaar gemaakt tegen hergebruik.
access-projects-title = Projecten
access-projects-empty = Uw gegevens werden nog niet hergebruikt.
access-project-used = Gebruikt op { $date }
purpose-external_research = Onderzoek buiten het ziekenhuis
purpose-cancer_registry = Kankerregister (wettelijke verplichting)
purpose-academic_research = Academisch onderzoek in het algemeen belang
purpose-teaching = Opleiding van zorgverleners
reuse-public_interest = Hergebruik in het algemeen belang dat de wet voorschrijft: uw bezwaar geldt hier niet.
reuse-before_opt_out = Deze gegevens werden gebruikt vóór uw bezwaar. Uw bezwaar werkt niet terug.
reuse-no_opt_out = U had geen bezwaar gemaakt, dus dit hergebruik was toegestaan.
reuse-opted_out = Door uw bezwaar mogen uw gegevens hiervoor niet gebruikt worden.
confirm-title = Bevestig uw wijziging
confirm-command = U vraagt: { $command }.
confirm-loses = Na deze wijziging kan { $name } uw dossier niet meer bekijken ({ $count } verslagen).
confirm-loses_one = Na deze wijziging kan { $name } uw dossier niet meer bekijken (1 verslag).
confirm-loses_none = Na deze wijziging kan { $name } uw dossier niet meer bekijken.
confirm-gains = Na deze wijziging kan { $name } uw dossier bekijken.
confirm-exchange_loses = Na deze wijziging kan { $name } uw dossier niet meer via gegevensdeling (eHealth) opvragen.
confirm-exchange_gains = Na deze wijziging kan { $name } uw dossier ook via gegevensdeling (eHealth) opvragen.
confirm-no_read_change = Deze wijziging verandert niet wie uw dossier kan bekijken.
confirm-busy = Bezig met opslaan…
access-done = Uw wijziging is opgeslagen: { $command }.
access-unknown_person = een onbekende persoon

## The audit page.
audit-title = Wie bekeek mijn dossier
audit-intro = Elke keer dat iemand uw dossier bekijkt of de toegangen wijzigt, wordt dat bijgehouden, ook als het geweigerd werd.
audit-filters = Filters
audit-from = Van
audit-until = Tot
audit-actor = Persoon
audit-actor-everyone = Iedereen
audit-apply = Toon
audit-caption = Wie bekeek of wijzigde uw dossier, het nieuwste eerst
audit-column-when = Wanneer
audit-column-who = Wie
audit-column-what = Wat
audit-column-outcome = Resultaat
audit-column-why = Waarom
audit-permitted = Toegestaan
audit-denied = Geweigerd
audit-empty = Er zijn geen gebeurtenissen die aan deze filters voldoen.
audit-more = Meer laden
audit-role-patient = u zelf
audit-role-general_practitioner = huisarts
audit-role-specialist = specialist
audit-role-referrer = verwijzer
audit-role-person = andere persoon
audit-what-reports = bekeek uw verslagen
audit-what-report = bekeek een verslag
audit-what-access = bekeek de toegangen
audit-what-audit = bekeek wie uw dossier bekeek
audit-what-change_access = wijzigde de toegangen ({ $change })
audit-what-referral_request = vroeg toegang aan
audit-what-read_other = bekeek uw dossier
audit-what-change_other = wijzigde uw dossier
audit-change-refuse_gp = toegang huisarts ingetrokken
audit-change-restore_gp = toegang huisarts hersteld
audit-change-approve_referrer = verwijzer toegestaan
audit-change-refuse_referrer = aanvraag verwijzer geweigerd
audit-change-revoke_referrer = toestemming verwijzer ingetrokken
audit-change-exclude = zorgverlener uitgesloten
audit-change-lift_exclusion = uitsluiting opgeheven
audit-change-give_exchange_consent = toestemming gegevensdeling gegeven
audit-change-withdraw_exchange_consent = toestemming gegevensdeling ingetrokken
audit-change-opt_out_of_reuse = bezwaar tegen hergebruik gemaakt
audit-change-withdraw_reuse_opt_out = bezwaar tegen hergebruik ingetrokken
audit-change-end_treatment = behandelrelatie beëindigen
audit-change-other = andere wijziging

## The care provider's pages.
provider-title = Mijn patiënten
provider-intro = Patiënten van wie het dossier u vermeldt, en of u het nu mag inzien.
provider-empty = Er zijn geen patiënten aan u gekoppeld.
provider-born = Geboren op { $date }
provider-access = Toegang
provider-no_access = Geen toegang
provider-open = Dossier openen
provider-open_of = Dossier van { $name } openen
provider-record-title = Dossier
provider-record-title_of = Dossier van { $name }
provider-record-back = Terug naar mijn patiënten
provider-record-no_access = U hebt geen toegang tot dit dossier, of het bestaat niet.
provider-record-empty = Er zijn geen verslagen die u in dit dossier kunt lezen.
referral-title = Toegang vragen als verwijzer
referral-intro = Vraag de patiënt om zijn of haar dossier te mogen inzien. De patiënt ziet uw naam en uw reden, en beslist zelf.
referral-national_number = Rijksregisternummer
referral-national_number-hint = Het rijksregisternummer van de patiënt, 11 cijfers.
referral-reason = Reden
referral-reason-hint = Waarom u het dossier nodig hebt. De patiënt leest dit.
referral-submit = Aanvraag versturen
referral-sent = Uw aanvraag is verstuurd. De patiënt beslist of u het dossier mag inzien.
notfound-title = Pagina niet gevonden
notfound-body = Deze pagina bestaat niet.
access-view_as = Bekijk uw dossier zoals { $name } het ziet
view_as-title = Uw dossier zoals { $name } het ziet
view_as-intro = Zo ziet deze persoon uw dossier op dit moment. U kunt hier niets wijzigen, en uw kijken wordt niet als hun inzage bijgehouden.
view_as-back = Terug naar Toegangen
view_as-reports = Verslagen die deze persoon kan lezen
view_as-none = Deze persoon kan geen verslagen van u lezen.

## Errors from the server.
error-not_found = Dit verslag bestaat niet, of u hebt er geen toegang toe.
error-unauthenticated = U bent niet (meer) aangemeld. Meld u opnieuw aan.
error-validation = Controleer de gemarkeerde velden.
error-bad_request = Het verzoek was onvolledig. Probeer het opnieuw.
error-internal = Er ging iets mis bij ons. Probeer het later opnieuw.
error-network = Geen verbinding met de server. Controleer uw internetverbinding en probeer opnieuw.
error-forbidden = U mag dit niet doen.
error-practitioners_only = Deze pagina is alleen voor zorgverleners.
access-bad_principal_kind = Deze persoon bestaat niet in uw dossier.
error-conflict = Uw dossier is intussen gewijzigd. Laad de pagina opnieuw.
access-gp_already_refused = U had de toegang van uw huisarts al ingetrokken.
access-gp_not_refused = De toegang van uw huisarts was niet ingetrokken.
access-referrer_already_approved = U had deze verwijzer al toegang gegeven.
access-referrer_not_approved = Deze verwijzer had geen toestemming meer.
access-already_excluded = Deze zorgverlener was al uitgesloten.
access-not_excluded = Deze zorgverlener was niet uitgesloten.
access-exchange_already_given = U had al toestemming gegeven voor gegevensdeling.
access-exchange_not_given = U had geen toestemming gegeven voor gegevensdeling.
access-reuse_already_opted_out = U had al bezwaar gemaakt tegen hergebruik.
access-reuse_not_opted_out = U had geen bezwaar gemaakt tegen hergebruik.
access-treating_cannot_be_refused = De toegang van een zorgverlener die u behandelt, kunt u niet weigeren. U kunt die zorgverlener wel uitsluiten.
access-unknown_practitioner = Deze zorgverlener is niet bekend in het netwerk.
access-no_pending_request = Er is geen openstaande aanvraag van deze verwijzer (meer).
audit-bad_date = Schrijf de datum als JJJJ-MM-DD.
audit-until_before_from = De einddatum ligt vóór de begindatum.
audit-bad_limit = Vraag hoogstens { $max } regels tegelijk op.
referral-reason-empty = Vul de reden van uw aanvraag in.
referral-reason-too_long = Een reden heeft hoogstens { $max } tekens.
reason-report_not_available = Dit verslag was niet beschikbaar.
reason-referral_request = Elke zorgverlener in het netwerk mag toegang vragen. De aanvraag zelf geeft geen toegang: u beslist.
login-failed = De combinatie van gebruikersnaam, wachtwoord en code klopt niet. Probeer opnieuw met een nieuwe code.
login-challenge_invalid = Uw aanmelding duurde te lang. Begin opnieuw.
login-locked = Na te veel mislukte pogingen is aanmelden tijdelijk geblokkeerd, tot { $until }.

## Validation (domain crate).
login-username-empty = Vul uw gebruikersnaam in.
insz-empty = Vul uw rijksregisternummer in.
insz-invalid_character = Een rijksregisternummer bevat alleen cijfers.
insz-wrong_length = Een rijksregisternummer heeft 11 cijfers.
insz-invalid_date = Dit rijksregisternummer bevat geen geldige geboortedatum.
insz-invalid_checksum = Dit rijksregisternummer klopt niet. Controleer de cijfers.
insz-invalid_serial = Dit rijksregisternummer heeft een ongeldig volgnummer.
bsn-empty = Vul uw BSN in.
bsn-invalid_character = Een BSN bevat alleen cijfers.
bsn-wrong_length = Een BSN heeft 9 cijfers.
bsn-invalid_checksum = Dit BSN klopt niet. Controleer de cijfers.
record_number-invalid_character = Een patiëntnummer bevat alleen cijfers.
record_number-wrong_length = Een patiëntnummer heeft 4 tot 10 cijfers.
username-too_short = Een gebruikersnaam heeft minstens 3 tekens.
username-too_long = Een gebruikersnaam heeft hoogstens 64 tekens.
username-must_start_with_letter = Een gebruikersnaam begint met een letter.
username-invalid_character = Een gebruikersnaam bevat alleen letters, cijfers, punten, liggende streepjes en koppeltekens.
password-empty = Vul uw wachtwoord in.
password-too_short = Een wachtwoord heeft minstens 8 tekens.
password-too_long = Een wachtwoord heeft hoogstens 128 tekens.
code_card-answer-empty = Vul de code van uw codekaart in.
code_card-answer-invalid_character = Een code bevat alleen cijfers.
code_card-answer-wrong_length = Een code heeft 8 cijfers.
code_card-position-out_of_range = Deze positie bestaat niet op een codekaart.
email-empty = Vul uw e-mailadres in.
email-too_long = Een e-mailadres heeft hoogstens 254 tekens.
email-missing_at = Een e-mailadres bevat een @.
email-invalid_local_part = Het deel vóór de @ is niet geldig.
email-invalid_domain = Het deel na de @ is geen geldige domeinnaam.
birth_date-empty = Vul uw geboortedatum in.
birth_date-invalid_format = Schrijf de geboortedatum als DD-MM-JJJJ.
birth_date-invalid_date = Deze dag bestaat niet.
birth_date-in_the_future = Een geboortedatum ligt niet in de toekomst.
birth_date-too_long_ago = Een geboortedatum ligt na 1 januari 1900.

## The language switcher and dates.
lang-choose = Taal
date-at_time = { $date } om { $time }

## The child's consent (the Netherlands, 12 to 15).
command-give_child_consent = Toestemming geven aan ouder
command-withdraw_child_consent = Toestemming aan ouder intrekken
audit-change-give_child_consent = toestemming aan ouder gegeven
audit-change-withdraw_child_consent = toestemming aan ouder ingetrokken
access-child_consent_already_given = U had deze ouder al toestemming gegeven.
access-child_consent_not_given = U had deze ouder geen toestemming gegeven.
access-only_the_child_consents = Alleen het kind zelf kan deze toestemming geven of intrekken.
access-child_consent_not_applicable = Deze toestemming is hier niet nodig: ze geldt alleen voor kinderen van 12 tot 16 jaar in Nederland.
access-not_a_parent_with_authority = Deze persoon is geen ouder met ouderlijk gezag.

## Acting for someone else: the current record, linked records and link requests.
nav-linked = Gekoppelde dossiers
nav-staff = Aanvragen
records-menu-label = , dossier kiezen
records-menu-title = Welk dossier wilt u bekijken?
records-menu-own = { $name } (uw eigen dossier)
records-menu-manage = Gekoppelde dossiers beheren
records-current = Dossier van { $name }
records-gone = U kunt het dossier van { $name } niet meer bekijken. U ziet nu uw eigen dossier.
linked-title = Gekoppelde dossiers
linked-intro = Hier ziet u de dossiers die u voor iemand anders kunt bekijken, bijvoorbeeld van uw kind, en waarom. Kies een dossier in het menu onder uw naam om het te openen.
linked-records-title = Dossiers die u kunt bekijken
linked-can_read = U kunt dit dossier bekijken
linked-cannot_read = U kunt dit dossier nu niet bekijken
linked-none = U bent nog niet aan het dossier van iemand anders gekoppeld.
linked-open = Dossier openen
linked-open_of = Dossier van { $name } openen
linked-change-soon = Binnenkort:
linked-change-own_gains = Op { $date } wordt u { $age } jaar. Daarna kunt u uw dossier zelf bekijken.
linked-change-own_others = Op { $date } wordt u { $age } jaar. Dan verandert wie uw dossier kan bekijken: zie Toegangen.
linked-change-be_link_ends = Op { $date } wordt { $name } { $age } jaar. Daarna kunt u het dossier van { $name } niet meer bekijken; { $name } kan u dan zelf toegang geven.
linked-change-nl_child_decides = Op { $date } wordt { $name } { $age } jaar. Daarna kunt u het dossier van { $name } niet meer bekijken; { $name } beslist dan zelf wie het dossier ziet.
linked-change-nl_consent_needed = Op { $date } wordt { $name } { $age } jaar. Daarna kunt u het dossier van { $name } alleen nog bekijken als { $name } u toestemming geeft.
linked-change-loses = Op { $date } wordt { $name } { $age } jaar. Daarna kunt u het dossier van { $name } niet meer bekijken.
linked-change-gains = Op { $date } wordt { $name } { $age } jaar. Daarna kunt u het dossier van { $name } bekijken.
link-form-title = Toegang vragen tot het dossier van uw kind
link-form-intro = De ombudsdienst van het ziekenhuis controleert uw aanvraag. Na goedkeuring vindt u het dossier van uw kind in het menu onder uw naam, zolang de wet het toelaat: in België tot uw kind 15 jaar wordt, in Nederland tot 12 jaar en daarna met de toestemming van uw kind tot 16 jaar.
link-form-sent = Uw aanvraag is verstuurd. U ziet hieronder wanneer de ombudsdienst beslist.
link-form-child_name = Naam van uw kind
link-form-child_name-hint = Voornaam en familienaam, zoals op de identiteitskaart.
link-form-national_number = Rijksregisternummer of BSN van uw kind
link-form-national_number-hint = Het rijksregisternummer (11 cijfers) of, voor een kind dat in Nederland behandeld wordt, het BSN (9 cijfers).
link-form-message = Bericht aan het ziekenhuis
link-form-message-hint = Niet verplicht. Bijvoorbeeld hoe u met het kind verbonden bent.
link-form-submit = Aanvraag versturen
link-requests-title = Uw aanvragen
link-requests-empty = U hebt nog geen aanvraag verstuurd.
link-requests-filed = Aangevraagd op { $date }
link-requests-reason = Antwoord van de ombudsdienst
link-status-pending = In behandeling
link-status-approved = Goedgekeurd
link-status-refused = Geweigerd
national_number-empty = Vul het rijksregisternummer of het BSN in.
national_number-wrong_length = Een rijksregisternummer heeft 11 cijfers, een BSN 9.
link-child_name-empty = Vul de naam van uw kind in.
link-child_name-too_long = Een naam heeft hoogstens { $max } tekens.
link-message-too_long = Een bericht heeft hoogstens { $max } tekens.
error-patients_only = Deze pagina is alleen voor patiënten.
error-staff_only = Deze pagina is alleen voor medewerkers van het ziekenhuis.
reason-link_approved = De ombudsdienst keurde de aanvraag van een ouder goed.
reason-link_refused = De ombudsdienst weigerde de aanvraag van een ouder.
audit-role-ombuds = ombudsdienst
audit-what-link_approved = koppelde een ouder aan het dossier
audit-what-link_refused = weigerde de koppeling van een ouder

## The back office (the ombuds service).
staff-title = Aanvragen
staff-intro = Aanvragen van ouders om het dossier van hun kind te bekijken. Controleer of het nummer bij het kind hoort. Een weigering vraagt een reden: de ouder leest die.
staff-queue-empty = Er zijn geen aanvragen die op een beslissing wachten.
staff-queue-caption = Aanvragen tot koppeling, de oudste eerst
staff-column-requester = Aanvrager
staff-column-child = Kind (zoals geschreven)
staff-column-number = Rijksregisternummer of BSN
staff-column-message = Bericht
staff-column-filed = Ingediend
staff-column-record = Patiënt met dit nummer
staff-column-decision = Beslissing
staff-born = geboren op { $date }
staff-no_patient = geen patiënt met dit nummer
staff-approve = Goedkeuren
staff-refuse = Weigeren
staff-reason = Reden van weigering
staff-approved = De aanvraag van { $requester } voor { $child } is goedgekeurd.
staff-refused = De aanvraag van { $requester } voor { $child } is geweigerd.
staff-reason-empty = Vul de reden van de weigering in: de aanvrager leest die.
link-already_decided = Over deze aanvraag werd al beslist.
link-no_such_patient = Er is geen patiënt met dit nummer. U kunt de aanvraag alleen weigeren.
link-child_too_old = Dit kind is al { $age } jaar of ouder: de wet geeft de ouder geen toegang meer via een koppeling.
link-child_died = Dit kind is overleden: een koppeling is niet meer mogelijk.
link-no_birth_date = De geboortedatum van dit kind is niet bekend. Zonder geboortedatum geeft de wet geen koppeling.
staff-child_too_old = { $name } is al { $age } jaar of ouder: de wet geeft de ouder geen toegang meer via een koppeling.
staff-child_died = { $name } is overleden: een koppeling is niet meer mogelijk.
staff-no_birth_date = De geboortedatum van { $name } is niet bekend. Zonder geboortedatum geeft de wet geen koppeling.
link-own_record = Iemand kan niet aan het eigen dossier gekoppeld worden.

## Requests (domain's requests module)
request-copy-first_free = De eerste kopie van uw dossier is gratis.
request-correction-statement_added = Uw eigen verklaring wordt aan uw dossier toegevoegd.
request-correction-statement_missing = Schrijf welke gegevens volgens u niet kloppen of ontbreken.
request-deceased-motivation_missing = Vermeld waarom u het dossier wilt inzien.
request-deceased-patient_objected = De patiënt heeft zich bij leven verzet tegen inzage door familie na het overlijden.
request-deceased-degree_too_far = Alleen familie tot in de tweede graad kan na het overlijden inzage vragen.
request-deceased-through_practitioner = U krijgt onrechtstreeks inzage, via een arts die u aanwijst.
request-deceased-doctor_weighs = Een arts weegt uw verzoek af.
request-destruction-retention = Deze gegevens moeten wettelijk { $years } jaar bewaard blijven en kunnen nog niet vernietigd worden.
request-signature_missing = De handtekening van { $signer ->
        [patient] de patiënt
        [first_parent] de eerste ouder
        [second_parent] de tweede ouder
        [partner] de partner
       *[other] { $signer }
    } ontbreekt.

## Designations (trusted person, representative, authorisation)
command-revoke_designation = Aanduiding intrekken
audit-change-revoke_designation = aanduiding ingetrokken
access-cannot_revoke_self = U kunt uw eigen aanduiding niet zelf intrekken. Neem contact op met de ombudsdienst.
access-no_designation = Deze persoon is niet (meer) aangeduid.
designation-own_record = U kunt uzelf niet aanduiden voor uw eigen dossier.
designation-patient_died = De patiënt is overleden: een aanduiding is niet meer mogelijk.
designation-wrong_country = Deze aanduiding bestaat niet in het land van het ziekenhuis van de patiënt.

## Designation forms
designation-kind-unknown = Kies wat u wilt aanduiden.
designation-name-empty = Vul de naam van de persoon in.
designation-no_such_person = Er is geen persoon met dit rijksregisternummer of BSN bekend.
upload-missing = Voeg het ondertekende formulier toe (PDF).
upload-too_large = Het bestand is te groot: hoogstens { $max }.
upload-not_pdf = Dit bestand is geen PDF. Scan het ondertekende formulier als PDF.
upload-active_content = Deze PDF bevat scripts of ingesloten bestanden en wordt niet aanvaard. Scan het formulier opnieuw.
reason-designation_approved = De ombudsdienst keurde de aanduiding goed.
reason-designation_refused = De ombudsdienst weigerde de aanduiding.

## Designations on Toegangen and in the back office
designation-title-be = Een vertrouwenspersoon of vertegenwoordiger aanduiden
designation-title-nl = Een machtiging registreren
designation-intro-be = U kunt iemand aanduiden die u bijstaat of die voor u beslist wanneer u dat zelf niet kunt. De ombudsdienst controleert het ondertekende formulier voordat de aanduiding geldt.
designation-intro-nl = Iemand kan namens u optreden als u dat schriftelijk machtigt, of als de rechter een curator of mentor benoemde. De ombudsdienst controleert het document voordat het geldt.
designation-kind-trusted_person = Vertrouwenspersoon
designation-kind-representative = Vertegenwoordiger
designation-kind-curator = Curator
designation-kind-mentor = Mentor
designation-kind-written_authorisation = Schriftelijke machtiging
designation-explain-trusted_person = helpt u: mag samen met u of in uw plaats informatie krijgen, uw dossier inzien en een kopie vragen.
designation-explain-representative = oefent uw rechten als patiënt uit, maar alleen zolang u zelf niet in staat bent te beslissen.
designation-explain-curator = door de rechter benoemd; behartigt uw belangen en mag uw dossier inzien.
designation-explain-mentor = door de rechter benoemd voor uw verzorging en behandeling; mag uw dossier inzien.
designation-explain-written_authorisation = u machtigt zelf, schriftelijk en ondertekend, iemand om uw dossier in te zien.
designation-blank-intro = Download het formulier, vul het in, onderteken het en laad het hieronder op als PDF. Voor een curator of mentor laadt u de beslissing van de rechter op.
designation-blank-trusted_person = Blanco formulier vertrouwenspersoon (PDF)
designation-blank-representative = Blanco formulier vertegenwoordiger (PDF)
designation-blank-written_authorisation = Blanco formulier machtiging (PDF)
designation-form-kind = Wat wilt u registreren?
designation-form-name = Naam van de persoon
designation-form-name-hint = Voornaam en familienaam, zoals op de identiteitskaart.
designation-form-number = Rijksregisternummer of BSN van de persoon
designation-form-number-hint = 11 cijfers (rijksregisternummer) of 9 cijfers (BSN).
designation-form-file = Het ondertekende formulier
designation-form-file-hint = Een PDF van hoogstens 5 MB.
designation-form-submit = Formulier versturen
designation-form-sent = Uw formulier is verstuurd. De ombudsdienst bekijkt het; hieronder ziet u het antwoord.
designation-requests-title = Uw aanduidingen
designation-requests-empty = U hebt nog niemand aangeduid.
designation-requests-filed = Ingediend op { $date }
staff-designations-title = Aanduidingen
staff-designations-intro = Vertrouwenspersonen, vertegenwoordigers en machtigingen die patiënten met een ondertekend formulier aanvroegen. Controleer het formulier en of het nummer bij de genoemde persoon hoort.
staff-designations-empty = Er zijn geen aanduidingen die op een beslissing wachten.
staff-designations-caption = Aanduidingen, de oudste eerst
staff-designation-column-patient = Patiënt
staff-designation-column-kind = Soort
staff-designation-column-designee = Aangeduide persoon
staff-designation-column-form = Formulier
staff-designation-known_as = in het netwerk: { $name }
staff-designation-no_person = geen persoon met dit nummer
staff-designation-form_link = Formulier bekijken (PDF, { $size } kB)
staff-designation-approved = De aanduiding van { $designee } door { $patient } is goedgekeurd.
staff-designation-refused = De aanduiding van { $designee } door { $patient } is geweigerd.

## Audit roles of people acting for the patient
audit-role-parent = ouder
audit-role-trusted_person = vertrouwenspersoon
audit-role-representative = vertegenwoordiger
audit-role-authorised = gemachtigde

## Identity: the account, password reset, code cards (server and domain)
password-contains_name = Een wachtwoord mag uw naam, gebruikersnaam, rijksregisternummer of de naam van het portaal niet bevatten.
password-common = Dit wachtwoord wordt te vaak gebruikt en is makkelijk te raden. Kies een langer wachtwoord, bijvoorbeeld enkele woorden na elkaar.
account-username_is_a_number = Een gebruikersnaam begint met een letter; een nummer kan geen gebruikersnaam zijn.
account-card_needs_belgian_number = Een codekaart online aanvragen kan met een Belgisch rijksregisternummer. Zonder dat nummer helpt de balie u verder.
login-disabled = Na te veel mislukte pogingen is aanmelden voor deze gebruiker uitgeschakeld. Neem contact op met de helpdesk van het ziekenhuis.
error-cross_site = Deze aanvraag kwam niet van het portaal zelf en werd geweigerd.
account-current_password_wrong = Uw huidige wachtwoord klopt niet.
account-username_taken = Deze gebruikersnaam is al in gebruik. Kies een andere.
account-email_confirmation_sent = We stuurden een bevestigingslink naar dit adres. Het adres wordt gebruikt zodra u op de link klikt.
account-link_invalid = Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan.
account-email_confirmed = Uw e-mailadres is bevestigd.
account-card_on_its_way = Uw nieuwe codekaart wordt gedrukt en per post verstuurd naar het adres dat het ziekenhuis van u heeft. Zodra u ze voor het eerst gebruikt, werkt uw oude kaart niet meer.
account-card_request_sent = Bedankt. We stuurden een link naar uw e-mailadres om de aanvraag te bevestigen.
account-card_request_confirmed = Uw aanvraag is bevestigd. Als het ziekenhuis u kent, ontvangt u uw codekaart binnen enkele dagen per post op het adres dat het ziekenhuis van u heeft.
account-reset_sent = Als deze gebruiker bestaat en een bevestigd e-mailadres heeft, ontvangt u binnen enkele minuten een link om een nieuw wachtwoord te kiezen.
reason-code_card_blocked = De patiënt blokkeerde de codekaart.
reason-code_card_requested = De patiënt vroeg een nieuwe codekaart aan.
reason-code_card_posted = Het ziekenhuis verstuurde een codekaart per post.
reason-code_card_printed = Het ziekenhuis drukte een codekaart af aan de balie.
mail-confirm_email-subject = Bevestig uw e-mailadres
mail-confirm_email-body = Goedendag,

    Bevestig uw e-mailadres voor het patiëntenportaal met deze link:

    { $link }

    Vroeg u dit niet aan? Dan mag u deze e-mail negeren.
mail-confirm_card-subject = Bevestig uw aanvraag van een codekaart
mail-confirm_card-body = Goedendag,

    U vroeg een codekaart aan voor het patiëntenportaal. Bevestig de aanvraag met deze link:

    { $link }

    De codekaart wordt per post verstuurd naar het adres dat het ziekenhuis van u heeft. Vroeg u dit niet aan? Dan mag u deze e-mail negeren.
mail-reset-subject = Kies een nieuw wachtwoord
mail-reset-body = Goedendag,

    Met deze link kiest u een nieuw wachtwoord voor het patiëntenportaal. U hebt er ook uw codekaart voor nodig. De link werkt één keer, gedurende { $minutes } minuten:

    { $link }

    Vroeg u dit niet aan? Dan mag u deze e-mail negeren; uw wachtwoord blijft ongewijzigd.
card_letter-portal = Patiëntenportaal: { $url }
card_letter-date = Datum: { $date }
card_letter-title = Uw persoonlijke codekaart
card_letter-body = Met deze codekaart meldt u zich aan op het patiëntenportaal. Vul uw gebruikersnaam ({ $username }) en uw wachtwoord in; het portaal vraagt dan de code op één genummerde plaats van deze kaart.
card_letter-first_password = Hebt u nog geen wachtwoord? Kies op { $url } voor "Wachtwoord vergeten": u krijgt een link op het e-mailadres dat u opgaf, en kiest dan een wachtwoord met een code van deze kaart.
card_letter-keep_safe = Bewaar deze kaart veilig en geef de codes aan niemand, ook niet aan wie zegt dat hij van het ziekenhuis is. Kwijt of gestolen? Blokkeer de kaart meteen in het portaal (Mijn account) of via de helpdesk.
card_letter-card_title = Codekaart van { $name }
