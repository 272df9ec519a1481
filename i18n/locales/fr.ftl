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
reports-missing-notes = Un hôpital n'affiche les notes de consultation que s'il les publie dans le portail. Vous pouvez toujours les obtenir par une demande de copie.
reports-missing-cutoff = { $hospital } affiche les rapports à partir du { $cutoff }.
reports-download = Télécharger tout le dossier (PDF)
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
report-result-range = Valeurs de référence
report-text = Rapport
report-documents = Documents
report-loading = Chargement du rapport…
report-questions = Des questions sur ce rapport ?
report-questions-intro = Prenez contact avec { $hospital }.
report-download = Télécharger en PDF
contact-phone = Téléphone
contact-email = E-mail
contact-website = Site web
nav-messages = Messages
nav-requests = Demandes
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
access-intro-other = Vous voyez ici qui peut consulter le dossier de { $name } et pourquoi. Vous pouvez retirer ou rétablir un accès, ou exclure un prestataire de soins. Chaque modification demande d'abord votre confirmation.
access-people-title = Qui peut consulter votre dossier ?
access-people-title-other = Qui peut consulter le dossier de { $name } ?
access-people-empty = Aucun prestataire de soins ni aucune autre personne n'est lié à votre dossier.
access-people-empty-other = Aucun prestataire de soins ni aucune autre personne n'est lié au dossier de { $name }.
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
access-can_read-other = Peut consulter le dossier
access-cannot_read = Ne peut pas consulter votre dossier
access-cannot_read-other = Ne peut pas consulter le dossier
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
confirm-loses-other = Après cette modification, { $name } ne pourra plus consulter le dossier de { $record } ({ $count } rapports).
confirm-loses_one = Après cette modification, { $name } ne pourra plus consulter votre dossier (1 rapport).
confirm-loses_one-other = Après cette modification, { $name } ne pourra plus consulter le dossier de { $record } (1 rapport).
confirm-loses_none = Après cette modification, { $name } ne pourra plus consulter votre dossier.
confirm-loses_none-other = Après cette modification, { $name } ne pourra plus consulter le dossier de { $record }.
confirm-gains = Après cette modification, { $name } pourra consulter votre dossier.
confirm-gains-other = Après cette modification, { $name } pourra consulter le dossier de { $record }.
confirm-exchange_loses = Après cette modification, { $name } ne pourra plus demander votre dossier via le partage de données (eHealth).
confirm-exchange_loses-other = Après cette modification, { $name } ne pourra plus demander le dossier de { $record } via le partage de données (eHealth).
confirm-exchange_gains = Après cette modification, { $name } pourra aussi demander votre dossier via le partage de données (eHealth).
confirm-exchange_gains-other = Après cette modification, { $name } pourra aussi demander le dossier de { $record } via le partage de données (eHealth).
confirm-no_read_change = Cette modification ne change pas qui peut consulter votre dossier.
confirm-no_read_change-other = Cette modification ne change pas qui peut consulter le dossier de { $name }.
confirm-busy = Enregistrement…
access-done = Votre modification est enregistrée : { $command }.
access-unknown_person = une personne inconnue

