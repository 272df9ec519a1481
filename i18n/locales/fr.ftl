# French, as written in Belgium.
# Message ids are the app's keys with every "." written as "-".


## Screens.
app-name = Inzage
app-tagline = Votre dossier médical, en ligne en toute sécurité
nav-skip = Aller au contenu
nav-reports = Rapports
nav-logout = Se déconnecter
nav-logged_in_as = Connecté en tant que
login-title = Se connecter
login-intro = Connectez-vous avec votre nom d'utilisateur, votre mot de passe et un code de votre carte de codes.
login-username = Nom d'utilisateur
login-username-hint = Votre numéro de registre national, votre numéro de patient ou le nom d'utilisateur que vous avez choisi.
login-password = Mot de passe
login-next = Suivant
login-code = Code { $position } de votre carte de codes
login-code-hint = Tapez les 8 chiffres qui figurent à côté du numéro { $position } sur votre carte de codes.
login-submit = Se connecter
login-back = Retour
login-busy = Un instant…
login-oidc-or = Ou connectez-vous sans carte de codes
login-oidc-flow = Cette connexion a expiré ou a déjà été utilisée. Veuillez réessayer.
login-oidc-cancelled = Vous avez annulé la connexion.
login-oidc-provider = Le service de connexion est injoignable pour le moment ou a refusé la connexion. Réessayez plus tard, ou connectez-vous avec votre carte de codes.
login-oidc-token = La réponse du service de connexion n'a pas pu être vérifiée : vous n'êtes pas connecté. Veuillez réessayer.
login-oidc-number = Le service de connexion n'a pas transmis de numéro de registre national ou de BSN valable : vous n'êtes pas connecté.
login-oidc-no_account = Nous n'avons aucun patient avec un compte pour votre numéro de registre national ou votre BSN. Aucun compte n'a été créé. Demandez un compte à l'hôpital, ou connectez-vous avec votre nom d'utilisateur et votre carte de codes.
reports-title = Rapports
reports-empty = Il n'y a pas encore de rapports que vous pouvez lire en ligne.
reports-loading = Chargement des rapports…
reports-missing-title = Pourquoi ne vois-je pas un rapport ?
reports-missing-validation = Un rapport n'apparaît qu'une fois que le médecin l'a approuvé (validé).
reports-missing-shielded = Votre équipe soignante peut masquer un rapport, par exemple lorsqu'il doit d'abord être discuté avec vous ou qu'il contient des informations sur d'autres personnes. Renseignez-vous auprès de votre médecin.
reports-missing-cutoff = { $hospital } affiche les rapports à partir du { $cutoff }.
reports-column-date = Date
reports-column-title = Rapport
reports-column-hospital = Hôpital
report-back = Retour aux rapports
report-date = Date
report-hospital = Hôpital
report-author = Auteur
report-category = Type
report-conclusion = Conclusion
report-results = Résultats
report-result-name = Examen
report-result-value = Valeur
report-result-unit = Unité
report-text = Rapport
report-loading = Chargement du rapport…
report-questions = Des questions sur ce rapport ?
report-questions-intro = Prenez contact avec { $hospital }.
contact-phone = Téléphone
contact-email = E-mail
contact-website = Site web
nav-access = Accès
nav-audit = Qui a consulté mon dossier
nav-provider = Mes patients
nav-main = Menu principal
common-loading = Un instant, chargement des données…
common-cancel = Annuler
common-confirm = Confirmer

