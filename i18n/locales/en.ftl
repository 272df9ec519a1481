# English.
# Message ids are the app's keys with every "." written as "-".


## Screens.
app-name = Inzage
app-tagline = Your medical record, safely online
nav-skip = Skip to content
nav-reports = Reports
nav-logout = Log out
nav-logged_in_as = Logged in as
login-title = Log in
login-intro = Log in with your username, your password and a code from your code card.
login-username = Username
login-username-hint = Your national register number, your patient number or the username you chose.
login-password = Password
login-next = Next
login-code = Code { $position } of your code card
login-code-hint = Type the 8 digits printed next to number { $position } on your code card.
login-submit = Log in
login-back = Back
login-busy = Please wait…
login-oidc-or = Or log in without a code card
login-oidc-flow = That login has expired or was already used. Please try again.
login-oidc-cancelled = You cancelled the login.
login-oidc-provider = The login service cannot be reached right now or refused the login. Please try again later, or log in with your code card.
login-oidc-token = The login service's answer could not be verified, so you are not logged in. Please try again.
login-oidc-number = The login service did not pass on a valid national register number or BSN, so you are not logged in.
login-oidc-no_account = We have no patient with an account for your national register number or BSN. No account was created. Ask the hospital for an account, or log in with your username and code card.
reports-title = Reports
reports-empty = There are no reports you can read online yet.
reports-loading = Loading reports…
reports-missing-title = Why can't I see a report?
reports-missing-validation = A report appears only once the doctor has approved (validated) it.
reports-missing-shielded = Your care team can withhold a report, for example when it should first be discussed with you or when it contains information about other people. Ask your doctor about it.
reports-missing-cutoff = { $hospital } shows reports from { $cutoff }.
reports-column-date = Date
reports-column-title = Report
reports-column-hospital = Hospital
report-back = Back to the reports
report-date = Date
report-hospital = Hospital
report-author = Author
report-category = Type
report-conclusion = Conclusion
report-results = Results
report-result-name = Test
report-result-value = Value
report-result-unit = Unit
report-text = Report
report-loading = Loading the report…
report-questions = Questions about this report?
report-questions-intro = Please contact { $hospital }.
contact-phone = Phone
contact-email = Email
contact-website = Website
nav-access = Access
nav-audit = Who viewed my record
nav-provider = My patients
nav-main = Main menu
common-loading = Please wait, loading…
common-cancel = Cancel
common-confirm = Confirm

## The "Toegangen" page.
access-title = Access to your record
access-intro = Here you can see who can view your record and why. You can withdraw or restore access, or exclude a care provider. Every change asks for your confirmation first.
access-people-title = Who can view your record?
access-people-empty = No care providers or other people are linked to your record.
access-group-general_practitioner = GP
access-group-treating = Care providers treating you
access-group-referrer = Referring doctors
access-group-emergency = Emergency access
access-group-trusted_person = Trusted person
access-group-representative = Representative
access-group-parent = Parents
access-group-excluded = Excluded care providers
access-treating-note = Care providers who treat you in the hospital network can see your record for as long as the treatment lasts. You cannot refuse this, but you can exclude a particular care provider.
access-can_read = Can view your record
access-cannot_read = Cannot view your record
access-why = Why
role-general_practitioner = GP
role-specialist = Specialist
role-referrer = Referring doctor
command-refuse_gp = Withdraw your GP's access
command-restore_gp = Restore your GP's access
command-approve_referrer = Allow
command-refuse_referrer = Refuse
command-revoke_referrer = Withdraw permission
command-exclude = Exclude
command-lift_exclusion = Lift the exclusion
command-give_exchange_consent = Give consent
command-withdraw_exchange_consent = Withdraw consent
command-opt_out_of_reuse = Object to reuse
command-withdraw_reuse_opt_out = Withdraw your objection
command-end_treatment = End the treatment relationship
access-requests-title = Requests from referring doctors
access-requests-empty = There are no requests waiting for your answer.
access-request-filed = Requested on { $date }
access-request-reason = Reason
access-exchange-title = Data sharing between hospitals (eHealth)
access-exchange-intro = With your consent, care providers treating you in another hospital or practice can request your reports electronically through the eHealth network. You can withdraw this consent at any time.
access-exchange-given = You have given consent for data sharing.
access-exchange-not_given = You have not given consent for data sharing.
access-reuse-title = Reuse of your data for research
access-reuse-intro = Your data may be used, without your name, for scientific research outside of care. You can object to this.
access-reuse-not_retroactive = Your objection does not apply retroactively: data already used before your objection stays in that research.
access-reuse-public_interest = Your objection does not apply to reuse in the public interest required by law, such as the Cancer Registry.
access-reuse-opted_out_since = You have objected to reuse since { $date }.
access-reuse-not_opted_out = You have not objected to reuse.
access-projects-title = Projects
access-projects-empty = Your data has not been reused yet.
access-project-used = Used on { $date }
purpose-external_research = Research outside the hospital
purpose-cancer_registry = Cancer Registry (legal obligation)
purpose-academic_research = Academic research in the public interest
purpose-teaching = Training of care providers
reuse-public_interest = Reuse in the public interest required by law: your objection does not apply here.
reuse-before_opt_out = This data was used before your objection. Your objection does not apply retroactively.
reuse-no_opt_out = You had not objected, so this reuse was allowed.
reuse-opted_out = Because of your objection, your data may not be used for this.
confirm-title = Confirm your change
confirm-command = You are asking to: { $command }.
confirm-loses = After this change { $name } can no longer view your record ({ $count } reports).
confirm-loses_one = After this change { $name } can no longer view your record (1 report).
confirm-loses_none = After this change { $name } can no longer view your record.
confirm-gains = After this change { $name } can view your record.
confirm-exchange_loses = After this change { $name } can no longer request your record through data sharing (eHealth).
confirm-exchange_gains = After this change { $name } can also request your record through data sharing (eHealth).
confirm-no_read_change = This change does not alter who can view your record.
confirm-busy = Saving…
access-done = Your change has been saved: { $command }.
access-unknown_person = an unknown person

