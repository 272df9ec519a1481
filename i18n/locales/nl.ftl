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
reports-missing-notes = Notities van consultaties toont een ziekenhuis alleen als het die in het portaal vrijgeeft. U kunt ze altijd opvragen met een aanvraag om een kopie.
reports-missing-cutoff = { $hospital } toont verslagen vanaf { $cutoff }.
reports-download = Het hele dossier downloaden (PDF)
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
report-result-range = Referentiewaarden
report-text = Verslag
report-documents = Documenten
report-loading = Verslag wordt geladen…
report-questions = Vragen over dit verslag?
report-questions-intro = Neem contact op met { $hospital }.
report-download = PDF downloaden
contact-phone = Telefoon
contact-email = E-mail
contact-website = Website
nav-messages = Berichten
nav-requests = Aanvragen
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
access-intro-other = Hier ziet u wie het dossier van { $name } kan bekijken en waarom. U kunt toegang intrekken, herstellen of een zorgverlener uitsluiten. Elke wijziging vraagt eerst uw bevestiging.
access-people-title = Wie kan uw dossier bekijken?
access-people-title-other = Wie kan het dossier van { $name } bekijken?
access-people-empty = Er zijn geen zorgverleners of andere personen aan uw dossier gekoppeld.
access-people-empty-other = Er zijn geen zorgverleners of andere personen aan het dossier van { $name } gekoppeld.
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
access-can_read-other = Kan het dossier bekijken
access-cannot_read = Kan uw dossier niet bekijken
access-cannot_read-other = Kan het dossier niet bekijken
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
confirm-loses-other = Na deze wijziging kan { $name } het dossier van { $record } niet meer bekijken ({ $count } verslagen).
confirm-loses_one = Na deze wijziging kan { $name } uw dossier niet meer bekijken (1 verslag).
confirm-loses_one-other = Na deze wijziging kan { $name } het dossier van { $record } niet meer bekijken (1 verslag).
confirm-loses_none = Na deze wijziging kan { $name } uw dossier niet meer bekijken.
confirm-loses_none-other = Na deze wijziging kan { $name } het dossier van { $record } niet meer bekijken.
confirm-gains = Na deze wijziging kan { $name } uw dossier bekijken.
confirm-gains-other = Na deze wijziging kan { $name } het dossier van { $record } bekijken.
confirm-exchange_loses = Na deze wijziging kan { $name } uw dossier niet meer via gegevensdeling (eHealth) opvragen.
confirm-exchange_loses-other = Na deze wijziging kan { $name } het dossier van { $record } niet meer via gegevensdeling (eHealth) opvragen.
confirm-exchange_gains = Na deze wijziging kan { $name } uw dossier ook via gegevensdeling (eHealth) opvragen.
confirm-exchange_gains-other = Na deze wijziging kan { $name } het dossier van { $record } ook via gegevensdeling (eHealth) opvragen.
confirm-no_read_change = Deze wijziging verandert niet wie uw dossier kan bekijken.
confirm-no_read_change-other = Deze wijziging verandert niet wie het dossier van { $name } kan bekijken.
confirm-busy = Bezig met opslaan…
access-done = Uw wijziging is opgeslagen: { $command }.
access-unknown_person = een onbekende persoon