## The "Toegangen" page.
access-title = Accès à votre dossier
access-intro = Vous voyez ici qui peut consulter votre dossier et pourquoi. Vous pouvez retirer ou rétablir un accès, ou exclure un prestataire de soins. Chaque modification demande d'abord votre confirmation.
access-people-title = Qui peut consulter votre dossier ?
access-people-empty = Aucun prestataire de soins ni aucune autre personne n'est lié à votre dossier.
access-group-general_practitioner = Médecin généraliste
access-group-treating = Prestataires de soins qui vous traitent
access-group-referrer = Médecins référents
access-group-emergency = Accès d'urgence
access-group-trusted_person = Personne de confiance
access-group-representative = Représentant
access-group-parent = Parents
access-group-excluded = Prestataires de soins exclus
access-treating-note = Les prestataires de soins qui vous traitent dans le réseau hospitalier voient votre dossier tant que le traitement dure. Vous ne pouvez pas le refuser, mais vous pouvez exclure un prestataire de soins en particulier.
access-can_read = Peut consulter votre dossier
access-cannot_read = Ne peut pas consulter votre dossier
access-why = Pourquoi
role-general_practitioner = Médecin généraliste
role-specialist = Spécialiste
role-referrer = Médecin référent
command-refuse_gp = Retirer l'accès du médecin généraliste
command-restore_gp = Rétablir l'accès du médecin généraliste
command-approve_referrer = Autoriser
command-refuse_referrer = Refuser
command-revoke_referrer = Retirer l'autorisation
command-exclude = Exclure
command-lift_exclusion = Lever l'exclusion
command-give_exchange_consent = Donner mon consentement
command-withdraw_exchange_consent = Retirer mon consentement
command-opt_out_of_reuse = M'opposer à la réutilisation
command-withdraw_reuse_opt_out = Retirer mon opposition
command-end_treatment = Mettre fin à la relation thérapeutique
access-requests-title = Demandes de médecins référents
access-requests-empty = Aucune demande n'attend votre réponse.
access-request-filed = Demandé le { $date }
access-request-reason = Motif
access-exchange-title = Partage de données entre hôpitaux (eHealth)
access-exchange-intro = Avec votre consentement, les prestataires de soins qui vous traitent dans un autre hôpital ou un autre cabinet peuvent consulter vos rapports par voie électronique via le réseau eHealth. Vous pouvez retirer ce consentement à tout moment.
access-exchange-given = Vous avez donné votre consentement au partage de données.
access-exchange-not_given = Vous n'avez pas donné votre consentement au partage de données.
access-reuse-title = Réutilisation de vos données pour la recherche
access-reuse-intro = Vos données peuvent être utilisées, sans votre nom, pour la recherche scientifique en dehors des soins. Vous pouvez vous y opposer.
access-reuse-not_retroactive = Votre opposition n'est pas rétroactive : les données déjà utilisées avant votre opposition restent dans cette recherche.
access-reuse-public_interest = Votre opposition ne s'applique pas à la réutilisation d'intérêt public imposée par la loi, comme le Registre du Cancer.
access-reuse-opted_out_since = Vous vous opposez à la réutilisation depuis le { $date }.
access-reuse-not_opted_out = Vous ne vous êtes pas opposé à la réutilisation.
access-projects-title = Projets
access-projects-empty = Vos données n'ont pas encore été réutilisées.
access-project-used = Utilisées le { $date }
purpose-external_research = Recherche en dehors de l'hôpital
purpose-cancer_registry = Registre du Cancer (obligation légale)
purpose-academic_research = Recherche académique d'intérêt public
purpose-teaching = Formation des prestataires de soins
reuse-public_interest = Réutilisation d'intérêt public imposée par la loi : votre opposition ne s'applique pas ici.
reuse-before_opt_out = Ces données ont été utilisées avant votre opposition. Votre opposition n'est pas rétroactive.
reuse-no_opt_out = Vous ne vous étiez pas opposé, cette réutilisation était donc autorisée.
reuse-opted_out = En raison de votre opposition, vos données ne peuvent pas être utilisées à cette fin.
confirm-title = Confirmez votre modification
confirm-command = Vous demandez : { $command }.
confirm-loses = Après cette modification, { $name } ne pourra plus consulter votre dossier ({ $count } rapports).
confirm-loses_one = Après cette modification, { $name } ne pourra plus consulter votre dossier (1 rapport).
confirm-loses_none = Après cette modification, { $name } ne pourra plus consulter votre dossier.
confirm-gains = Après cette modification, { $name } pourra consulter votre dossier.
confirm-exchange_loses = Après cette modification, { $name } ne pourra plus demander votre dossier via le partage de données (eHealth).
confirm-exchange_gains = Après cette modification, { $name } pourra aussi demander votre dossier via le partage de données (eHealth).
confirm-no_read_change = Cette modification ne change pas qui peut consulter votre dossier.
confirm-busy = Enregistrement…
access-done = Votre modification est enregistrée : { $command }.
access-unknown_person = une personne inconnue