## The audit page.
audit-title = Who viewed my record
audit-intro = Every time someone views your record or changes who has access, it is recorded, even when it was refused.
audit-filters = Filters
audit-from = From
audit-until = Until
audit-actor = Person
audit-actor-everyone = Everyone
audit-apply = Show
audit-caption = Who viewed or changed your record, newest first
audit-column-when = When
audit-column-who = Who
audit-column-what = What
audit-column-outcome = Outcome
audit-column-why = Why
audit-permitted = Allowed
audit-denied = Refused
audit-empty = There are no events matching these filters.
audit-more = Load more
audit-role-patient = you
audit-role-general_practitioner = GP
audit-role-specialist = specialist
audit-role-referrer = referring doctor
audit-role-person = other person
audit-what-reports = viewed your reports
audit-what-report = viewed a report
audit-what-access = viewed who has access
audit-what-audit = viewed who viewed your record
audit-what-change_access = changed who has access ({ $change })
audit-what-referral_request = requested access
audit-what-read_other = viewed your record
audit-what-change_other = changed your record
audit-change-refuse_gp = GP's access withdrawn
audit-change-restore_gp = GP's access restored
audit-change-approve_referrer = referring doctor allowed
audit-change-refuse_referrer = referring doctor's request refused
audit-change-revoke_referrer = referring doctor's permission withdrawn
audit-change-exclude = care provider excluded
audit-change-lift_exclusion = exclusion lifted
audit-change-give_exchange_consent = consent for data sharing given
audit-change-withdraw_exchange_consent = consent for data sharing withdrawn
audit-change-opt_out_of_reuse = objection to reuse made
audit-change-withdraw_reuse_opt_out = objection to reuse withdrawn
audit-change-end_treatment = end the treatment relationship
audit-change-other = other change

## The care provider's pages.
provider-title = My patients
provider-intro = Patients whose record names you, and whether you may view it now.
provider-empty = No patients are linked to you.
provider-born = Born on { $date }
provider-access = Access
provider-no_access = No access
provider-open = Open record
provider-open_of = Open { $name }'s record
provider-record-title = Record
provider-record-title_of = { $name }'s record
provider-record-back = Back to my patients
provider-record-no_access = You do not have access to this record, or it does not exist.
provider-record-empty = There are no reports in this record that you can read.
referral-title = Request access as a referring doctor
referral-intro = Ask the patient for permission to view their record. The patient sees your name and your reason, and decides.
referral-national_number = National register number
referral-national_number-hint = The patient's national register number, 11 digits.
referral-reason = Reason
referral-reason-hint = Why you need the record. The patient reads this.
referral-submit = Send request
referral-sent = Your request has been sent. The patient decides whether you may view the record.
notfound-title = Page not found
notfound-body = This page does not exist.
access-view_as = View your record as { $name } sees it
view_as-title = Your record as { $name } sees it
view_as-intro = This is how this person sees your record right now. You cannot change anything here, and your viewing is not recorded as their access.
view_as-back = Back to Access
view_as-reports = Reports this person can read
view_as-none = This person cannot read any of your reports.