## The audit page.
audit-title = Qui a consulté mon dossier
audit-intro = Chaque fois que quelqu'un consulte votre dossier ou modifie les accès, c'est enregistré, même si cela a été refusé.
audit-intro-other = Chaque fois que quelqu'un consulte le dossier de { $name } ou modifie les accès, c'est enregistré, même si cela a été refusé.
audit-filters = Filtres
audit-from = Du
audit-until = Au
audit-actor = Personne
audit-actor-everyone = Tout le monde
audit-apply = Afficher
audit-caption = Qui a consulté ou modifié votre dossier, du plus récent au plus ancien
audit-caption-other = Qui a consulté ou modifié le dossier de { $name }, du plus récent au plus ancien
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
audit-what-report_pdf = a téléchargé un rapport en PDF
audit-what-record_pdf = a téléchargé votre dossier en PDF
audit-what-record_pdf-other = a téléchargé le dossier en PDF
audit-what-access = a consulté les accès
audit-what-audit = a consulté qui a consulté votre dossier
audit-what-audit-other = a consulté qui a consulté le dossier
audit-what-change_access = a modifié les accès ({ $change })
audit-what-referral_request = a demandé l'accès
audit-what-read_other = a consulté votre dossier
audit-what-read_other-other = a consulté le dossier
audit-what-change_other = a modifié votre dossier
audit-what-change_other-other = a modifié le dossier
audit-what-messages = a consulté les messages
audit-what-message_read = a lu un message
audit-what-message_sent = a écrit un message
audit-what-message_attachment = a ouvert une pièce jointe d'un message
audit-what-requests = a consulté les demandes
audit-what-request_filed = a introduit une demande ({ $kind })
audit-what-request_attempt = a tenté d'introduire une demande
audit-what-request_answered = a répondu à une question sur une demande ({ $kind })
audit-what-request_status = a traité une demande ({ $kind } : { $status })
audit-what-request_delivery = a téléchargé la réponse à une demande ({ $kind })
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
request-deceased-practitioner_missing = Indiquez le médecin qui consultera le dossier pour vous.
request-deceased-not_deceased = Cette demande ne vaut que pour le dossier d'un patient décédé.
request-deceased-bad_date = Saisissez une date au format AAAA-MM-JJ.
request-deceased-died_before_birth = La date du décès précède la date de naissance.
request-deceased-degree_unknown = Choisissez votre lien de parenté avec le patient.
request-deceased-no_match = Ces données ne correspondent à aucun patient décédé de cet hôpital. Vérifiez le numéro et les dates, ou contactez le service de médiation de l'hôpital.
reason-relative_own_request = Le proche suit sa propre demande.
audit-role-relative = proche
request-destruction-retention = La loi impose de conserver ces données pendant { $years } ans. Elles peuvent être détruites à partir du { $from }.
request-signature_missing = La signature { $signer ->
        [patient] du patient
        [first_parent] du premier parent
        [second_parent] du second parent
        [partner] du partenaire
        [relative] du proche
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
error-too_many_requests = Trop de demandes à la suite. Réessayez dans { $minutes } minutes.
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
mail-confirm_notice_address-subject = Confirmez cette adresse pour les notifications du portail patient
mail-confirm_notice_address-body = Bonjour,

    Quelqu'un souhaite que les notifications du portail patient soient aussi envoyées à cette adresse e-mail. Les notifications disent seulement qu'il y a du nouveau, jamais quoi. Confirmez l'adresse avec ce lien (il est valable { $minutes } minutes) :

    { $link }

    Vous n'êtes pas au courant ? Ignorez cet e-mail : sans confirmation, cette adresse ne reçoit rien.
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
pdf-record-title = Dossier médical de { $name }
pdf-record-intro = Tous les rapports que vous pouvez lire dans Inzage, du plus récent au plus ancien, chacun sur une nouvelle page ; ensuite vos résultats, votre aperçu médical, vos médicaments et vos rendez-vous.
pdf-contents = Table des matières
pdf-section-reports = Rapports
pdf-section-empty = Il n'y a rien ici que vous puissiez lire.
pdf-birth_date = Date de naissance
pdf-born = né(e) le { $date }
pdf-printed_label = Imprimé le
pdf-printed = Imprimé le { $date } depuis Inzage
pdf-page = Page { $page } sur { $pages }
pdf-file-report = rapport
pdf-file-record = dossier

## Identity: the account page, password reset, code cards (app)
nav-account = Mon compte
account-menu-label = Votre menu
account-menu-toggle = , ouvrir le menu
account-title = Mon compte
account-intro = Votre nom d'utilisateur, votre adresse e-mail, votre mot de passe, votre carte de codes et les endroits où vous êtes connecté.
account-username-title = Nom d'utilisateur
account-username-now = Votre nom d'utilisateur est { $username }.
account-username-none = Vous n'avez pas encore choisi de nom d'utilisateur. Vous vous connectez avec votre numéro de registre national ou votre numéro de patient.
account-username-label = Nouveau nom d'utilisateur
account-username-hint = Commence par une lettre. Vous pourrez ensuite aussi vous connecter avec ce nom.
account-username-submit = Enregistrer le nom d'utilisateur
account-username-saved = Votre nom d'utilisateur est enregistré.
account-email-title = Adresse e-mail
account-email-now_confirmed = Votre adresse e-mail est { $email } (confirmée).
account-email-now_unconfirmed = Votre adresse e-mail est { $email } (pas encore confirmée : cliquez sur le lien de l'e-mail envoyé).
account-email-none = Vous n'avez pas encore donné d'adresse e-mail. Sans adresse confirmée, vous ne pouvez pas réinitialiser vous-même votre mot de passe.
account-email-label = Adresse e-mail
account-email-hint = Nous envoyons un lien à cette adresse. Elle n'est utilisée qu'après un clic sur ce lien.
account-email-submit = Enregistrer l'adresse e-mail
account-password-title = Changer le mot de passe
account-password-intro = Après le changement, vos autres sessions sont fermées ; celle-ci reste ouverte.
account-password-current = Mot de passe actuel
account-password-new = Nouveau mot de passe
account-password-new-hint = Au moins 8 caractères, de préférence plus, par exemple quelques mots à la suite. Pas votre nom ni le numéro avec lequel vous vous connectez.
account-password-repeat = Nouveau mot de passe, encore une fois
account-password-repeat_differs = Les deux nouveaux mots de passe ne sont pas identiques.
account-password-submit = Changer le mot de passe
account-password-saved = Votre mot de passe est changé. Vos autres sessions sont fermées.
account-card-title = Carte de codes
account-card-active = Vous avez une carte de codes active.
account-card-none = Vous n'avez pas de carte de codes active.
account-card-mode-rotation = À chaque connexion, le portail demande le code d'une position au hasard de votre carte.
account-card-mode-single_use = Chaque code de votre carte ne fonctionne qu'une fois. Quand il en reste peu, vous recevez une nouvelle carte.
account-card-codes_left = Codes restants sur votre carte : { $count } sur 24.
account-card-on_its_way = Une nouvelle carte de codes est en route par la poste. Dès sa première utilisation, votre ancienne carte ne fonctionne plus.
account-card-offer = Il ne reste que peu de codes sur votre carte. Demandez une nouvelle carte.
account-card-request-intro = Une nouvelle carte de codes est envoyée par la poste à l'adresse que l'hôpital a de vous.
account-card-request = Demander une nouvelle carte de codes
account-card-ask_helpdesk = Une nouvelle carte de codes s'obtient auprès du helpdesk de l'hôpital.
account-card-block-title = Carte de codes perdue ou volée ?
account-card-block-intro = Bloquez votre carte tout de suite, pour que personne ne puisse s'en servir pour se connecter.
account-card-block = Bloquer la carte de codes
account-card-block-confirm_title = Voulez-vous vraiment bloquer votre carte de codes ?
account-card-block-effect_cards = Votre carte de codes, et une carte encore en route, ne fonctionnent plus.
account-card-block-effect_sessions = Vous êtes déconnecté partout, ici aussi.
account-card-block-effect_new_card = Vous ne pourrez vous reconnecter qu'avec une nouvelle carte de codes. Votre mot de passe reste le même.
account-card-block-confirm = Oui, bloquer ma carte de codes
account-session-method-code_card = Connexion avec la carte de codes
account-session-method-password_reset = Connexion après un nouveau mot de passe
account-session-method-other = Connexion via { $method }
account-session-current = (cette session)
account-session-started = Commencée le { $when }
account-session-last_seen = Dernière utilisation le { $when }
account-session-from = Depuis l'adresse { $address }
account-session-end = Fermer la session
account-session-end_label = Fermer la session commencée le { $when }
account-session-ended = La session est fermée.
account-sessions-title = Où vous êtes connecté
account-sessions-intro = Vous ne reconnaissez pas une session ? Fermez-la et changez votre mot de passe.
account-sessions-end_all = Se déconnecter partout
login-forgot_password = Mot de passe oublié ?
login-card_request = Demander une carte de codes
recovery-back_to_login = Retour à la connexion
recovery-forgot-title = Mot de passe oublié
recovery-forgot-intro = Indiquez votre nom d'utilisateur, votre numéro de registre national ou votre numéro de patient. Si vous avez une adresse e-mail confirmée, nous envoyons un lien pour choisir un nouveau mot de passe. Votre carte de codes sera aussi nécessaire.
recovery-forgot-submit = Envoyer le lien
recovery-reset-title = Choisir un nouveau mot de passe
recovery-reset-start_intro = Gardez votre carte de codes à portée de main : vous choisissez un nouveau mot de passe avec un code de votre carte.
recovery-reset-start = Commencer
recovery-reset-submit = Enregistrer le nouveau mot de passe
recovery-reset-done = Votre nouveau mot de passe est enregistré. Vous pouvez maintenant vous connecter.
recovery-reset-ask_again = Demander un nouveau lien
recovery-card-title = Demander une carte de codes
recovery-card-intro = Indiquez votre numéro de registre national et votre adresse e-mail. Après confirmation par le lien de l'e-mail, nous envoyons votre carte de codes par la poste à l'adresse que l'hôpital a de vous.
recovery-card-national_number = Numéro de registre national
recovery-card-national_number-hint = Le numéro de votre carte d'identité, par exemple 85.07.30-033.28.
recovery-card-email-hint = Nous envoyons un lien à cette adresse pour confirmer la demande.
recovery-card-submit = Envoyer la demande
recovery-card-desk = Vous n'avez pas de numéro de registre national belge ? L'accueil de l'hôpital imprime votre carte de codes sur place.
recovery-confirm_card-title = Confirmer la demande de carte de codes
recovery-confirm_card-intro = Cliquez sur le bouton pour confirmer votre demande.
recovery-confirm_card-submit = Confirmer la demande
recovery-confirm_email-title = Confirmer l'adresse e-mail
recovery-confirm_email-intro = Cliquez sur le bouton pour confirmer votre adresse e-mail.
recovery-confirm_email-submit = Confirmer l'adresse e-mail
recovery-confirm_notice_address-title = Confirmer une adresse pour les notifications
recovery-confirm_notice_address-intro = Cliquez sur le bouton pour confirmer que les notifications du portail patient peuvent être envoyées à cette adresse e-mail. Elles disent seulement qu'il y a du nouveau, jamais quoi.
recovery-blocked-title = Votre carte de codes est bloquée
recovery-blocked-done = Votre carte de codes ne fonctionne plus. Personne ne peut plus s'en servir pour se connecter.
recovery-blocked-logged_out = Vous êtes déconnecté partout, dans ce navigateur aussi.
recovery-blocked-next_title = Comment obtenir une nouvelle carte de codes
recovery-blocked-next_online = Demandez-la en ligne avec votre numéro de registre national et votre adresse e-mail ; elle arrive par la poste à l'adresse que l'hôpital a de vous.
recovery-blocked-next_desk = Ou passez à l'accueil de l'hôpital avec votre carte d'identité : elle y est imprimée sur place.
audit-what-code_card_blocked = La carte de codes bloquée
audit-what-code_card_requested = Une nouvelle carte de codes demandée
audit-what-code_card_posted = Une carte de codes envoyée par la poste
audit-what-code_card_printed = Une carte de codes imprimée à l'accueil
staff-cards-title = Cartes de codes
staff-cards-intro = Lettres avec une carte de codes à envoyer. Téléchargez la lettre, imprimez-la, postez-la, puis marquez-la comme envoyée : le fichier est alors effacé.
staff-cards-caption = Cartes de codes à envoyer
staff-cards-empty = Il n'y a pas de cartes de codes à envoyer.
staff-cards-column-patient = Patient
staff-cards-column-address = Adresse
staff-cards-column-channel = Demandée
staff-cards-column-confirmed = Confirmée
staff-cards-column-letter = Lettre
staff-cards-channel-online = En ligne
staff-cards-channel-account = Dans le portail
staff-cards-channel-desk = À l'accueil
staff-cards-record_number = Numéro de patient { $number }
staff-cards-no_address = Pas d'adresse connue
staff-cards-download = Télécharger la lettre
staff-cards-download_of = Télécharger la lettre pour { $name }
staff-cards-mark_posted = Envoyée
staff-cards-mark_posted_of = La lettre pour { $name } est envoyée
staff-cards-posted = La lettre pour { $name } est marquée comme envoyée.
staff-helpdesk-title = Helpdesk
staff-helpdesk-intro = Cherchez un utilisateur par numéro de registre national, numéro de patient ou nom d'utilisateur. Vérifiez d'abord qui est devant vous.
staff-helpdesk-username = Nom d'utilisateur, numéro de registre national ou numéro de patient
staff-helpdesk-submit = Chercher
staff-helpdesk-not_found = Personne n'a ce nom ou ce numéro.
staff-helpdesk-no_account = Ce patient n'a pas encore de compte. Imprimer une carte de codes en crée un.
staff-helpdesk-disabled = La connexion est désactivée après trop de tentatives échouées.
staff-helpdesk-locked_until = La connexion est bloquée jusqu'au { $when }.
staff-helpdesk-can_log_in = La connexion est possible.
staff-helpdesk-failures = Tentatives échouées à la suite : { $count }
staff-helpdesk-has_card = A une carte de codes active.
staff-helpdesk-no_card = N'a pas de carte de codes active.
staff-helpdesk-sessions = Sessions ouvertes : { $count }
staff-helpdesk-unlock = Débloquer
staff-helpdesk-unlock_of = Débloquer la connexion de { $name }
staff-helpdesk-print = Imprimer une carte de codes
staff-helpdesk-print_of = Imprimer une carte de codes pour { $name }
staff-helpdesk-printed = La nouvelle carte de codes est prête. Téléchargez-la et imprimez-la ; elle n'est conservée nulle part.
staff-helpdesk-download = Télécharger la carte de codes (PDF)

## Terms of use and suspension (server, domain and app)
login-suspended = L'hôpital a suspendu votre accès au portail. Motif : { $reason }. Contactez le service d'assistance : { $phone } ou { $email }.
error-terms_not_accepted = Acceptez d'abord les conditions d'utilisation du portail.
account-terms_outdated = Les conditions d'utilisation ont changé entre-temps. Rechargez la page et lisez la nouvelle version.
account-suspension_reason_empty = Indiquez le motif de la suspension ; le patient le lira en se connectant.
account-suspension_reason_too_long = Un motif compte au maximum 500 caractères.
reason-account_suspended = L'hôpital a suspendu l'accès au portail.
reason-account_resumed = L'hôpital a levé la suspension.
terms-title = Conditions d'utilisation
terms-intro = Avant d'utiliser le portail patient, nous vous demandons de lire et d'accepter ces conditions (version { $version }).
terms-personal = Votre accès est personnel. Ne communiquez à personne votre nom d'utilisateur, votre mot de passe, votre carte de codes ou votre clé d'accès ; l'hôpital ne vous les demandera jamais.
terms-use = Vous utilisez le portail pour consulter votre propre dossier, ou celui d'une personne que vous représentez ou qui vous a désigné comme personne de confiance. Conservez avec soin ce que vous consultez ou téléchargez.
terms-not_urgent = Le portail n'est pas fait pour les questions urgentes. En cas d'urgence, appelez le 112 ou votre soignant.
terms-content = Votre dossier montre ce que vos soignants ont validé. Certaines données n'apparaissent qu'après un entretien avec votre médecin, ou sont protégées comme la loi le permet. Posez vos questions sur le contenu à votre soignant.
terms-privacy = L'hôpital traite vos données conformément au RGPD. Chaque consultation de votre dossier est enregistrée ; vous voyez vous-même qui a consulté votre dossier.
terms-misuse = En cas d'abus, l'hôpital peut suspendre votre accès. Vous lirez alors à la connexion pourquoi, et qui contacter.
terms-accept = J'ai lu les conditions d'utilisation et je les accepte.
terms-accept_required = Cochez la case pour accepter les conditions.
terms-submit = Accepter et continuer
terms-contact = Des questions ? Service d'assistance : { $phone }, { $email }.
audit-what-account_suspended = Accès au portail suspendu
audit-what-account_resumed = Suspension de l'accès levée
staff-helpdesk-suspended = Suspendu : { $reason }
staff-helpdesk-suspend_reason = Motif de la suspension (le patient le lira en se connectant)
staff-helpdesk-suspend = Suspendre l'accès
staff-helpdesk-resume = Lever la suspension
staff-helpdesk-suspend_done = L'accès est suspendu ; toutes les sessions ont été fermées.
staff-helpdesk-resume_done = La suspension est levée.

## Passkeys (Mon compte, connexion)
account-session-method-passkey = Connecté avec une clé d'accès
passkey-title = Clés d'accès
passkey-intro = Une clé d'accès (passkey) est une seconde étape plus forte que la carte de codes : votre téléphone, ordinateur ou clé de sécurité confirme que c'est bien vous, par empreinte, visage ou code PIN. Ensuite, vous vous connectez avec votre mot de passe et une clé d'accès au lieu d'un code de la carte.
passkey-none = Vous n'avez pas encore de clé d'accès.
passkey-name = Nom de la clé d'accès
passkey-name-hint = Par exemple « téléphone » ou « portable à la maison », pour les distinguer plus tard.
passkey-name-empty = Donnez un nom à la clé d'accès.
passkey-name-too_long = Le nom compte au plus 60 caractères.
passkey-name-control_character = Le nom ne peut contenir ni tabulation ni saut de ligne.
passkey-add = Ajouter une clé d'accès
passkey-added = La clé d'accès a été ajoutée.
passkey-removed = La clé d'accès a été supprimée. Elle ne permet plus de se connecter.
passkey-added_at = Ajoutée le { $when }
passkey-last_used = utilisée pour la dernière fois le { $when }
passkey-never_used = pas encore utilisée
passkey-remove = Supprimer
passkey-remove_named = Supprimer la clé d'accès { $name }
passkey-too_many = Vous avez le nombre maximal de clés d'accès pour un compte. Supprimez-en d'abord une.
passkey-ceremony_invalid = L'ajout a pris trop de temps ou est déjà terminé. Réessayez.
passkey-not_accepted = Cette clé d'accès n'a pas été acceptée. Réessayez, éventuellement avec un autre appareil.
passkey-browser_refused = Le navigateur n'a pas fourni de clé d'accès : la demande a été annulée ou votre appareil ne le permet pas.
passkey-login-hint = Ou utilisez une clé d'accès ajoutée dans Mon compte, au lieu du code.
passkey-login-button = Se connecter avec une clé d'accès

# The record's sections: results, medical summary, medications, appointments.
nav-results = Résultats
nav-summary = Aperçu médical
nav-medications = Médicaments
nav-appointments = Rendez-vous
results-title = Résultats
results-loading = Chargement des résultats…
results-empty = Il n'y a pas encore de résultats consultables en ligne.
results-caption = Vos résultats de laboratoire et mesures, avec la dernière valeur par examen
results-column-test = Examen
results-column-latest = Dernière valeur
results-column-range = Valeurs de référence
results-column-date = Date
results-column-count = Nombre de mesures
results-column-value = Valeur
results-column-hospital = Hôpital
results-missing-title = Pourquoi ne vois-je pas un résultat ?
results-missing-validation = Un résultat n'apparaît qu'une fois validé par le laboratoire.
results-missing-cutoff = { $hospital } affiche les résultats à partir du { $cutoff }.
results-back = Retour aux résultats
results-flag-low = trop bas
results-flag-high = trop élevé
results-flag-abnormal = anormal
results-chart-title = Évolution de { $test }
results-chart-caption = Chaque point est une mesure ; un point rouge est hors des valeurs de référence. Le tableau ci-dessous donne les mêmes valeurs.
results-chart-band = La bande verte montre les valeurs de référence.
results-unit = Unité : { $unit }
results-table-caption = Toutes les mesures de { $test }, les plus récentes d'abord
summary-title = Aperçu médical
summary-loading = Chargement de l'aperçu médical…
summary-allergies = Allergies et intolérances
summary-allergies-none = Aucune allergie n'est enregistrée.
summary-blood_group = Groupe sanguin
summary-blood_group-unknown = Votre groupe sanguin n'est pas connu dans le dossier.
summary-risks = Risques et affections
summary-risks-none = Aucun risque n'est enregistré.
summary-critical = grave
summary-recorded = enregistrée le { $date }
summary-statements = Déclarations du patient
summary-statements-hint = Ce que le patient a fait ajouter au dossier par une demande de rectification ou d'ajout. Elle reste dans le dossier, même si l'hôpital n'apporte pas la rectification.
summary-statements-none = Aucune déclaration n'a été ajoutée.
summary-statement-filed = déposée le { $date }
summary-e_consults = E-consultations
summary-e_consults-none = Il n'y a pas d'e-consultation.
summary-since = depuis le { $date }
summary-until = jusqu'au { $date }
summary-determined = déterminé le { $date }
medications-title = Médicaments
medications-loading = Chargement des médicaments…
medications-current = Médicaments actuels
medications-past = Médicaments antérieurs
medications-none = Aucun.
medications-prescriber = prescrit par { $name }
medications-note = Ce sont les médicaments connus de l'hôpital. Prenez-vous d'autres médicaments ? Signalez-le lors de votre prochaine consultation.
appointments-title = Rendez-vous
appointments-loading = Chargement des rendez-vous…
appointments-upcoming = Rendez-vous à venir
appointments-past = Rendez-vous et visites passés
appointments-none = Aucun.
appointments-with = avec { $name }
appointments-book = Prendre un rendez-vous
appointments-move = Déplacer
appointments-cancel = Annuler
appointments-cancel-confirm = Voulez-vous annuler ce rendez-vous ? Le créneau sera alors libre pour quelqu'un d'autre.
appointments-cancel-yes = Oui, annuler
appointments-cancel-no = Non, le garder
appointments-slots-title = Choisissez un créneau libre
appointments-slots-move_title = Choisissez un nouveau créneau
appointments-slots-loading = Chargement des créneaux libres…
appointments-slots-none = Il n'y a pas de créneau libre à choisir en ligne pour l'instant. Appelez l'hôpital pour un rendez-vous.
appointments-slots-hint = En ligne, vous choisissez parmi les créneaux à partir de { $hours } heures d'ici. Pour un rendez-vous plus proche, appelez l'hôpital.
appointments-slots-confirm = Confirmer
appointments-slots-close = Fermer
appointments-done-book = Votre rendez-vous est pris : { $when }.
appointments-done-move = Votre rendez-vous est déplacé au { $when }.
appointments-done-cancel = Votre rendez-vous du { $when } est annulé.
appointments-done-mailed = Vous recevez aussi une confirmation par e-mail.
appointments-book_not_online = Cet hôpital ne propose pas de rendez-vous en ligne. Appelez l'hôpital.
appointments-move_not_online = Cet hôpital ne permet pas de déplacer un rendez-vous en ligne. Appelez l'hôpital.
appointments-cancel_not_online = Cet hôpital ne permet pas d'annuler un rendez-vous en ligne. Appelez l'hôpital.
appointments-no_appointment = Ce rendez-vous n'existe pas.
appointments-not_changeable = Ce rendez-vous ne peut plus être modifié : il est passé ou annulé.
appointments-too_late = À moins de { $hours } heures du rendez-vous, vous ne pouvez plus le modifier en ligne. Appelez l'hôpital.
appointments-no_slot = Choisissez un créneau libre.
appointments-other_hospital = Vous ne pouvez déplacer un rendez-vous que vers un créneau du même hôpital.
appointments-same_time = Choisissez un autre créneau que l'actuel.
appointments-slot_taken = Quelqu'un vient de choisir ce créneau. Choisissez-en un autre.
appointments-slot_too_soon = Ce créneau commence dans moins de { $hours } heures. Choisissez un créneau plus tard ou appelez l'hôpital.
audit-what-results = les résultats
audit-what-result = l'évolution d'un résultat
audit-what-summary = l'aperçu médical
audit-what-medications = les médicaments
audit-what-appointments = les rendez-vous
audit-what-appointment_book = a pris un rendez-vous
audit-what-appointment_move = a déplacé un rendez-vous
audit-what-appointment_cancel = a annulé un rendez-vous
record-clinical-active = actif
record-clinical-recurrence = récidive
record-clinical-relapse = rechute
record-clinical-inactive = inactif
record-clinical-remission = en rémission
record-clinical-resolved = résolu
record-allergy_category-food = alimentaire
record-allergy_category-medication = médicament
record-allergy_category-environment = environnement
record-allergy_category-biologic = biologique
record-medication-active = en cours
record-medication-on_hold = suspendu
record-medication-cancelled = annulé
record-medication-completed = terminé
record-medication-entered_in_error = saisi par erreur
record-medication-stopped = arrêté
record-medication-draft = brouillon
record-medication-unknown = inconnu
record-medication-intended = prévu
record-medication-not_taken = non pris
record-appointment-proposed = proposé
record-appointment-pending = en attente
record-appointment-booked = planifié
record-appointment-arrived = arrivé
record-appointment-fulfilled = effectué
record-appointment-cancelled = annulé
record-appointment-noshow = absent
record-appointment-checked_in = enregistré
record-appointment-waitlist = en liste d'attente
record-appointment-unknown = inconnu
pdf-column-status = Statut
pdf-column-since = Depuis
pdf-column-dosage = Posologie
pdf-column-when = Quand
pdf-column-what = Quoi
pdf-column-where = Où
reports-download-fhir = Télécharger mes données pour une application de santé (FHIR)

# Filters, search and pages of the record's lists
list-bad_date = Choisissez une date valide (AAAA-MM-JJ).
list-period_reversed = La date de fin précède la date de début.
list-query_too_long = Cherchez avec { $max } caractères au maximum.
list-bad_page = Cette page n'existe pas.
list-hospital = Hôpital
list-hospital-all = Tous les hôpitaux
list-from = À partir du
list-to = Jusqu'au
list-filters = Rechercher et filtrer
list-apply = Appliquer
list-clear = Effacer les filtres
list-pages = Pages
list-page = Page { $number } sur { $count }
list-previous = Page précédente
list-next = Page suivante
list-nothing_found = Rien trouvé avec ces filtres. Modifiez-les ou effacez-les.
reports-filter-words = Chercher dans les rapports
results-filter-words = Chercher un examen
nav-search = Rechercher
search-title = Rechercher dans mon dossier
search-words = Mots recherchés
search-intro = Cherchez dans vos rapports, résultats, allergies, risques, médicaments et rendez-vous. Vous ne trouvez que ce que vous pouvez aussi ouvrir.
search-loading = Recherche en cours…
search-empty = Votre dossier ne contient encore rien que vous puissiez consulter en ligne.
search-kind-report = Rapport
search-kind-result = Résultat
search-kind-allergy = Allergie
search-kind-blood_group = Groupe sanguin
search-kind-risk = Risque
search-kind-medication = Médicament
search-kind-appointment = Rendez-vous
search-count = Nombre trouvé : { $count }

## Requests and cases (issue 7)
request-hospital-empty = Choisissez l'hôpital.
request-hospital-unknown = Cet hôpital ne détient aucune donnée de ce dossier.
request-text-too_long = Ce texte est trop long : { $max } caractères au maximum.
request-minor-no_birth_date = La date de naissance de l'enfant n'est pas connue : l'hôpital ne peut pas vérifier qui doit signer. Contactez l'hôpital.
request-destruction-nothing_held = Cet hôpital ne conserve aucune donnée de ce dossier qui puisse être détruite.
request-signer-not_asked = Ce formulaire ne demande pas ce document.
request-routed_elsewhere = Les dossiers psychiatriques sont conservés par { $institution }. Adressez votre demande directement à cette institution.
case-closed = Cette demande est clôturée et ne change plus.
case-already_in_progress = Cette demande est déjà en traitement.
case-already_waiting = Une question au demandeur est déjà ouverte.
case-question-empty = Écrivez la question au demandeur.
case-answer-empty = Écrivez votre réponse.
case-text-too_long = Ce texte est trop long : { $max } caractères au maximum.
case-delivery-missing = Joignez le document qui répond à la demande (la copie).
case-delivery-not_expected = Cette étape ne prend pas de document.
case-no_question = Aucune question n'est ouverte pour cette demande.
case-changed_meanwhile = Quelqu'un d'autre a modifié cette demande entre-temps. Rechargez la page.
upload-not_document = Ce fichier n'est ni un PDF, ni un PNG, ni un JPEG. Scannez à nouveau le document.
upload-image_too_large = Cette image est trop grande pour être ouverte. Scannez le document à une résolution plus basse.
reason-request_handled = L'hôpital a traité la demande.
reason-request_refused = L'hôpital a refusé la demande.
requests-title = Demandes
requests-intro = Demandez ici une copie de votre dossier ou de votre imagerie, une correction ou un ajout, ou la destruction de données. Vous voyez tout de suite quand l'hôpital doit répondre et ce que cela coûte.
requests-loading = Chargement de vos demandes…
requests-sent = Votre demande a été envoyée. L'hôpital répond au plus tard le { $date }.
requests-no_hospital = Aucun hôpital ne détient encore de données dans ce dossier : il n'y a rien à demander.
requests-kind-copy = Copie du dossier
requests-kind-copy_for_minor = Copie du dossier d'un mineur
requests-kind-copy_of_fertility_treatment = Copie d'un traitement de fertilité (FIV/ICSI)
requests-kind-imaging_copy = Copie de l'imagerie (radios, scanners)
requests-kind-correction_or_addition = Correction ou ajout
requests-kind-destruction = Destruction de données
requests-explain-copy = Tout le dossier ou une partie. La première copie est gratuite.
requests-explain-copy_for_minor = Pour un enfant : qui doit signer dépend de l'âge de l'enfant et de la loi du pays de l'hôpital. Joignez une pièce d'identité de chaque signataire.
requests-explain-copy_of_fertility_treatment = Un traitement de fertilité concerne les deux partenaires : vous et votre partenaire signez tous les deux.
requests-explain-imaging_copy = Les images via un lien sécurisé dans le portail (gratuit) ou sur un DVD par la poste.
requests-explain-correction_or_addition = Écrivez quelles données sont selon vous inexactes ou manquantes. Votre déclaration est ajoutée au dossier.
requests-explain-destruction = Les données ne peuvent être détruites qu'après le délai légal de conservation.
requests-fee-amount = { $amount } €
requests-fee = Frais : { $amount }
requests-fee-free = Gratuit
requests-form-title = Nouvelle demande
requests-form-hospital = Hôpital
requests-form-kind = Que demandez-vous ?
requests-form-psychiatry = Il s'agit de soins psychiatriques
requests-form-two_parents = L'enfant a deux parents exerçant l'autorité parentale
requests-form-core_data = Aussi les données de base (identité, groupe sanguin, allergies)
requests-form-delivery = Comment voulez-vous recevoir les images ?
requests-delivery-secure_link = Via un lien sécurisé dans le portail (gratuit)
requests-delivery-dvd = Sur un DVD par la poste
requests-form-statement = Votre déclaration
requests-form-statement-hint = Quelles données sont inexactes ou manquantes, et qu'est-ce qui est correct selon vous ?
requests-form-note = Précision (facultatif)
requests-form-note-hint = Par exemple quelle partie du dossier ou quelle période.
requests-form-document-hint = PDF, PNG ou JPEG, 5 Mo au maximum.
requests-form-submit = Envoyer la demande
requests-signer-patient = Pièce d'identité du patient
requests-signer-first_parent = Pièce d'identité du premier parent
requests-signer-second_parent = Pièce d'identité du second parent
requests-signer-partner = Pièce d'identité du partenaire
requests-preview-title = Ce qu'il advient de cette demande
requests-preview-due = L'hôpital répond au plus tard le { $date }.
requests-preview-missing = Encore nécessaire avant l'envoi :
requests-status-received = Reçue
requests-status-in_progress = En traitement
requests-status-needs_information = L'hôpital a une question
requests-status-done = Traitée
requests-status-refused = Refusée
requests-list-title = Vos demandes
requests-list-empty = Vous n'avez encore introduit aucune demande.
requests-case-due = Réponse au plus tard le { $date }
requests-case-overdue = En retard : la réponse était attendue le { $date }
requests-case-download = Télécharger la réponse
requests-case-filed = Introduite le { $date }
requests-case-note = Précision
requests-case-question = Question de l'hôpital
requests-case-answer = Réponse
requests-case-your_answer = Votre réponse
requests-case-send_answer = Envoyer la réponse
staff-requests-title = Demandes des patients
staff-requests-empty = Il n'y a aucune demande ouverte.
staff-requests-done = { $kind } pour { $patient } : { $status }.
staff-requests-files = Documents joints :
staff-requests-step = Étape suivante
staff-requests-step-start = Prendre en traitement
staff-requests-step-ask_information = Poser une question au demandeur
staff-requests-step-complete = Clôturer
staff-requests-step-refuse = Refuser
staff-requests-text = Question ou motif
staff-requests-text-hint = Obligatoire pour une question ou un refus ; le demandeur le lit.
staff-requests-delivery = Réponse (document)
staff-requests-delivery-hint = PDF, PNG ou JPEG, 100 Mo au maximum.
staff-requests-submit = Exécuter

## Messages (issue 7)
messages-subject-empty = Indiquez un objet.
messages-body-empty = Écrivez votre message.
messages-too_long = Ce texte est trop long : { $max } caractères au maximum.
messages-too_many_attachments = Joignez { $max } fichiers au maximum.
messages-attachment_refused = La pièce jointe { $name } n'est pas acceptée : { $reason }
reason-message_department = Le service répond aux messages des patients.
messages-title = Messages
messages-loading = Chargement de vos messages…
messages-threads = Vos conversations
messages-none = Il n'y a pas encore de messages.
messages-unread = { $count } non lu(s)
messages-last = Dernier message le { $date }
messages-department-patient_questions = Questions des patients (autres)
messages-department-parent_child_link = Lien parent/enfant
messages-department-appointments = Rendez-vous
messages-department-medical_records = Archives médicales
messages-department-billing = Facturation
messages-doctor-empty = Choisissez le médecin à qui vous posez la question.
messages-doctor-not_expected = Seule une e-consultation va à un médecin.
messages-doctor-unknown = Ce médecin ne peut pas recevoir d'e-consultation sur ce dossier.
messages-department-e_consult = E-consultation avec votre médecin
messages-form-doctor = Médecin
messages-e_consult-hint = Une question à un médecin qui vous soigne. Le médecin répond lui-même ; la question et la réponse sont versées à votre dossier.
messages-e_consult-title = E-consultations
messages-e_consult-back = Retour à mes patients
messages-form-title = Nouveau message
messages-urgent = Les messages ne sont pas destinés aux questions urgentes. En cas d'urgence, appelez le 112.
messages-urgent-phone = Les messages ne sont pas destinés aux questions urgentes : appelez l'hôpital au { $phone }, ou le 112 en cas d'urgence.
messages-form-department = Service
messages-form-subject = Objet
messages-form-body = Message
messages-form-attachments = Pièces jointes (facultatif)
messages-form-attachments-hint = 3 fichiers au maximum : PDF, PNG ou JPEG, 5 Mo chacun au maximum.
messages-form-send = Envoyer
messages-back = Retour aux messages
messages-reply-title = Répondre
staff-messages-title = Messages des patients
staff-messages-back = Retour au back-office

## Notifications (issue 7)
notify-topics-empty = Choisissez à quel sujet vous voulez un e-mail, ou désactivez les notifications.
notify-topics-twice = Chaque sujet ne compte qu'une fois.
notify-address-known = Cette adresse reçoit déjà les notifications.
notify-address-too_many = Vous pouvez indiquer au maximum { $max } adresses supplémentaires.
notify-address-sent = Nous avons envoyé un lien à cette adresse. Les notifications y seront envoyées dès que le lien aura été ouvert.
notify-address-confirmed = L'adresse est confirmée : les notifications y sont maintenant envoyées aussi.
notify-addresses = Autres adresses pour les notifications
notify-addresses-hint = Par exemple celle d'une personne qui vous aide. Chaque adresse reçoit d'abord un lien de confirmation.
notify-addresses-new = Nouvelle adresse
notify-addresses-add = Ajouter l'adresse
notify-addresses-remove = Supprimer { $email }
notify-addresses-remove-button = Supprimer
notify-addresses-confirmed = confirmée
notify-addresses-pending = en attente de confirmation
mail-age_change-subject = Le { $date }, les personnes qui peuvent consulter un dossier changent
mail-age_change-body = Bonjour,

    Le { $date }, un enfant ou un jeune dont vous suivez le dossier, ou vous-même, fête son anniversaire. À partir de ce jour, la loi change les personnes qui peuvent consulter le dossier dans le portail patient.

    Connectez-vous pour voir ce qui change : { $link }

    Cet e-mail ne dit rien du contenu du dossier.
mail-appointment-book-subject = Votre rendez-vous est pris
mail-appointment-move-subject = Votre rendez-vous est déplacé
mail-appointment-cancel-subject = Votre rendez-vous est annulé
mail-appointment-book-body = Bonjour,

    Dans le portail patient, vous avez pris un rendez-vous le { $date } à { $time } à { $hospital }.

    Connectez-vous pour voir vos rendez-vous : { $link }

    Ce n'est pas vous ? Contactez alors l'hôpital. Dans votre compte, vous choisissez si vous recevez de tels e-mails.
mail-appointment-move-body = Bonjour,

    Dans le portail patient, vous avez déplacé un rendez-vous au { $date } à { $time } à { $hospital }.

    Connectez-vous pour voir vos rendez-vous : { $link }

    Ce n'est pas vous ? Contactez alors l'hôpital. Dans votre compte, vous choisissez si vous recevez de tels e-mails.
mail-appointment-cancel-body = Bonjour,

    Dans le portail patient, vous avez annulé un rendez-vous le { $date } à { $time } à { $hospital }.

    Connectez-vous pour voir vos rendez-vous : { $link }

    Ce n'est pas vous ? Contactez alors l'hôpital. Dans votre compte, vous choisissez si vous recevez de tels e-mails.
mail-notice-subject = Il y a du nouveau dans votre portail patient
mail-notice-body = Bonjour,

    Il y a du nouveau pour vous dans le portail patient :

    { $news }

    Connectez-vous pour le consulter : { $link }

    Cet e-mail ne contient aucune donnée médicale. Dans votre compte, vous choisissez si et à quelle fréquence vous recevez ces e-mails.
mail-notice-new_report = Nouveaux rapports : { $count }
mail-notice-new_message = Nouveaux messages de l'hôpital : { $count }
mail-notice-request_status = Demandes dont le statut a changé : { $count }
notify-title = Notifications par e-mail
notify-intro = Recevez un e-mail quand il y a du nouveau. L'e-mail ne dit jamais quoi : seulement qu'il y a du nouveau, sans données médicales.
notify-enabled = M'envoyer des notifications par e-mail
notify-topics = À quel sujet ?
notify-topic-new_report = Un nouveau rapport
notify-topic-new_message = Un nouveau message de l'hôpital
notify-topic-request_status = Une demande dont le statut a changé
notify-frequency = À quelle fréquence ?
notify-frequency-immediately = Immédiatement
notify-frequency-daily = Au maximum une fois par jour
notify-frequency-weekly = Au maximum une fois par semaine
notify-address = Les notifications sont envoyées à { $email }.
notify-no_address = Vous n'avez pas encore d'adresse e-mail confirmée : les notifications ne partent qu'une fois une adresse indiquée et confirmée ci-dessus.
notify-save = Enregistrer
notify-saved = Votre choix de notifications par e-mail est enregistré.

## A relative's request about a deceased patient
relatives-title = Consultation après un décès
relatives-intro = Un proche est décédé ? Le décès met fin à tout accès au dossier dans le portail. Ici, avec votre propre compte, vous pouvez demander à consulter le dossier. En Belgique, un médecin que vous désignez consulte le dossier pour vous ; aux Pays-Bas, un médecin examine votre demande et peut vous en donner une copie.
relatives-link = Un proche est décédé ? Demandez à consulter le dossier.
relatives-form-title = Nouvelle demande après un décès
relatives-form-deceased = Le patient décédé
relatives-form-national_number = Numéro de registre national ou BSN du patient
relatives-form-national_number-hint = 11 chiffres en Belgique, 9 aux Pays-Bas.
relatives-form-birth_date = Date de naissance
relatives-form-died_on = Date du décès
relatives-form-degree = Votre lien de parenté
relatives-degree-1 = Parent, enfant ou partenaire (premier degré)
relatives-degree-2 = Frère, sœur, grand-parent ou petit-enfant (deuxième degré)
relatives-degree-3 = Famille plus éloignée
relatives-form-motivation = Pourquoi demandez-vous à consulter le dossier ?
relatives-form-practitioner = Médecin qui consulte le dossier pour vous
relatives-form-practitioner-hint = Nom et, si vous le connaissez, le numéro INAMI du médecin.
requests-kind-copy_for_deceased_relative = Consultation du dossier d'un proche décédé
requests-signer-relative = Votre pièce d'identité
staff-requests-delivery-optional = Seulement si le médecin accorde une copie.

## Personal data
nav-personal = Données personnelles
personal-title = Données personnelles
personal-intro = Voici comment les hôpitaux vous connaissent. Si quelque chose est inexact, demandez une rectification ci-dessous.
personal-loading = Chargement des données personnelles…
personal-unknown = inconnu
personal-field-name = Nom
personal-field-birth_date = Date de naissance
personal-field-gender = Sexe
personal-field-national_number = Numéro de registre national ou BSN
personal-field-record_number = Numéro de patient
personal-field-postal_address = Adresse
personal-gender-female = femme
personal-gender-male = homme
personal-gender-other = autre
personal-gender-unknown = inconnu
personal-correction-title = Demander une rectification
personal-correction-intro = L'hôpital vérifie votre demande et corrige les données. Vous suivez la demande sous Demandes.
personal-correction-field = Quelle donnée ?
personal-correction-correct = Qu'est-ce qui est exact ?
personal-correction-submit = Demander la rectification
personal-correction-follow = Voir la demande.

## Installed app: the offline notice (app)
offline-notice = Vous êtes hors ligne. Vos données médicales ne sont jamais conservées sur cet appareil : sans connexion, vous ne pouvez pas ouvrir votre dossier. Vous pourrez continuer dès que la connexion sera rétablie.
offline-unreachable = Inzage est injoignable pour le moment. Vérifiez votre connexion internet et réessayez dans un instant.