## The audit page.
audit-title = Qui a consulté mon dossier
audit-intro = Chaque fois que quelqu'un consulte votre dossier ou modifie les accès, c'est enregistré, même si cela a été refusé.
audit-filters = Filtres
audit-from = Du
audit-until = Au
audit-actor = Personne
audit-actor-everyone = Tout le monde
audit-apply = Afficher
audit-caption = Qui a consulté ou modifié votre dossier, du plus récent au plus ancien
audit-column-when = Quand
audit-column-who = Qui
audit-column-what = Quoi
audit-column-outcome = Résultat
audit-column-why = Pourquoi
audit-permitted = Autorisé
audit-denied = Refusé
audit-empty = Aucun événement ne correspond à ces filtres.
audit-more = Charger la suite
audit-role-patient = vous-même
audit-role-general_practitioner = médecin généraliste
audit-role-specialist = spécialiste
audit-role-referrer = médecin référent
audit-role-person = autre personne
audit-what-reports = a consulté vos rapports
audit-what-report = a consulté un rapport
audit-what-access = a consulté les accès
audit-what-audit = a consulté qui a consulté votre dossier
audit-what-change_access = a modifié les accès ({ $change })
audit-what-referral_request = a demandé l'accès
audit-what-read_other = a consulté votre dossier
audit-what-change_other = a modifié votre dossier
audit-change-refuse_gp = accès du médecin généraliste retiré
audit-change-restore_gp = accès du médecin généraliste rétabli
audit-change-approve_referrer = médecin référent autorisé
audit-change-refuse_referrer = demande du médecin référent refusée
audit-change-revoke_referrer = autorisation du médecin référent retirée
audit-change-exclude = prestataire de soins exclu
audit-change-lift_exclusion = exclusion levée
audit-change-give_exchange_consent = consentement au partage de données donné
audit-change-withdraw_exchange_consent = consentement au partage de données retiré
audit-change-opt_out_of_reuse = opposition à la réutilisation
audit-change-withdraw_reuse_opt_out = opposition à la réutilisation retirée
audit-change-end_treatment = fin de la relation thérapeutique
audit-change-other = autre modification

## The care provider's pages.
provider-title = Mes patients
provider-intro = Les patients dont le dossier vous mentionne, et si vous pouvez le consulter maintenant.
provider-empty = Aucun patient ne vous est lié.
provider-born = Né(e) le { $date }
provider-access = Accès
provider-no_access = Pas d'accès
provider-open = Ouvrir le dossier
provider-open_of = Ouvrir le dossier de { $name }
provider-record-title = Dossier
provider-record-title_of = Dossier de { $name }
provider-record-back = Retour à mes patients
provider-record-no_access = Vous n'avez pas accès à ce dossier, ou il n'existe pas.
provider-record-empty = Ce dossier ne contient aucun rapport que vous pouvez lire.
referral-title = Demander l'accès en tant que médecin référent
referral-intro = Demandez au patient l'autorisation de consulter son dossier. Le patient voit votre nom et votre motif, et décide lui-même.
referral-national_number = Numéro de registre national
referral-national_number-hint = Le numéro de registre national du patient, 11 chiffres.
referral-reason = Motif
referral-reason-hint = Pourquoi vous avez besoin du dossier. Le patient lit ce texte.
referral-submit = Envoyer la demande
referral-sent = Votre demande a été envoyée. Le patient décide si vous pouvez consulter le dossier.
notfound-title = Page introuvable
notfound-body = Cette page n'existe pas.
access-view_as = Voir votre dossier comme { $name } le voit
view_as-title = Votre dossier tel que { $name } le voit
view_as-intro = Voici comment cette personne voit votre dossier en ce moment. Vous ne pouvez rien modifier ici, et votre consultation n'est pas enregistrée comme un accès de sa part.
view_as-back = Retour aux accès
view_as-reports = Rapports que cette personne peut lire
view_as-none = Cette personne ne peut lire aucun de vos rapports.