## Errors from the server.
error-not_found = This report does not exist, or you do not have access to it.
error-unauthenticated = You are not logged in (any more). Please log in again.
error-validation = Please check the highlighted fields.
error-bad_request = The request was incomplete. Please try again.
error-internal = Something went wrong on our side. Please try again later.
error-network = No connection to the server. Check your internet connection and try again.
error-forbidden = You are not allowed to do this.
error-practitioners_only = This page is for care providers only.
access-bad_principal_kind = This person does not exist in your record.
error-conflict = Your record has changed in the meantime. Please reload the page.
access-gp_already_refused = You had already withdrawn your GP's access.
access-gp_not_refused = Your GP's access had not been withdrawn.
access-referrer_already_approved = You had already given this referring doctor access.
access-referrer_not_approved = This referring doctor no longer had permission.
access-already_excluded = This care provider was already excluded.
access-not_excluded = This care provider was not excluded.
access-exchange_already_given = You had already given consent for data sharing.
access-exchange_not_given = You had not given consent for data sharing.
access-reuse_already_opted_out = You had already objected to reuse.
access-reuse_not_opted_out = You had not objected to reuse.
access-treating_cannot_be_refused = You cannot refuse access to a care provider who is treating you. You can, however, exclude that care provider.
access-unknown_practitioner = This care provider is not known in the network.
access-no_pending_request = There is no (longer an) open request from this referring doctor.
audit-bad_date = Write the date as YYYY-MM-DD.
audit-until_before_from = The end date is before the start date.
audit-bad_limit = Ask for at most { $max } lines at a time.
referral-reason-empty = Please fill in the reason for your request.
referral-reason-too_long = A reason has at most { $max } characters.
reason-report_not_available = This report was not available.
reason-referral_request = Any care provider in the network may request access. The request itself gives no access: you decide.
login-failed = The combination of username, password and code is not correct. Please try again with a new code.
login-challenge_invalid = Your login took too long. Please start again.
login-locked = After too many failed attempts, logging in is temporarily blocked until { $until }.

## Validation (domain crate).
login-username-empty = Please fill in your username.
insz-empty = Please fill in your national register number.
insz-invalid_character = A national register number contains digits only.
insz-wrong_length = A national register number has 11 digits.
insz-invalid_date = This national register number does not contain a valid date of birth.
insz-invalid_checksum = This national register number is not correct. Please check the digits.
insz-invalid_serial = This national register number has an invalid serial number.
bsn-empty = Please fill in your BSN.
bsn-invalid_character = A BSN contains digits only.
bsn-wrong_length = A BSN has 9 digits.
bsn-invalid_checksum = This BSN is not correct. Please check the digits.
record_number-invalid_character = A patient number contains digits only.
record_number-wrong_length = A patient number has 4 to 10 digits.
username-too_short = A username has at least 3 characters.
username-too_long = A username has at most 64 characters.
username-must_start_with_letter = A username starts with a letter.
username-invalid_character = A username contains only letters, digits, full stops, underscores and hyphens.
password-empty = Please fill in your password.
password-too_short = A password has at least 8 characters.
password-too_long = A password has at most 128 characters.
code_card-answer-empty = Please fill in the code from your code card.
code_card-answer-invalid_character = A code contains digits only.
code_card-answer-wrong_length = A code has 8 digits.
code_card-position-out_of_range = This position does not exist on a code card.
email-empty = Please fill in your email address.
email-too_long = An email address has at most 254 characters.
email-missing_at = An email address contains an @.
email-invalid_local_part = The part before the @ is not valid.
email-invalid_domain = The part after the @ is not a valid domain name.
birth_date-empty = Please fill in your date of birth.
birth_date-invalid_format = Write the date of birth as DD-MM-YYYY.
birth_date-invalid_date = This day does not exist.
birth_date-in_the_future = A date of birth is not in the future.
birth_date-too_long_ago = A date of birth is after 1 January 1900.