## The audit page.
audit-title = Wie bekeek mijn dossier
audit-intro = Elke keer dat iemand uw dossier bekijkt of de toegangen wijzigt, wordt dat bijgehouden, ook als het geweigerd werd.
audit-intro-other = Elke keer dat iemand het dossier van { $name } bekijkt of de toegangen wijzigt, wordt dat bijgehouden, ook als het geweigerd werd.
audit-filters = Filters
audit-from = Van
audit-until = Tot
audit-actor = Persoon
audit-actor-everyone = Iedereen
audit-apply = Toon
audit-caption = Wie bekeek of wijzigde uw dossier, het nieuwste eerst
audit-caption-other = Wie bekeek of wijzigde het dossier van { $name }, het nieuwste eerst
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
audit-what-report_pdf = downloadde een verslag als PDF
audit-what-record_pdf = downloadde uw dossier als PDF
audit-what-record_pdf-other = downloadde het dossier als PDF
audit-what-access = bekeek de toegangen
audit-what-audit = bekeek wie uw dossier bekeek
audit-what-audit-other = bekeek wie het dossier bekeek
audit-what-change_access = wijzigde de toegangen ({ $change })
audit-what-referral_request = vroeg toegang aan
audit-what-read_other = bekeek uw dossier
audit-what-read_other-other = bekeek het dossier
audit-what-change_other = wijzigde uw dossier
audit-what-change_other-other = wijzigde het dossier
audit-what-messages = bekeek de berichten
audit-what-message_read = las een bericht
audit-what-message_sent = schreef een bericht
audit-what-message_attachment = opende een bijlage van een bericht
audit-what-requests = bekeek de aanvragen
audit-what-request_filed = diende een aanvraag in ({ $kind })
audit-what-request_attempt = probeerde een aanvraag in te dienen
audit-what-request_answered = beantwoordde een vraag over een aanvraag ({ $kind })
audit-what-request_status = behandelde een aanvraag ({ $kind }: { $status })
audit-what-request_delivery = downloadde het antwoord op een aanvraag ({ $kind })
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
provider-open_of = Dossier openen van { $name }
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
linked-open_of = Dossier openen van { $name }
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
request-deceased-practitioner_missing = Vermeld de arts die het dossier voor u inziet.
request-deceased-not_deceased = Dit verzoek geldt alleen voor het dossier van een overleden patiënt.
request-deceased-bad_date = Vul een datum in als JJJJ-MM-DD.
request-deceased-died_before_birth = De datum van overlijden ligt vóór de geboortedatum.
request-deceased-degree_unknown = Kies uw verwantschap met de patiënt.
request-deceased-no_match = Deze gegevens horen bij geen overleden patiënt van dit ziekenhuis. Controleer het nummer en de datums, of neem contact op met de ombudsdienst van het ziekenhuis.
reason-relative_own_request = Het familielid volgt zijn eigen aanvraag op.
audit-role-relative = familielid
request-destruction-retention = Deze gegevens moeten wettelijk { $years } jaar bewaard blijven. Vernietiging is mogelijk vanaf { $from }.
request-signature_missing = De handtekening van { $signer ->
        [patient] de patiënt
        [first_parent] de eerste ouder
        [second_parent] de tweede ouder
        [partner] de partner
        [relative] het familielid
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
error-too_many_requests = Te veel aanvragen na elkaar. Probeer het over { $minutes } minuten opnieuw.
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
mail-confirm_notice_address-subject = Bevestig dit adres voor meldingen van het patiëntenportaal
mail-confirm_notice_address-body = Goedendag,

    Iemand wil meldingen van het patiëntenportaal ook naar dit e-mailadres laten sturen. De meldingen zeggen alleen dat er iets nieuw is, nooit wat. Bevestig het adres met deze link (hij werkt { $minutes } minuten):

    { $link }

    Kent u dit niet? Dan mag u deze e-mail negeren: zonder bevestiging krijgt dit adres niets.
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
pdf-record-title = Medisch dossier van { $name }
pdf-record-intro = Alle verslagen die u in Inzage kunt lezen, de nieuwste eerst, elk op een nieuwe bladzijde; daarna uw resultaten, uw medisch overzicht, uw medicatie en uw afspraken.
pdf-contents = Inhoud
pdf-section-reports = Verslagen
pdf-section-empty = Er is hier niets dat u kunt lezen.
pdf-birth_date = Geboortedatum
pdf-born = geboren op { $date }
pdf-printed_label = Afgedrukt op
pdf-printed = Afgedrukt op { $date } via Inzage
pdf-page = Pagina { $page } van { $pages }
pdf-file-report = verslag
pdf-file-record = dossier

## Identity: the account page, password reset, code cards (app)
nav-account = Mijn account
account-menu-label = Uw menu
account-menu-toggle = , menu openen
account-title = Mijn account
account-intro = Uw gebruikersnaam, e-mailadres, wachtwoord, codekaart en de plaatsen waar u aangemeld bent.
account-username-title = Gebruikersnaam
account-username-now = Uw gebruikersnaam is { $username }.
account-username-none = U hebt nog geen gebruikersnaam gekozen. U meldt zich aan met uw rijksregisternummer of patiëntnummer.
account-username-label = Nieuwe gebruikersnaam
account-username-hint = Begint met een letter. U kunt u daarna ook met deze naam aanmelden.
account-username-submit = Gebruikersnaam opslaan
account-username-saved = Uw gebruikersnaam is opgeslagen.
account-email-title = E-mailadres
account-email-now_confirmed = Uw e-mailadres is { $email } (bevestigd).
account-email-now_unconfirmed = Uw e-mailadres is { $email } (nog niet bevestigd: klik op de link in de e-mail die we stuurden).
account-email-none = U hebt nog geen e-mailadres opgegeven. Zonder bevestigd e-mailadres kunt u uw wachtwoord niet zelf opnieuw instellen.
account-email-label = E-mailadres
account-email-hint = We sturen een link naar dit adres. Het adres wordt pas gebruikt als u op die link klikt.
account-email-submit = E-mailadres opslaan
account-password-title = Wachtwoord wijzigen
account-password-intro = Na de wijziging worden uw andere sessies beëindigd; deze blijft open.
account-password-current = Huidig wachtwoord
account-password-new = Nieuw wachtwoord
account-password-new-hint = Minstens 8 tekens, liefst langer, bijvoorbeeld enkele woorden na elkaar. Niet uw naam of het nummer waarmee u zich aanmeldt.
account-password-repeat = Nieuw wachtwoord opnieuw
account-password-repeat_differs = De twee nieuwe wachtwoorden zijn niet gelijk.
account-password-submit = Wachtwoord wijzigen
account-password-saved = Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd.
account-card-title = Codekaart
account-card-active = U hebt een actieve codekaart.
account-card-none = U hebt geen actieve codekaart.
account-card-mode-rotation = Bij het aanmelden vraagt het portaal telkens een code op een willekeurige plaats van uw kaart.
account-card-mode-single_use = Elke code van uw kaart werkt één keer. Als er nog maar weinig over zijn, krijgt u een nieuwe kaart.
account-card-codes_left = Codes over op uw kaart: { $count } van 24.
account-card-on_its_way = Een nieuwe codekaart is onderweg per post. Zodra u ze voor het eerst gebruikt, werkt uw oude kaart niet meer.
account-card-offer = Er zijn nog maar weinig codes over op uw kaart. Vraag een nieuwe kaart aan.
account-card-request-intro = Een nieuwe codekaart wordt per post verstuurd naar het adres dat het ziekenhuis van u heeft.
account-card-request = Nieuwe codekaart aanvragen
account-card-ask_helpdesk = Een nieuwe codekaart krijgt u via de helpdesk van het ziekenhuis.
account-card-block-title = Codekaart kwijt of gestolen?
account-card-block-intro = Blokkeer uw kaart meteen, zodat niemand er zich mee kan aanmelden.
account-card-block = Codekaart blokkeren
account-card-block-confirm_title = Wilt u uw codekaart echt blokkeren?
account-card-block-effect_cards = Uw codekaart en een kaart die nog onderweg is, werken niet meer.
account-card-block-effect_sessions = U wordt overal afgemeld, ook hier.
account-card-block-effect_new_card = U kunt zich pas weer aanmelden met een nieuwe codekaart. Uw wachtwoord blijft hetzelfde.
account-card-block-confirm = Ja, blokkeer mijn codekaart
account-session-method-code_card = Aangemeld met codekaart
account-session-method-password_reset = Aangemeld na een nieuw wachtwoord
account-session-method-other = Aangemeld via { $method }
account-session-current = (deze sessie)
account-session-started = Begonnen op { $when }
account-session-last_seen = Laatst gebruikt op { $when }
account-session-from = Vanaf adres { $address }
account-session-end = Sessie beëindigen
account-session-end_label = Sessie beëindigen die begon op { $when }
account-session-ended = De sessie is beëindigd.
account-sessions-title = Waar u aangemeld bent
account-sessions-intro = Herkent u een sessie niet? Beëindig ze en wijzig uw wachtwoord.
account-sessions-end_all = Overal afmelden
login-forgot_password = Wachtwoord vergeten?
login-card_request = Codekaart aanvragen
recovery-back_to_login = Terug naar aanmelden
recovery-forgot-title = Wachtwoord vergeten
recovery-forgot-intro = Vul uw gebruikersnaam, rijksregisternummer of patiëntnummer in. Als u een bevestigd e-mailadres hebt, sturen we een link om een nieuw wachtwoord te kiezen. U hebt ook uw codekaart nodig.
recovery-forgot-submit = Link versturen
recovery-reset-title = Nieuw wachtwoord kiezen
recovery-reset-start_intro = Hou uw codekaart bij de hand: u kiest een nieuw wachtwoord met een code van uw kaart.
recovery-reset-start = Beginnen
recovery-reset-submit = Nieuw wachtwoord opslaan
recovery-reset-done = Uw nieuwe wachtwoord is opgeslagen. U kunt zich nu aanmelden.
recovery-reset-ask_again = Een nieuwe link aanvragen
recovery-card-title = Codekaart aanvragen
recovery-card-intro = Vul uw rijksregisternummer en uw e-mailadres in. Na bevestiging via de link in de e-mail sturen we uw codekaart per post naar het adres dat het ziekenhuis van u heeft.
recovery-card-national_number = Rijksregisternummer
recovery-card-national_number-hint = Het nummer op uw identiteitskaart, bijvoorbeeld 85.07.30-033.28.
recovery-card-email-hint = We sturen een link naar dit adres om de aanvraag te bevestigen.
recovery-card-submit = Aanvraag versturen
recovery-card-desk = Hebt u geen Belgisch rijksregisternummer? De balie van het ziekenhuis drukt uw codekaart meteen af.
recovery-confirm_card-title = Aanvraag van een codekaart bevestigen
recovery-confirm_card-intro = Klik op de knop om uw aanvraag te bevestigen.
recovery-confirm_card-submit = Aanvraag bevestigen
recovery-confirm_email-title = E-mailadres bevestigen
recovery-confirm_email-intro = Klik op de knop om uw e-mailadres te bevestigen.
recovery-confirm_email-submit = E-mailadres bevestigen
recovery-confirm_notice_address-title = Adres voor meldingen bevestigen
recovery-confirm_notice_address-intro = Klik op de knop om te bevestigen dat meldingen van het patiëntenportaal naar dit e-mailadres mogen. Ze zeggen alleen dat er iets nieuw is, nooit wat.
recovery-blocked-title = Uw codekaart is geblokkeerd
recovery-blocked-done = Uw codekaart werkt niet meer. Niemand kan zich er nog mee aanmelden.
recovery-blocked-logged_out = U bent overal afgemeld, ook in deze browser.
recovery-blocked-next_title = Zo krijgt u een nieuwe codekaart
recovery-blocked-next_online = Vraag ze online aan met uw rijksregisternummer en e-mailadres; ze komt per post naar het adres dat het ziekenhuis van u heeft.
recovery-blocked-next_desk = Of ga langs bij de balie van het ziekenhuis met uw identiteitskaart: daar wordt ze meteen afgedrukt.
audit-what-code_card_blocked = De codekaart geblokkeerd
audit-what-code_card_requested = Een nieuwe codekaart aangevraagd
audit-what-code_card_posted = Een codekaart per post verstuurd
audit-what-code_card_printed = Een codekaart afgedrukt aan de balie
staff-cards-title = Codekaarten
staff-cards-intro = Brieven met een codekaart om te versturen. Download de brief, druk hem af, post hem en duid hem dan aan als verstuurd: het bestand wordt dan gewist.
staff-cards-caption = Codekaarten om te versturen
staff-cards-empty = Er zijn geen codekaarten om te versturen.
staff-cards-column-patient = Patiënt
staff-cards-column-address = Adres
staff-cards-column-channel = Aangevraagd
staff-cards-column-confirmed = Bevestigd
staff-cards-column-letter = Brief
staff-cards-channel-online = Online
staff-cards-channel-account = In het portaal
staff-cards-channel-desk = Aan de balie
staff-cards-record_number = Patiëntnummer { $number }
staff-cards-no_address = Geen adres bekend
staff-cards-download = Brief downloaden
staff-cards-download_of = Brief downloaden voor { $name }
staff-cards-mark_posted = Verstuurd
staff-cards-mark_posted_of = Brief voor { $name } is verstuurd
staff-cards-posted = De brief voor { $name } is als verstuurd aangeduid.
staff-helpdesk-title = Helpdesk
staff-helpdesk-intro = Zoek een gebruiker op met een rijksregisternummer, patiëntnummer of gebruikersnaam. Controleer eerst wie u voor zich hebt.
staff-helpdesk-username = Gebruikersnaam, rijksregisternummer of patiëntnummer
staff-helpdesk-submit = Opzoeken
staff-helpdesk-not_found = Niemand gevonden met deze naam of dit nummer.
staff-helpdesk-no_account = Deze patiënt heeft nog geen account. Een codekaart afdrukken maakt er een aan.
staff-helpdesk-disabled = Aanmelden is uitgeschakeld na te veel mislukte pogingen.
staff-helpdesk-locked_until = Aanmelden is geblokkeerd tot { $when }.
staff-helpdesk-can_log_in = Aanmelden is mogelijk.
staff-helpdesk-failures = Mislukte pogingen na elkaar: { $count }
staff-helpdesk-has_card = Heeft een actieve codekaart.
staff-helpdesk-no_card = Heeft geen actieve codekaart.
staff-helpdesk-sessions = Open sessies: { $count }
staff-helpdesk-unlock = Deblokkeren
staff-helpdesk-unlock_of = Aanmelden deblokkeren voor { $name }
staff-helpdesk-print = Codekaart afdrukken
staff-helpdesk-print_of = Codekaart afdrukken voor { $name }
staff-helpdesk-printed = De nieuwe codekaart is klaar. Download en druk ze af; ze wordt nergens bewaard.
staff-helpdesk-download = Codekaart downloaden (PDF)

## Terms of use and suspension (server, domain and app)
login-suspended = Het ziekenhuis heeft uw toegang tot het portaal geschorst. Reden: { $reason }. Neem contact op met de helpdesk: { $phone } of { $email }.
error-terms_not_accepted = Aanvaard eerst de gebruiksvoorwaarden van het portaal.
account-terms_outdated = De gebruiksvoorwaarden zijn intussen gewijzigd. Laad de pagina opnieuw en lees de nieuwe versie.
account-suspension_reason_empty = Vul de reden van de schorsing in; de patiënt leest ze bij het aanmelden.
account-suspension_reason_too_long = Een reden heeft hoogstens 500 tekens.
reason-account_suspended = Het ziekenhuis schorste de toegang tot het portaal.
reason-account_resumed = Het ziekenhuis hief de schorsing op.
terms-title = Gebruiksvoorwaarden
terms-intro = Voor u het patiëntenportaal gebruikt, vragen we u deze voorwaarden te lezen en te aanvaarden (versie { $version }).
terms-personal = Uw toegang is persoonlijk. Geef uw gebruikersnaam, wachtwoord, codekaart of passkey aan niemand; ook het ziekenhuis vraagt er nooit naar.
terms-use = U gebruikt het portaal om uw eigen dossier in te kijken, of dat van wie u vertegenwoordigt of wie u als vertrouwenspersoon aanduidde. Wat u inkijkt of downloadt, bewaart u zorgvuldig.
terms-not_urgent = Het portaal is niet bedoeld voor dringende vragen. Bel bij een noodgeval 112, of uw zorgverlener.
terms-content = Uw dossier toont wat uw zorgverleners hebben gevalideerd. Sommige gegevens verschijnen pas na een gesprek met uw arts, of worden afgeschermd zoals de wet dat toelaat. Vragen over de inhoud stelt u aan uw zorgverlener.
terms-privacy = Het ziekenhuis verwerkt uw gegevens volgens de AVG. Elke inzage in uw dossier wordt bijgehouden; u ziet zelf wie uw dossier bekeek.
terms-misuse = Bij misbruik kan het ziekenhuis uw toegang schorsen. U leest dan bij het aanmelden waarom, en bij wie u terechtkunt.
terms-accept = Ik heb de gebruiksvoorwaarden gelezen en ik aanvaard ze.
terms-accept_required = Vink aan dat u de voorwaarden aanvaardt.
terms-submit = Aanvaarden en verdergaan
terms-contact = Vragen? Helpdesk: { $phone }, { $email }.
audit-what-account_suspended = De toegang tot het portaal geschorst
audit-what-account_resumed = De schorsing van de toegang opgeheven
staff-helpdesk-suspended = Geschorst: { $reason }
staff-helpdesk-suspend_reason = Reden van de schorsing (de patiënt leest ze bij het aanmelden)
staff-helpdesk-suspend = Toegang schorsen
staff-helpdesk-resume = Schorsing opheffen
staff-helpdesk-suspend_done = De toegang is geschorst; alle sessies zijn beëindigd.
staff-helpdesk-resume_done = De schorsing is opgeheven.

## Passkeys (Mijn account, aanmelden)
account-session-method-passkey = Aangemeld met passkey
passkey-title = Passkeys
passkey-intro = Een passkey is een sterkere tweede stap dan de codekaart: uw telefoon, computer of beveiligingssleutel bevestigt dat u het bent, met uw vingerafdruk, gezicht of pincode. Na het toevoegen meldt u zich aan met uw wachtwoord en een passkey in plaats van een code van de kaart.
passkey-none = U hebt nog geen passkey.
passkey-name = Naam van de passkey
passkey-name-hint = Bijvoorbeeld "telefoon" of "laptop thuis", zodat u ze later uit elkaar houdt.
passkey-name-empty = Geef de passkey een naam.
passkey-name-too_long = De naam mag hoogstens 60 tekens lang zijn.
passkey-name-control_character = De naam mag geen tabs of regeleinden bevatten.
passkey-add = Passkey toevoegen
passkey-added = De passkey is toegevoegd.
passkey-removed = De passkey is verwijderd. Hij werkt niet meer om aan te melden.
passkey-added_at = Toegevoegd op { $when }
passkey-last_used = laatst gebruikt op { $when }
passkey-never_used = nog niet gebruikt
passkey-remove = Verwijderen
passkey-remove_named = Passkey { $name } verwijderen
passkey-too_many = U hebt het grootste aantal passkeys dat een account kan hebben. Verwijder er eerst een.
passkey-ceremony_invalid = Het toevoegen duurde te lang of werd al afgerond. Probeer opnieuw.
passkey-not_accepted = Deze passkey werd niet aanvaard. Probeer opnieuw, eventueel met een ander toestel.
passkey-browser_refused = De browser heeft geen passkey gegeven: de vraag werd geannuleerd of uw toestel kan het niet.
passkey-login-hint = Of gebruik een passkey die u in Mijn account toevoegde, in plaats van de code.
passkey-login-button = Aanmelden met passkey

# The record's sections: results, medical summary, medications, appointments.
nav-results = Resultaten
nav-summary = Medisch overzicht
nav-medications = Medicatie
nav-appointments = Afspraken
results-title = Resultaten
results-loading = Resultaten worden geladen…
results-empty = Er zijn nog geen resultaten die u online kunt bekijken.
results-caption = Uw laboratoriumresultaten en metingen, met de laatste waarde per onderzoek
results-column-test = Onderzoek
results-column-latest = Laatste waarde
results-column-range = Referentiewaarden
results-column-date = Datum
results-column-count = Aantal metingen
results-column-value = Waarde
results-column-hospital = Ziekenhuis
results-missing-title = Waarom zie ik een resultaat niet?
results-missing-validation = Een resultaat verschijnt pas wanneer het labo het heeft goedgekeurd.
results-missing-cutoff = { $hospital } toont resultaten vanaf { $cutoff }.
results-back = Terug naar de resultaten
results-flag-low = te laag
results-flag-high = te hoog
results-flag-abnormal = afwijkend
results-chart-title = Verloop van { $test }
results-chart-caption = Elke stip is een meting; een rode stip ligt buiten de referentiewaarden. De tabel hieronder geeft dezelfde waarden.
results-chart-band = De groene band toont de referentiewaarden.
results-unit = Eenheid: { $unit }
results-table-caption = Alle metingen van { $test }, de nieuwste eerst
summary-title = Medisch overzicht
summary-loading = Medisch overzicht wordt geladen…
summary-allergies = Allergieën en overgevoeligheden
summary-allergies-none = Er zijn geen allergieën geregistreerd.
summary-blood_group = Bloedgroep
summary-blood_group-unknown = Uw bloedgroep is niet gekend in het dossier.
summary-risks = Risico's en aandoeningen
summary-risks-none = Er zijn geen risico's geregistreerd.
summary-critical = ernstig
summary-recorded = geregistreerd op { $date }
summary-statements = Verklaringen van de patiënt
summary-statements-hint = Wat de patiënt zelf aan het dossier liet toevoegen, met een aanvraag tot verbetering of aanvulling. Het blijft in het dossier, ook als het ziekenhuis een verbetering niet doorvoert.
summary-statements-none = Er zijn geen verklaringen toegevoegd.
summary-statement-filed = ingediend op { $date }
summary-e_consults = E-consulten
summary-e_consults-none = Er zijn geen e-consulten.
summary-since = sinds { $date }
summary-until = tot { $date }
summary-determined = bepaald op { $date }
medications-title = Medicatie
medications-loading = Medicatie wordt geladen…
medications-current = Huidige medicatie
medications-past = Vroegere medicatie
medications-none = Geen.
medications-prescriber = voorgeschreven door { $name }
medications-note = Dit is de medicatie die het ziekenhuis kent. Neemt u nog andere geneesmiddelen? Meld het bij uw volgende consultatie.
appointments-title = Afspraken
appointments-loading = Afspraken worden geladen…
appointments-upcoming = Komende afspraken
appointments-past = Vorige afspraken en bezoeken
appointments-none = Geen.
appointments-with = bij { $name }
appointments-book = Een afspraak maken
appointments-move = Verplaatsen
appointments-cancel = Annuleren
appointments-cancel-confirm = Wilt u deze afspraak annuleren? Het moment komt dan vrij voor iemand anders.
appointments-cancel-yes = Ja, annuleren
appointments-cancel-no = Nee, behouden
appointments-slots-title = Kies een vrij moment
appointments-slots-move_title = Kies een nieuw moment
appointments-slots-loading = Vrije momenten worden geladen…
appointments-slots-none = Er zijn nu geen vrije momenten die u online kunt kiezen. Bel het ziekenhuis voor een afspraak.
appointments-slots-hint = U kiest online uit momenten vanaf { $hours } uur na nu. Voor een vroegere afspraak belt u het ziekenhuis.
appointments-slots-confirm = Bevestigen
appointments-slots-close = Sluiten
appointments-done-book = Uw afspraak is gemaakt: { $when }.
appointments-done-move = Uw afspraak is verplaatst naar { $when }.
appointments-done-cancel = Uw afspraak van { $when } is geannuleerd.
appointments-done-mailed = U krijgt ook een bevestiging per e-mail.
appointments-book_not_online = Dit ziekenhuis biedt geen online afspraken aan. Bel het ziekenhuis.
appointments-move_not_online = Dit ziekenhuis laat niet toe een afspraak online te verplaatsen. Bel het ziekenhuis.
appointments-cancel_not_online = Dit ziekenhuis laat niet toe een afspraak online te annuleren. Bel het ziekenhuis.
appointments-no_appointment = Deze afspraak bestaat niet.
appointments-not_changeable = Deze afspraak kan niet meer gewijzigd worden: ze is voorbij of geannuleerd.
appointments-too_late = Minder dan { $hours } uur voor de afspraak kunt u ze niet meer online wijzigen. Bel het ziekenhuis.
appointments-no_slot = Kies een vrij moment.
appointments-other_hospital = U kunt een afspraak alleen verplaatsen naar een moment in hetzelfde ziekenhuis.
appointments-same_time = Kies een ander moment dan het huidige.
appointments-slot_taken = Iemand anders heeft dit moment net gekozen. Kies een ander moment.
appointments-slot_too_soon = Dit moment begint binnen { $hours } uur. Kies een later moment of bel het ziekenhuis.
audit-what-results = de resultaten
audit-what-result = het verloop van een resultaat
audit-what-summary = het medisch overzicht
audit-what-medications = de medicatie
audit-what-appointments = de afspraken
audit-what-appointment_book = maakte een afspraak
audit-what-appointment_move = verplaatste een afspraak
audit-what-appointment_cancel = annuleerde een afspraak
record-clinical-active = actief
record-clinical-recurrence = teruggekeerd
record-clinical-relapse = herval
record-clinical-inactive = niet actief
record-clinical-remission = in remissie
record-clinical-resolved = genezen
record-allergy_category-food = voeding
record-allergy_category-medication = geneesmiddel
record-allergy_category-environment = omgeving
record-allergy_category-biologic = biologisch
record-medication-active = actief
record-medication-on_hold = tijdelijk gestopt
record-medication-cancelled = geannuleerd
record-medication-completed = afgerond
record-medication-entered_in_error = foutief ingevoerd
record-medication-stopped = gestopt
record-medication-draft = ontwerp
record-medication-unknown = onbekend
record-medication-intended = gepland
record-medication-not_taken = niet ingenomen
record-appointment-proposed = voorgesteld
record-appointment-pending = in behandeling
record-appointment-booked = gepland
record-appointment-arrived = aangemeld
record-appointment-fulfilled = afgelopen
record-appointment-cancelled = geannuleerd
record-appointment-noshow = niet opgedaagd
record-appointment-checked_in = ingecheckt
record-appointment-waitlist = op de wachtlijst
record-appointment-unknown = onbekend
pdf-column-status = Status
pdf-column-since = Sinds
pdf-column-dosage = Gebruik
pdf-column-when = Wanneer
pdf-column-what = Wat
pdf-column-where = Waar
reports-download-fhir = Mijn gegevens downloaden voor een gezondheidsapp (FHIR)

# Filters, search and pages of the record's lists
list-bad_date = Kies een geldige datum (JJJJ-MM-DD).
list-period_reversed = De einddatum ligt vóór de begindatum.
list-query_too_long = Zoek met hoogstens { $max } tekens.
list-bad_page = Deze pagina bestaat niet.
list-hospital = Ziekenhuis
list-hospital-all = Alle ziekenhuizen
list-from = Vanaf
list-to = Tot en met
list-filters = Zoeken en filteren
list-apply = Toepassen
list-clear = Filters wissen
list-pages = Pagina's
list-page = Pagina { $number } van { $count }
list-previous = Vorige pagina
list-next = Volgende pagina
list-nothing_found = Niets gevonden met deze filters. Pas ze aan of wis ze.
reports-filter-words = Zoeken in verslagen
results-filter-words = Zoeken op onderzoek
nav-search = Zoeken
search-title = Zoeken in mijn dossier
search-words = Zoekwoorden
search-intro = Zoek in uw verslagen, resultaten, allergieën, risico's, medicatie en afspraken. U vindt alleen wat u ook mag openen.
search-loading = Bezig met zoeken…
search-empty = Uw dossier bevat nog niets dat u online kunt bekijken.
search-kind-report = Verslag
search-kind-result = Resultaat
search-kind-allergy = Allergie
search-kind-blood_group = Bloedgroep
search-kind-risk = Risico
search-kind-medication = Medicatie
search-kind-appointment = Afspraak
search-count = Aantal gevonden: { $count }

## Requests and cases (issue 7)
request-hospital-empty = Kies het ziekenhuis.
request-hospital-unknown = Dit ziekenhuis heeft geen gegevens van dit dossier.
request-text-too_long = Deze tekst is te lang: hoogstens { $max } tekens.
request-minor-no_birth_date = De geboortedatum van het kind is niet bekend: het ziekenhuis kan niet nagaan wie moet tekenen. Neem contact op met het ziekenhuis.
request-destruction-nothing_held = Dit ziekenhuis bewaart geen gegevens van dit dossier die vernietigd kunnen worden.
request-signer-not_asked = Dit formulier vraagt dit document niet.
request-routed_elsewhere = Psychiatrische dossiers worden bewaard door { $institution }. Richt uw aanvraag rechtstreeks daar.
case-closed = Deze aanvraag is afgehandeld en verandert niet meer.
case-already_in_progress = Deze aanvraag is al in behandeling.
case-already_waiting = Er staat al een vraag open bij de aanvrager.
case-question-empty = Schrijf de vraag aan de aanvrager.
case-answer-empty = Schrijf uw antwoord.
case-text-too_long = Deze tekst is te lang: hoogstens { $max } tekens.
case-delivery-missing = Voeg het document toe dat de aanvraag beantwoordt (de kopie).
case-delivery-not_expected = Deze stap neemt geen document aan.
case-no_question = Er staat geen vraag open bij deze aanvraag.
case-changed_meanwhile = Iemand anders wijzigde deze aanvraag intussen. Laad de pagina opnieuw.
upload-not_document = Dit bestand is geen PDF, PNG of JPEG. Scan het document opnieuw.
upload-image_too_large = Deze afbeelding is te groot om te openen. Scan het document met een lagere resolutie.
reason-request_handled = Het ziekenhuis behandelde de aanvraag.
reason-request_refused = Het ziekenhuis weigerde de aanvraag.
requests-title = Aanvragen
requests-intro = Vraag hier een kopie van uw dossier of van beeldvorming, een verbetering of aanvulling, of de vernietiging van gegevens. U ziet meteen wanneer het ziekenhuis moet antwoorden en wat het kost.
requests-loading = Uw aanvragen worden geladen…
requests-sent = Uw aanvraag is verstuurd. Het ziekenhuis antwoordt uiterlijk op { $date }.
requests-no_hospital = Er is nog geen ziekenhuis met gegevens in dit dossier: er is niets om aan te vragen.
requests-kind-copy = Kopie van het dossier
requests-kind-copy_for_minor = Kopie van het dossier van een minderjarige
requests-kind-copy_of_fertility_treatment = Kopie van een vruchtbaarheidsbehandeling (IVF/ICSI)
requests-kind-imaging_copy = Kopie van beeldvorming (röntgen, scans)
requests-kind-correction_or_addition = Verbetering of aanvulling
requests-kind-destruction = Vernietiging van gegevens
requests-explain-copy = Het hele dossier of een deel ervan. De eerste kopie is gratis.
requests-explain-copy_for_minor = Voor een kind: wie moet tekenen hangt af van de leeftijd van het kind en van de wet van het land van het ziekenhuis. Voeg van elke ondertekenaar een identiteitsbewijs toe.
requests-explain-copy_of_fertility_treatment = Een vruchtbaarheidsbehandeling betreft beide partners: u en uw partner tekenen allebei.
requests-explain-imaging_copy = Beelden via een beveiligde link in het portaal (gratis) of op een dvd per post.
requests-explain-correction_or_addition = Schrijf welke gegevens volgens u niet kloppen of ontbreken. Uw verklaring wordt aan het dossier toegevoegd.
requests-explain-destruction = Gegevens kunnen pas vernietigd worden als de wettelijke bewaartermijn voorbij is.
requests-fee-amount = € { $amount }
requests-fee = Kosten: { $amount }
requests-fee-free = Gratis
requests-form-title = Nieuwe aanvraag
requests-form-hospital = Ziekenhuis
requests-form-kind = Wat vraagt u?
requests-form-psychiatry = Het gaat om psychiatrische zorg
requests-form-two_parents = Het kind heeft twee ouders met ouderlijk gezag
requests-form-core_data = Ook kerngegevens (identiteit, bloedgroep, allergieën)
requests-form-delivery = Hoe wilt u de beelden ontvangen?
requests-delivery-secure_link = Via een beveiligde link in het portaal (gratis)
requests-delivery-dvd = Op een dvd per post
requests-form-statement = Uw verklaring
requests-form-statement-hint = Welke gegevens kloppen niet of ontbreken, en wat is volgens u juist?
requests-form-note = Toelichting (niet verplicht)
requests-form-note-hint = Bijvoorbeeld welk deel van het dossier of welke periode.
requests-form-document-hint = PDF, PNG of JPEG, hoogstens 5 MB.
requests-form-submit = Aanvraag versturen
requests-signer-patient = Identiteitsbewijs van de patiënt
requests-signer-first_parent = Identiteitsbewijs van de eerste ouder
requests-signer-second_parent = Identiteitsbewijs van de tweede ouder
requests-signer-partner = Identiteitsbewijs van de partner
requests-preview-title = Wat er met deze aanvraag gebeurt
requests-preview-due = Het ziekenhuis antwoordt uiterlijk op { $date }.
requests-preview-missing = Nog nodig voor u kunt versturen:
requests-status-received = Ontvangen
requests-status-in_progress = In behandeling
requests-status-needs_information = Het ziekenhuis heeft een vraag
requests-status-done = Afgehandeld
requests-status-refused = Geweigerd
requests-list-title = Uw aanvragen
requests-list-empty = U heeft nog geen aanvragen ingediend.
requests-case-due = Antwoord uiterlijk op { $date }
requests-case-overdue = Te laat: het antwoord was verwacht op { $date }
requests-case-download = Het antwoord downloaden
requests-case-filed = Ingediend op { $date }
requests-case-note = Toelichting
requests-case-question = Vraag van het ziekenhuis
requests-case-answer = Antwoord
requests-case-your_answer = Uw antwoord
requests-case-send_answer = Antwoord versturen
staff-requests-title = Aanvragen van patiënten
staff-requests-empty = Er zijn geen open aanvragen.
staff-requests-done = { $kind } van { $patient }: { $status }.
staff-requests-files = Bijgevoegde documenten:
staff-requests-step = Volgende stap
staff-requests-step-start = In behandeling nemen
staff-requests-step-ask_information = Een vraag stellen aan de aanvrager
staff-requests-step-complete = Afhandelen
staff-requests-step-refuse = Weigeren
staff-requests-text = Vraag of reden
staff-requests-text-hint = Verplicht bij een vraag of een weigering; de aanvrager leest dit.
staff-requests-delivery = Antwoord (document)
staff-requests-delivery-hint = PDF, PNG of JPEG, hoogstens 100 MB.
staff-requests-submit = Uitvoeren

## Messages (issue 7)
messages-subject-empty = Vul een onderwerp in.
messages-body-empty = Schrijf uw bericht.
messages-too_long = Deze tekst is te lang: hoogstens { $max } tekens.
messages-too_many_attachments = Voeg hoogstens { $max } bijlagen toe.
messages-attachment_refused = De bijlage { $name } wordt niet aanvaard: { $reason }
reason-message_department = De afdeling beantwoordt berichten van patiënten.
messages-title = Berichten
messages-loading = Uw berichten worden geladen…
messages-threads = Uw gesprekken
messages-none = Er zijn nog geen berichten.
messages-unread = { $count } ongelezen
messages-last = Laatste bericht op { $date }
messages-department-patient_questions = Patiëntvragen (overige)
messages-department-parent_child_link = Ouder/kind-koppeling
messages-department-appointments = Afspraken
messages-department-medical_records = Medisch archief
messages-department-billing = Facturatie
messages-doctor-empty = Kies de arts aan wie u de vraag stelt.
messages-doctor-not_expected = Alleen een e-consult gaat naar een arts.
messages-doctor-unknown = Deze arts kan geen e-consult over dit dossier ontvangen.
messages-department-e_consult = E-consult met uw arts
messages-form-doctor = Arts
messages-e_consult-hint = Een vraag aan een arts die u behandelt. De arts antwoordt zelf; de vraag en het antwoord komen in uw dossier.
messages-e_consult-title = E-consulten
messages-e_consult-back = Terug naar mijn patiënten
messages-form-title = Nieuw bericht
messages-urgent = Berichten zijn niet voor dringende vragen. Bel bij een noodgeval 112.
messages-urgent-phone = Berichten zijn niet voor dringende vragen: bel het ziekenhuis op { $phone }, of bij een noodgeval 112.
messages-form-department = Afdeling
messages-form-subject = Onderwerp
messages-form-body = Bericht
messages-form-attachments = Bijlagen (niet verplicht)
messages-form-attachments-hint = Hoogstens 3 bestanden: PDF, PNG of JPEG, elk hoogstens 5 MB.
messages-form-send = Versturen
messages-back = Terug naar de berichten
messages-reply-title = Antwoorden
staff-messages-title = Berichten van patiënten
staff-messages-back = Terug naar de backoffice

## Notifications (issue 7)
notify-topics-empty = Kies waarover u een e-mail wilt krijgen, of zet de meldingen uit.
notify-topics-twice = Elk onderwerp telt maar één keer.
notify-address-known = Dit adres krijgt de meldingen al.
notify-address-too_many = U kunt hoogstens { $max } extra adressen opgeven.
notify-address-sent = We stuurden een link naar dat adres. De meldingen gaan ernaar zodra de link is geopend.
notify-address-confirmed = Het adres is bevestigd: de meldingen gaan er nu ook naartoe.
notify-addresses = Andere adressen voor de meldingen
notify-addresses-hint = Bijvoorbeeld van iemand die u helpt. Elk adres krijgt eerst een link om te bevestigen.
notify-addresses-new = Nieuw adres
notify-addresses-add = Adres toevoegen
notify-addresses-remove = { $email } verwijderen
notify-addresses-remove-button = Verwijderen
notify-addresses-confirmed = bevestigd
notify-addresses-pending = wacht op bevestiging
mail-age_change-subject = Op { $date } verandert wie een dossier mag inzien
mail-age_change-body = Goedendag,

    Op { $date } verjaart een kind of jongere van wie u het dossier volgt, of uzelf. Vanaf die dag verandert volgens de wet wie het dossier in het patiëntenportaal mag inzien.

    Meld u aan om te zien wat er verandert: { $link }

    Deze e-mail zegt niets over de inhoud van het dossier.
mail-appointment-book-subject = Uw afspraak is gemaakt
mail-appointment-move-subject = Uw afspraak is verplaatst
mail-appointment-cancel-subject = Uw afspraak is geannuleerd
mail-appointment-book-body = Goedendag,

    U hebt in het patiëntenportaal een afspraak gemaakt op { $date } om { $time } in { $hospital }.

    Meld u aan om uw afspraken te bekijken: { $link }

    Hebt u dit niet zelf gedaan? Neem dan contact op met het ziekenhuis. In uw account kiest u of u zulke e-mails krijgt.
mail-appointment-move-body = Goedendag,

    U hebt in het patiëntenportaal een afspraak verplaatst naar { $date } om { $time } in { $hospital }.

    Meld u aan om uw afspraken te bekijken: { $link }

    Hebt u dit niet zelf gedaan? Neem dan contact op met het ziekenhuis. In uw account kiest u of u zulke e-mails krijgt.
mail-appointment-cancel-body = Goedendag,

    U hebt in het patiëntenportaal een afspraak geannuleerd op { $date } om { $time } in { $hospital }.

    Meld u aan om uw afspraken te bekijken: { $link }

    Hebt u dit niet zelf gedaan? Neem dan contact op met het ziekenhuis. In uw account kiest u of u zulke e-mails krijgt.
mail-notice-subject = Er is iets nieuw in uw patiëntenportaal
mail-notice-body = Goedendag,

    Er is iets nieuw voor u in het patiëntenportaal:

    { $news }

    Meld u aan om het te bekijken: { $link }

    Deze e-mail bevat geen medische gegevens. In uw account kiest u of en hoe vaak u zulke e-mails krijgt.
mail-notice-new_report = Nieuwe verslagen: { $count }
mail-notice-new_message = Nieuwe berichten van het ziekenhuis: { $count }
mail-notice-request_status = Aanvragen met een nieuwe stand: { $count }
notify-title = E-mailmeldingen
notify-intro = Krijg een e-mail als er iets nieuw is. De e-mail zegt nooit wat: alleen dat er iets is, zonder medische gegevens.
notify-enabled = Stuur mij e-mailmeldingen
notify-topics = Waarover?
notify-topic-new_report = Een nieuw verslag
notify-topic-new_message = Een nieuw bericht van het ziekenhuis
notify-topic-request_status = Een aanvraag met een nieuwe stand
notify-frequency = Hoe vaak?
notify-frequency-immediately = Meteen
notify-frequency-daily = Hoogstens één keer per dag
notify-frequency-weekly = Hoogstens één keer per week
notify-address = De meldingen gaan naar { $email }.
notify-no_address = U heeft nog geen bevestigd e-mailadres: de meldingen gaan pas uit als u hierboven een adres instelt en bevestigt.
notify-save = Bewaren
notify-saved = Uw keuze voor e-mailmeldingen is bewaard.

## A relative's request about a deceased patient
relatives-title = Inzage na overlijden
relatives-intro = Is een familielid overleden? Met de dood eindigt elke toegang tot het dossier in het portaal. U kunt hier, met uw eigen account, vragen om het dossier in te zien. In België ziet een arts die u aanwijst het dossier voor u in; in Nederland weegt een arts uw verzoek af en kan hij u een kopie geven.
relatives-link = Is een familielid overleden? Vraag inzage in het dossier.
relatives-form-title = Nieuwe aanvraag na overlijden
relatives-form-deceased = De overleden patiënt
relatives-form-national_number = Rijksregisternummer of BSN van de patiënt
relatives-form-national_number-hint = 11 cijfers in België, 9 in Nederland.
relatives-form-birth_date = Geboortedatum
relatives-form-died_on = Datum van overlijden
relatives-form-degree = Uw verwantschap
relatives-degree-1 = Ouder, kind of partner (eerste graad)
relatives-degree-2 = Broer, zus, grootouder of kleinkind (tweede graad)
relatives-degree-3 = Verdere familie
relatives-form-motivation = Waarom vraagt u inzage?
relatives-form-practitioner = Arts die het dossier voor u inziet
relatives-form-practitioner-hint = Naam en, als u die kent, het RIZIV-nummer van de arts.
requests-kind-copy_for_deceased_relative = Inzage in het dossier van een overleden familielid
requests-signer-relative = Uw identiteitsbewijs
staff-requests-delivery-optional = Alleen als de arts een kopie toestaat.

## Personal data
nav-personal = Persoonsgegevens
personal-title = Persoonsgegevens
personal-intro = Zo kennen de ziekenhuizen u. Klopt er iets niet, vraag dan hieronder een verbetering.
personal-loading = De persoonsgegevens worden geladen…
personal-unknown = niet bekend
personal-field-name = Naam
personal-field-birth_date = Geboortedatum
personal-field-gender = Geslacht
personal-field-national_number = Rijksregisternummer of BSN
personal-field-record_number = Patiëntnummer
personal-field-postal_address = Adres
personal-gender-female = vrouw
personal-gender-male = man
personal-gender-other = anders
personal-gender-unknown = niet bekend
personal-correction-title = Een verbetering vragen
personal-correction-intro = Het ziekenhuis controleert uw vraag en past de gegevens aan. U volgt de aanvraag op onder Aanvragen.
personal-correction-field = Welk gegeven?
personal-correction-correct = Wat is juist?
personal-correction-submit = Verbetering vragen
personal-correction-follow = Bekijk de aanvraag.

## Installed app: the offline notice (app)
offline-notice = U bent offline. Uw medische gegevens worden nooit op dit toestel bewaard, dus zonder verbinding kunt u uw dossier niet openen. Zodra u weer verbinding heeft, kunt u verder.
offline-unreachable = Inzage is nu niet bereikbaar. Controleer uw internetverbinding en probeer het zo opnieuw.