## Errors from the server.
error-not_found = Ce rapport n'existe pas, ou vous n'y avez pas accès.
error-unauthenticated = Vous n'êtes pas (ou plus) connecté. Veuillez vous reconnecter.
error-validation = Vérifiez les champs indiqués.
error-bad_request = La demande était incomplète. Veuillez réessayer.
error-internal = Un problème est survenu de notre côté. Veuillez réessayer plus tard.
error-network = Pas de connexion avec le serveur. Vérifiez votre connexion internet et réessayez.
error-forbidden = Vous n'êtes pas autorisé à faire ceci.
error-practitioners_only = Cette page est réservée aux prestataires de soins.
access-bad_principal_kind = Cette personne n'existe pas dans votre dossier.
error-conflict = Votre dossier a été modifié entre-temps. Rechargez la page.
access-gp_already_refused = Vous aviez déjà retiré l'accès de votre médecin généraliste.
access-gp_not_refused = L'accès de votre médecin généraliste n'avait pas été retiré.
access-referrer_already_approved = Vous aviez déjà donné l'accès à ce médecin référent.
access-referrer_not_approved = Ce médecin référent n'avait plus d'autorisation.
access-already_excluded = Ce prestataire de soins était déjà exclu.
access-not_excluded = Ce prestataire de soins n'était pas exclu.
access-exchange_already_given = Vous aviez déjà donné votre consentement au partage de données.
access-exchange_not_given = Vous n'aviez pas donné votre consentement au partage de données.
access-reuse_already_opted_out = Vous vous étiez déjà opposé à la réutilisation.
access-reuse_not_opted_out = Vous ne vous étiez pas opposé à la réutilisation.
access-treating_cannot_be_refused = Vous ne pouvez pas refuser l'accès d'un prestataire de soins qui vous traite. Vous pouvez toutefois exclure ce prestataire.
access-unknown_practitioner = Ce prestataire de soins n'est pas connu dans le réseau.
access-no_pending_request = Il n'y a pas (plus) de demande en cours de ce médecin référent.
audit-bad_date = Écrivez la date sous la forme AAAA-MM-JJ.
audit-until_before_from = La date de fin précède la date de début.
audit-bad_limit = Demandez au maximum { $max } lignes à la fois.
referral-reason-empty = Indiquez le motif de votre demande.
referral-reason-too_long = Un motif compte au maximum { $max } caractères.
reason-report_not_available = Ce rapport n'était pas disponible.
reason-referral_request = Tout prestataire de soins du réseau peut demander l'accès. La demande elle-même ne donne pas accès : c'est vous qui décidez.
login-failed = La combinaison du nom d'utilisateur, du mot de passe et du code est incorrecte. Réessayez avec un nouveau code.
login-challenge_invalid = Votre connexion a pris trop de temps. Recommencez.
login-locked = Après trop de tentatives infructueuses, la connexion est temporairement bloquée jusqu'au { $until }.

## Validation (domain crate).
login-username-empty = Indiquez votre nom d'utilisateur.
insz-empty = Indiquez votre numéro de registre national.
insz-invalid_character = Un numéro de registre national ne contient que des chiffres.
insz-wrong_length = Un numéro de registre national compte 11 chiffres.
insz-invalid_date = Ce numéro de registre national ne contient pas de date de naissance valable.
insz-invalid_checksum = Ce numéro de registre national n'est pas correct. Vérifiez les chiffres.
insz-invalid_serial = Ce numéro de registre national a un numéro d'ordre non valable.
bsn-empty = Indiquez votre BSN.
bsn-invalid_character = Un BSN ne contient que des chiffres.
bsn-wrong_length = Un BSN compte 9 chiffres.
bsn-invalid_checksum = Ce BSN n'est pas correct. Vérifiez les chiffres.
record_number-invalid_character = Un numéro de patient ne contient que des chiffres.
record_number-wrong_length = Un numéro de patient compte de 4 à 10 chiffres.
username-too_short = Un nom d'utilisateur compte au moins 3 caractères.
username-too_long = Un nom d'utilisateur compte au maximum 64 caractères.
username-must_start_with_letter = Un nom d'utilisateur commence par une lettre.
username-invalid_character = Un nom d'utilisateur ne contient que des lettres, des chiffres, des points, des tirets bas et des traits d'union.
password-empty = Indiquez votre mot de passe.
password-too_short = Un mot de passe compte au moins 8 caractères.
password-too_long = Un mot de passe compte au maximum 128 caractères.
code_card-answer-empty = Indiquez le code de votre carte de codes.
code_card-answer-invalid_character = Un code ne contient que des chiffres.
code_card-answer-wrong_length = Un code compte 8 chiffres.
code_card-position-out_of_range = Cette position n'existe pas sur une carte de codes.
email-empty = Indiquez votre adresse e-mail.
email-too_long = Une adresse e-mail compte au maximum 254 caractères.
email-missing_at = Une adresse e-mail contient un @.
email-invalid_local_part = La partie avant le @ n'est pas valable.
email-invalid_domain = La partie après le @ n'est pas un nom de domaine valable.
birth_date-empty = Indiquez votre date de naissance.
birth_date-invalid_format = Écrivez la date de naissance sous la forme JJ-MM-AAAA.
birth_date-invalid_date = Ce jour n'existe pas.
birth_date-in_the_future = Une date de naissance ne peut pas être dans le futur.
birth_date-too_long_ago = Une date de naissance est postérieure au 1er janvier 1900.