## The language switcher and dates.
lang-choose = Language
date-at_time = { $date } at { $time }

## The child's consent (the Netherlands, 12 to 15).
command-give_child_consent = Give consent to parent
command-withdraw_child_consent = Withdraw consent to parent
audit-change-give_child_consent = consent given to parent
audit-change-withdraw_child_consent = consent to parent withdrawn
access-child_consent_already_given = You had already given this parent consent.
access-child_consent_not_given = You had not given this parent consent.
access-only_the_child_consents = Only the child can give or withdraw this consent.
access-child_consent_not_applicable = This consent is not needed here: it applies only to children aged 12 to 16 in the Netherlands.
access-not_a_parent_with_authority = This person is not a parent with parental authority.

## Acting for someone else: the current record, linked records and link requests.
nav-linked = Linked records
nav-staff = Requests
records-menu-label = , choose a record
records-menu-title = Which record do you want to view?
records-menu-own = { $name } (your own record)
records-menu-manage = Manage linked records
records-current = Record of { $name }
records-gone = You can no longer view the record of { $name }. You now see your own record.
linked-title = Linked records
linked-intro = Here you see the records you can view for someone else, for example your child, and why. Choose a record in the menu under your name to open it.
linked-records-title = Records you can view
linked-can_read = You can view this record
linked-cannot_read = You cannot view this record now
linked-none = You are not linked to anyone else's record yet.
linked-open = Open the record
linked-open_of = Open the record of { $name }
linked-change-soon = Soon:
linked-change-own_gains = On { $date } you turn { $age }. From then on you can view your record yourself.
linked-change-own_others = On { $date } you turn { $age }. Then who can view your record changes: see Access.
linked-change-be_link_ends = On { $date } { $name } turns { $age }. From then on you can no longer view the record of { $name }; { $name } can then give you access.
linked-change-nl_child_decides = On { $date } { $name } turns { $age }. From then on you can no longer view the record of { $name }; { $name } then decides alone who sees the record.
linked-change-nl_consent_needed = On { $date } { $name } turns { $age }. From then on you can view the record of { $name } only with the consent of { $name }.
linked-change-loses = On { $date } { $name } turns { $age }. From then on you can no longer view the record of { $name }.
linked-change-gains = On { $date } { $name } turns { $age }. From then on you can view the record of { $name }.
link-form-title = Ask for access to your child's record
link-form-intro = The hospital's ombuds service checks your request. Once it is approved, you find your child's record in the menu under your name for as long as the law allows: in Belgium until your child turns 15, in the Netherlands until 12 and then, with your child's consent, until 16.
link-form-sent = Your request has been sent. You will see below when the ombuds service has decided.
link-form-child_name = Your child's name
link-form-child_name-hint = First name and family name, as on the identity card.
link-form-national_number = Your child's national register number or BSN
link-form-national_number-hint = The Belgian national register number (11 digits) or, for a child treated in the Netherlands, the BSN (9 digits).
link-form-message = Message to the hospital
link-form-message-hint = Optional. For example, how you are related to the child.
link-form-submit = Send the request
link-requests-title = Your requests
link-requests-empty = You have not sent any request yet.
link-requests-filed = Requested on { $date }
link-requests-reason = Answer of the ombuds service
link-status-pending = Being handled
link-status-approved = Approved
link-status-refused = Refused
national_number-empty = Enter the national register number or the BSN.
national_number-wrong_length = A national register number has 11 digits, a BSN 9.
link-child_name-empty = Enter your child's name.
link-child_name-too_long = A name has at most { $max } characters.
link-message-too_long = A message has at most { $max } characters.
error-patients_only = This page is for patients only.
error-staff_only = This page is for hospital staff only.
reason-link_approved = The ombuds service approved a parent's request.
reason-link_refused = The ombuds service refused a parent's request.
audit-role-ombuds = ombuds service
audit-what-link_approved = linked a parent to the record
audit-what-link_refused = refused to link a parent to the record

## The back office (the ombuds service).
staff-title = Requests
staff-intro = Parents' requests to view their child's record. Check that the number belongs to the child. A refusal needs a reason: the parent reads it.
staff-queue-empty = No requests are waiting for a decision.
staff-queue-caption = Link requests, oldest first
staff-column-requester = Requester
staff-column-child = Child (as written)
staff-column-number = National register number or BSN
staff-column-message = Message
staff-column-filed = Filed
staff-column-record = Patient with this number
staff-column-decision = Decision
staff-born = born on { $date }
staff-no_patient = no patient with this number
staff-approve = Approve
staff-refuse = Refuse
staff-reason = Reason for refusing
staff-approved = The request of { $requester } for { $child } has been approved.
staff-refused = The request of { $requester } for { $child } has been refused.
staff-reason-empty = Enter the reason for refusing: the requester reads it.
link-already_decided = This request has already been decided.
link-no_such_patient = No patient has this number. You can only refuse the request.
link-child_too_old = This child is already { $age } or older: the law no longer gives the parent access through a link.
link-child_died = This child has died: a link is no longer possible.
link-no_birth_date = The birth date of this child is not known. Without a birth date the law gives no link.
staff-child_too_old = { $name } is already { $age } or older: the law no longer gives the parent access through a link.
staff-child_died = { $name } has died: a link is no longer possible.
staff-no_birth_date = The birth date of { $name } is not known. Without a birth date the law gives no link.
link-own_record = A person cannot be linked to their own record.

## Requests (domain's requests module)
request-copy-first_free = The first copy of your record is free of charge.
request-correction-statement_added = Your own statement is added to your record.
request-correction-statement_missing = Write which information you think is wrong or missing.
request-deceased-motivation_missing = Say why you want to see the record.
request-deceased-patient_objected = During their life, the patient objected to relatives seeing the record after death.
request-deceased-degree_too_far = Only relatives up to the second degree can ask to see the record after death.
request-deceased-through_practitioner = You see the record indirectly, through a doctor you choose.
request-deceased-doctor_weighs = A doctor weighs your request.
request-destruction-retention = The law requires this information to be kept for { $years } years; it cannot be destroyed yet.
request-signature_missing = The signature of { $signer ->
        [patient] the patient
        [first_parent] the first parent
        [second_parent] the second parent
        [partner] the partner
       *[other] { $signer }
    } is missing.

## Designations (trusted person, representative, authorisation)
command-revoke_designation = Revoke designation
audit-change-revoke_designation = designation revoked
access-cannot_revoke_self = You cannot revoke your own designation yourself. Please contact the ombuds service.
access-no_designation = This person is not (or no longer) designated.
designation-own_record = You cannot designate yourself for your own record.
designation-patient_died = The patient has died: a designation is no longer possible.
designation-wrong_country = This designation does not exist in the country of the patient's hospital.

## Designation forms
designation-kind-unknown = Choose what you want to designate.
designation-name-empty = Fill in the person's name.
designation-no_such_person = No person with this national register number or BSN is known.
upload-missing = Add the signed form (PDF).
upload-too_large = The file is too large: at most { $max }.
upload-not_pdf = This file is not a PDF. Scan the signed form as a PDF.
upload-active_content = This PDF contains scripts or embedded files and is not accepted. Scan the form again.
reason-designation_approved = The ombuds service approved the designation.
reason-designation_refused = The ombuds service refused the designation.

## Designations on Toegangen and in the back office
designation-title-be = Designate a trusted person or a representative
designation-title-nl = Register an authorisation
designation-intro-be = You can designate someone who assists you, or who decides for you when you cannot decide yourself. The ombuds service checks the signed form before the designation applies.
designation-intro-nl = Someone can act on your behalf if you authorise them in writing, or if a court appointed a curator or mentor. The ombuds service checks the document before it applies.
designation-kind-trusted_person = Trusted person
designation-kind-representative = Representative
designation-kind-curator = Curator
designation-kind-mentor = Mentor
designation-kind-written_authorisation = Written authorisation
designation-explain-trusted_person = helps you: may be informed with you or in your place, inspect your record and ask for a copy.
designation-explain-representative = exercises your rights as a patient, but only while you cannot decide for yourself.
designation-explain-curator = appointed by a court; looks after your interests and may inspect your record.
designation-explain-mentor = appointed by a court for your care and treatment; may inspect your record.
designation-explain-written_authorisation = you yourself authorise someone, in writing and signed, to inspect your record.
designation-blank-intro = Download the form, fill it in, sign it and upload it below as a PDF. For a curator or mentor, upload the court's decision.
designation-blank-trusted_person = Blank trusted person form (PDF)
designation-blank-representative = Blank representative form (PDF)
designation-blank-written_authorisation = Blank authorisation form (PDF)
designation-form-kind = What do you want to register?
designation-form-name = The person's name
designation-form-name-hint = First name and surname, as on the identity card.
designation-form-number = The person's national number or BSN
designation-form-number-hint = 11 digits (national number) or 9 digits (BSN).
designation-form-file = The signed form
designation-form-file-hint = A PDF of at most 5 MB.
designation-form-submit = Send the form
designation-form-sent = Your form has been sent. The ombuds service will review it; you will see its answer below.
designation-requests-title = Your designations
designation-requests-empty = You have not designated anyone yet.
designation-requests-filed = Filed on { $date }
staff-designations-title = Designations
staff-designations-intro = Trusted persons, representatives and authorisations that patients requested with a signed form. Check the form, and that the number belongs to the person named.
staff-designations-empty = No designations are waiting for a decision.
staff-designations-caption = Designations, oldest first
staff-designation-column-patient = Patient
staff-designation-column-kind = Kind
staff-designation-column-designee = Designated person
staff-designation-column-form = Form
staff-designation-known_as = in the network: { $name }
staff-designation-no_person = no person with this number
staff-designation-form_link = View the form (PDF, { $size } kB)
staff-designation-approved = The designation of { $designee } by { $patient } has been approved.
staff-designation-refused = The designation of { $designee } by { $patient } has been refused.