## The language switcher and dates.
lang-choose = Langue
date-at_time = { $date } à { $time }

## The child's consent (the Netherlands, 12 to 15).
command-give_child_consent = Donner mon consentement au parent
command-withdraw_child_consent = Retirer mon consentement au parent
audit-change-give_child_consent = consentement donné au parent
audit-change-withdraw_child_consent = consentement au parent retiré
access-child_consent_already_given = Vous aviez déjà donné votre consentement à ce parent.
access-child_consent_not_given = Vous n'aviez pas donné votre consentement à ce parent.
access-only_the_child_consents = Seul l'enfant peut donner ou retirer ce consentement.
access-child_consent_not_applicable = Ce consentement n'est pas nécessaire ici : il ne concerne que les enfants de 12 à 16 ans aux Pays-Bas.
access-not_a_parent_with_authority = Cette personne n'est pas un parent exerçant l'autorité parentale.

## Acting for someone else: the current record, linked records and link requests.
nav-linked = Dossiers liés
nav-staff = Demandes
records-menu-label = , choisir un dossier
records-menu-title = Quel dossier voulez-vous consulter ?
records-menu-own = { $name } (votre propre dossier)
records-menu-manage = Gérer les dossiers liés
records-current = Dossier de { $name }
records-gone = Vous ne pouvez plus consulter le dossier de { $name }. Vous voyez maintenant votre propre dossier.
linked-title = Dossiers liés
linked-intro = Vous voyez ici les dossiers que vous pouvez consulter pour quelqu'un d'autre, par exemple votre enfant, et pourquoi. Choisissez un dossier dans le menu sous votre nom pour l'ouvrir.
linked-records-title = Dossiers que vous pouvez consulter
linked-can_read = Vous pouvez consulter ce dossier
linked-cannot_read = Vous ne pouvez pas consulter ce dossier maintenant
linked-none = Vous n'êtes encore lié au dossier de personne d'autre.
linked-open = Ouvrir le dossier
linked-open_of = Ouvrir le dossier de { $name }
linked-change-soon = Bientôt :
linked-change-own_gains = Le { $date }, vous aurez { $age } ans. Vous pourrez alors consulter vous-même votre dossier.
linked-change-own_others = Le { $date }, vous aurez { $age } ans. Les personnes qui peuvent consulter votre dossier changeront alors : voir Accès.
linked-change-be_link_ends = Le { $date }, { $name } aura { $age } ans. Vous ne pourrez alors plus consulter le dossier de { $name } ; { $name } pourra ensuite vous donner accès lui-même ou elle-même.
linked-change-nl_child_decides = Le { $date }, { $name } aura { $age } ans. Vous ne pourrez alors plus consulter le dossier de { $name } ; { $name } décidera seul ou seule qui voit le dossier.
linked-change-nl_consent_needed = Le { $date }, { $name } aura { $age } ans. Vous ne pourrez ensuite consulter le dossier de { $name } qu'avec son accord.
linked-change-loses = Le { $date }, { $name } aura { $age } ans. Vous ne pourrez alors plus consulter le dossier de { $name }.
linked-change-gains = Le { $date }, { $name } aura { $age } ans. Vous pourrez alors consulter le dossier de { $name }.
link-form-title = Demander l'accès au dossier de votre enfant
link-form-intro = Le service de médiation de l'hôpital vérifie votre demande. Une fois approuvée, vous trouvez le dossier de votre enfant dans le menu sous votre nom, aussi longtemps que la loi le permet : en Belgique jusqu'aux 15 ans de votre enfant, aux Pays-Bas jusqu'à 12 ans puis, avec l'accord de votre enfant, jusqu'à 16 ans.
link-form-sent = Votre demande a été envoyée. Vous verrez ci-dessous quand le service de médiation aura décidé.
link-form-child_name = Nom de votre enfant
link-form-child_name-hint = Prénom et nom de famille, comme sur la carte d'identité.
link-form-national_number = Numéro de registre national ou BSN de votre enfant
link-form-national_number-hint = Le numéro de registre national (11 chiffres) ou, pour un enfant soigné aux Pays-Bas, le BSN (9 chiffres).
link-form-message = Message à l'hôpital
link-form-message-hint = Facultatif. Par exemple, votre lien avec l'enfant.
link-form-submit = Envoyer la demande
link-requests-title = Vos demandes
link-requests-empty = Vous n'avez encore envoyé aucune demande.
link-requests-filed = Demandé le { $date }
link-requests-reason = Réponse du service de médiation
link-status-pending = En cours de traitement
link-status-approved = Approuvée
link-status-refused = Refusée
national_number-empty = Indiquez le numéro de registre national ou le BSN.
national_number-wrong_length = Un numéro de registre national compte 11 chiffres, un BSN 9.
link-child_name-empty = Indiquez le nom de votre enfant.
link-child_name-too_long = Un nom compte au maximum { $max } caractères.
link-message-too_long = Un message compte au maximum { $max } caractères.
error-patients_only = Cette page est réservée aux patients.
error-staff_only = Cette page est réservée au personnel de l'hôpital.
reason-link_approved = Le service de médiation a approuvé la demande d'un parent.
reason-link_refused = Le service de médiation a refusé la demande d'un parent.
audit-role-ombuds = service de médiation
audit-what-link_approved = a lié un parent au dossier
audit-what-link_refused = a refusé de lier un parent au dossier