## Audit roles of people acting for the patient
audit-role-parent = parent
audit-role-trusted_person = trusted person
audit-role-representative = representative
audit-role-authorised = authorised person

## Identity: the account, password reset, code cards (server and domain)
password-contains_name = A password may not contain your name, username, national number or the portal's name.
password-common = This password is too common and easy to guess. Choose a longer one, for example a few words in a row.
account-username_is_a_number = A username starts with a letter; a number cannot be a username.
account-card_needs_belgian_number = Requesting a code card online needs a Belgian national number. Without one, the front desk will help you.
login-disabled = After too many failed attempts, logging in is disabled for this user. Please contact the hospital's helpdesk.
error-cross_site = This request did not come from the portal itself and was refused.
account-current_password_wrong = Your current password is not right.
account-username_taken = This username is taken. Please choose another.
account-email_confirmation_sent = We sent a confirmation link to this address. It is used as soon as you click the link.
account-link_invalid = This link is invalid, used already or expired. Please ask for a new one.
account-email_confirmed = Your e-mail address is confirmed.
account-card_on_its_way = Your new code card is being printed and posted to the address the hospital holds. From its first use on, your old card stops working.
account-card_request_sent = Thank you. We sent a link to your e-mail address to confirm the request.
account-card_request_confirmed = Your request is confirmed. If the hospital knows you, your code card arrives by post within a few days, at the address the hospital holds.
account-reset_sent = If this user exists and has a confirmed e-mail address, a link to choose a new password arrives within a few minutes.
reason-code_card_blocked = The patient blocked the code card.
reason-code_card_requested = The patient asked for a new code card.
reason-code_card_posted = The hospital posted a code card.
reason-code_card_printed = The hospital printed a code card at the desk.
mail-confirm_email-subject = Confirm your e-mail address
mail-confirm_email-body = Hello,

    Please confirm your e-mail address for the patient portal with this link:

    { $link }

    Did you not ask for this? Then you can ignore this e-mail.
mail-confirm_card-subject = Confirm your code card request
mail-confirm_card-body = Hello,

    You asked for a code card for the patient portal. Please confirm the request with this link:

    { $link }

    The card is posted to the address the hospital holds. Did you not ask for this? Then you can ignore this e-mail.
mail-reset-subject = Choose a new password
mail-reset-body = Hello,

    With this link you choose a new password for the patient portal. You will also need your code card. The link works once, for { $minutes } minutes:

    { $link }

    Did you not ask for this? Then ignore this e-mail; your password stays as it is.
card_letter-portal = Patient portal: { $url }
card_letter-date = Date: { $date }
card_letter-title = Your personal code card
card_letter-body = With this code card you log in to the patient portal. Enter your username ({ $username }) and your password; the portal then asks for the code in one numbered box of this card.
card_letter-first_password = No password yet? At { $url }, choose "Forgot password": you get a link at the e-mail address you gave, and then choose a password with a code from this card.
card_letter-keep_safe = Keep this card safe and give the codes to nobody, not even someone who says they are from the hospital. Lost or stolen? Block it at once in the portal (My account) or through the helpdesk.
card_letter-card_title = Code card of { $name }