## The back office (the ombuds service).
staff-title = Demandes
staff-intro = Demandes de parents pour consulter le dossier de leur enfant. Vérifiez que le numéro correspond à l'enfant. Un refus demande une raison : le parent la lira.
staff-queue-empty = Aucune demande n'attend de décision.
staff-queue-caption = Demandes de lien, les plus anciennes d'abord
staff-column-requester = Demandeur
staff-column-child = Enfant (tel qu'écrit)
staff-column-number = Numéro de registre national ou BSN
staff-column-message = Message
staff-column-filed = Introduite
staff-column-record = Patient ayant ce numéro
staff-column-decision = Décision
staff-born = né(e) le { $date }
staff-no_patient = aucun patient avec ce numéro
staff-approve = Approuver
staff-refuse = Refuser
staff-reason = Raison du refus
staff-approved = La demande de { $requester } pour { $child } a été approuvée.
staff-refused = La demande de { $requester } pour { $child } a été refusée.
staff-reason-empty = Indiquez la raison du refus : le demandeur la lira.
link-already_decided = Cette demande a déjà fait l'objet d'une décision.
link-no_such_patient = Aucun patient n'a ce numéro. Vous pouvez seulement refuser la demande.
link-child_too_old = Cet enfant a déjà { $age } ans ou plus : la loi ne donne plus d'accès au parent par un lien.
link-child_died = Cet enfant est décédé : un lien n'est plus possible.
link-no_birth_date = La date de naissance de cet enfant est inconnue. Sans date de naissance, la loi ne donne pas de lien.
staff-child_too_old = { $name } a déjà { $age } ans ou plus : la loi ne donne plus d'accès au parent par un lien.
staff-child_died = { $name } est décédé(e) : un lien n'est plus possible.
staff-no_birth_date = La date de naissance de { $name } est inconnue. Sans date de naissance, la loi ne donne pas de lien.
link-own_record = Une personne ne peut pas être liée à son propre dossier.

## Requests (domain's requests module)
request-copy-first_free = La première copie de votre dossier est gratuite.
request-correction-statement_added = Votre propre déclaration est ajoutée à votre dossier.
request-correction-statement_missing = Indiquez quelles données sont selon vous incorrectes ou manquantes.
request-deceased-motivation_missing = Indiquez pourquoi vous souhaitez consulter le dossier.
request-deceased-patient_objected = De son vivant, le patient s'est opposé à la consultation de son dossier par ses proches après son décès.
request-deceased-degree_too_far = Seuls les proches jusqu'au deuxième degré peuvent demander à consulter le dossier après le décès.
request-deceased-through_practitioner = Vous consultez le dossier indirectement, par l'intermédiaire d'un médecin que vous désignez.
request-deceased-doctor_weighs = Un médecin examine votre demande.
request-destruction-retention = La loi impose de conserver ces données pendant { $years } ans ; elles ne peuvent pas encore être détruites.
request-signature_missing = La signature { $signer ->
        [patient] du patient
        [first_parent] du premier parent
        [second_parent] du second parent
        [partner] du partenaire
       *[other] de { $signer }
    } manque.

## Designations (trusted person, representative, authorisation)
command-revoke_designation = Révoquer la désignation
audit-change-revoke_designation = désignation révoquée
access-cannot_revoke_self = Vous ne pouvez pas révoquer vous-même votre propre désignation. Contactez le service de médiation.
access-no_designation = Cette personne n'est pas (ou plus) désignée.
designation-own_record = Vous ne pouvez pas vous désigner vous-même pour votre propre dossier.
designation-patient_died = Le patient est décédé : une désignation n'est plus possible.
designation-wrong_country = Cette désignation n'existe pas dans le pays de l'hôpital du patient.

## Designation forms
designation-kind-unknown = Choisissez ce que vous souhaitez désigner.
designation-name-empty = Indiquez le nom de la personne.
designation-no_such_person = Aucune personne n'est connue avec ce numéro de registre national ou ce BSN.
upload-missing = Ajoutez le formulaire signé (PDF).
upload-too_large = Le fichier est trop volumineux : { $max } au maximum.
upload-not_pdf = Ce fichier n'est pas un PDF. Scannez le formulaire signé en PDF.
upload-active_content = Ce PDF contient des scripts ou des fichiers intégrés et n'est pas accepté. Scannez à nouveau le formulaire.
reason-designation_approved = Le service de médiation a approuvé la désignation.
reason-designation_refused = Le service de médiation a refusé la désignation.

## Designations on Toegangen and in the back office
designation-title-be = Désigner une personne de confiance ou un représentant
designation-title-nl = Enregistrer une autorisation
designation-intro-be = Vous pouvez désigner quelqu'un qui vous assiste ou qui décide pour vous lorsque vous ne pouvez pas le faire vous-même. Le service de médiation vérifie le formulaire signé avant que la désignation ne prenne effet.
designation-intro-nl = Quelqu'un peut agir en votre nom si vous l'y autorisez par écrit, ou si le juge a nommé un curateur ou un mentor. Le service de médiation vérifie le document avant qu'il ne prenne effet.
designation-kind-trusted_person = Personne de confiance
designation-kind-representative = Représentant
designation-kind-curator = Curateur
designation-kind-mentor = Mentor
designation-kind-written_authorisation = Autorisation écrite
designation-explain-trusted_person = vous aide : peut recevoir des informations avec vous ou à votre place, consulter votre dossier et en demander une copie.
designation-explain-representative = exerce vos droits de patient, mais uniquement tant que vous n'êtes pas en mesure de décider vous-même.
designation-explain-curator = nommé par le juge ; défend vos intérêts et peut consulter votre dossier.
designation-explain-mentor = nommé par le juge pour vos soins et votre traitement ; peut consulter votre dossier.
designation-explain-written_authorisation = vous autorisez vous-même quelqu'un, par écrit et avec votre signature, à consulter votre dossier.
designation-blank-intro = Téléchargez le formulaire, remplissez-le, signez-le et chargez-le ci-dessous en PDF. Pour un curateur ou un mentor, chargez la décision du juge.
designation-blank-trusted_person = Formulaire vierge personne de confiance (PDF)
designation-blank-representative = Formulaire vierge représentant (PDF)
designation-blank-written_authorisation = Formulaire vierge d'autorisation (PDF)
designation-form-kind = Que voulez-vous enregistrer ?
designation-form-name = Nom de la personne
designation-form-name-hint = Prénom et nom, comme sur la carte d'identité.
designation-form-number = Numéro de registre national ou BSN de la personne
designation-form-number-hint = 11 chiffres (registre national) ou 9 chiffres (BSN).
designation-form-file = Le formulaire signé
designation-form-file-hint = Un PDF de 5 Mo au maximum.
designation-form-submit = Envoyer le formulaire
designation-form-sent = Votre formulaire a été envoyé. Le service de médiation l'examine ; vous verrez sa réponse ci-dessous.
designation-requests-title = Vos désignations
designation-requests-empty = Vous n'avez encore désigné personne.
designation-requests-filed = Introduite le { $date }
staff-designations-title = Désignations
staff-designations-intro = Personnes de confiance, représentants et autorisations demandés par des patients avec un formulaire signé. Vérifiez le formulaire et que le numéro appartient à la personne nommée.
staff-designations-empty = Aucune désignation n'attend de décision.
staff-designations-caption = Désignations, les plus anciennes d'abord
staff-designation-column-patient = Patient
staff-designation-column-kind = Type
staff-designation-column-designee = Personne désignée
staff-designation-column-form = Formulaire
staff-designation-known_as = dans le réseau : { $name }
staff-designation-no_person = aucune personne avec ce numéro
staff-designation-form_link = Voir le formulaire (PDF, { $size } Ko)
staff-designation-approved = La désignation de { $designee } par { $patient } est approuvée.
staff-designation-refused = La désignation de { $designee } par { $patient } est refusée.

## Audit roles of people acting for the patient
audit-role-parent = parent
audit-role-trusted_person = personne de confiance
audit-role-representative = représentant
audit-role-authorised = personne mandatée

## Identity: the account, password reset, code cards (server and domain)
password-contains_name = Un mot de passe ne peut pas contenir votre nom, votre nom d'utilisateur, votre numéro de registre national ni le nom du portail.
password-common = Ce mot de passe est trop courant et facile à deviner. Choisissez un mot de passe plus long, par exemple quelques mots à la suite.
account-username_is_a_number = Un nom d'utilisateur commence par une lettre ; un numéro ne peut pas être un nom d'utilisateur.
account-card_needs_belgian_number = La demande de carte de codes en ligne requiert un numéro de registre national belge. Sans ce numéro, l'accueil vous aidera.
login-disabled = Après trop de tentatives infructueuses, la connexion est désactivée pour cet utilisateur. Contactez le service d'assistance de l'hôpital.
error-cross_site = Cette demande ne provenait pas du portail lui-même et a été refusée.
account-current_password_wrong = Votre mot de passe actuel est incorrect.
account-username_taken = Ce nom d'utilisateur est déjà pris. Choisissez-en un autre.
account-email_confirmation_sent = Nous avons envoyé un lien de confirmation à cette adresse. Elle sera utilisée dès que vous cliquerez sur le lien.
account-link_invalid = Ce lien n'est pas valable, a déjà servi ou a expiré. Demandez-en un nouveau.
account-email_confirmed = Votre adresse e-mail est confirmée.
account-card_on_its_way = Votre nouvelle carte de codes est imprimée et envoyée par la poste à l'adresse que l'hôpital connaît. Dès sa première utilisation, votre ancienne carte ne fonctionnera plus.
account-card_request_sent = Merci. Nous avons envoyé un lien à votre adresse e-mail pour confirmer la demande.
account-card_request_confirmed = Votre demande est confirmée. Si l'hôpital vous connaît, vous recevrez votre carte de codes par la poste dans quelques jours, à l'adresse que l'hôpital connaît.
account-reset_sent = Si cet utilisateur existe et a une adresse e-mail confirmée, vous recevrez dans quelques minutes un lien pour choisir un nouveau mot de passe.
reason-code_card_blocked = Le patient a bloqué la carte de codes.
reason-code_card_requested = Le patient a demandé une nouvelle carte de codes.
reason-code_card_posted = L'hôpital a envoyé une carte de codes par la poste.
reason-code_card_printed = L'hôpital a imprimé une carte de codes à l'accueil.
mail-confirm_email-subject = Confirmez votre adresse e-mail
mail-confirm_email-body = Bonjour,

    Confirmez votre adresse e-mail pour le portail patient avec ce lien :

    { $link }

    Vous n'avez rien demandé ? Ignorez simplement cet e-mail.
mail-confirm_card-subject = Confirmez votre demande de carte de codes
mail-confirm_card-body = Bonjour,

    Vous avez demandé une carte de codes pour le portail patient. Confirmez la demande avec ce lien :

    { $link }

    La carte est envoyée par la poste à l'adresse que l'hôpital connaît. Vous n'avez rien demandé ? Ignorez simplement cet e-mail.
mail-reset-subject = Choisissez un nouveau mot de passe
mail-reset-body = Bonjour,

    Avec ce lien, vous choisissez un nouveau mot de passe pour le portail patient. Votre carte de codes vous sera aussi demandée. Le lien fonctionne une fois, pendant { $minutes } minutes :

    { $link }

    Vous n'avez rien demandé ? Ignorez cet e-mail ; votre mot de passe ne change pas.
card_letter-portal = Portail patient : { $url }
card_letter-date = Date : { $date }
card_letter-title = Votre carte de codes personnelle
card_letter-body = Cette carte de codes vous permet de vous connecter au portail patient. Saisissez votre nom d'utilisateur ({ $username }) et votre mot de passe ; le portail vous demande alors le code d'une case numérotée de cette carte.
card_letter-first_password = Vous n'avez pas encore de mot de passe ? Sur { $url }, choisissez « Mot de passe oublié » : vous recevrez un lien à l'adresse e-mail indiquée, puis choisirez un mot de passe avec un code de cette carte.
card_letter-keep_safe = Conservez cette carte en lieu sûr et ne donnez les codes à personne, même pas à quelqu'un qui dit appeler de l'hôpital. Perdue ou volée ? Bloquez-la tout de suite dans le portail (Mon compte) ou via le service d'assistance.
card_letter-card_title = Carte de codes de { $name }
