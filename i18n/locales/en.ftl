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
reports-missing-notes = A hospital shows the notes of consultations only if it releases them in the portal. You can always ask for them with a request for a copy.
reports-missing-cutoff = { $hospital } shows reports from { $cutoff }.
reports-download = Download the whole record (PDF)
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
report-result-range = Reference range
report-text = Report
report-documents = Documents
report-loading = Loading the report…
report-questions = Questions about this report?
report-questions-intro = Please contact { $hospital }.
report-download = Download PDF
contact-phone = Phone
contact-email = Email
contact-website = Website
nav-messages = Messages
nav-requests = Requests
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
access-intro-other = Here you can see who can view { $name }'s record and why. You can withdraw or restore access, or exclude a care provider. Every change asks for your confirmation first.
access-people-title = Who can view your record?
access-people-title-other = Who can view { $name }'s record?
access-people-empty = No care providers or other people are linked to your record.
access-people-empty-other = No care providers or other people are linked to { $name }'s record.
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
access-can_read-other = Can view the record
access-cannot_read = Cannot view your record
access-cannot_read-other = Cannot view the record
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
confirm-loses-other = After this change { $name } can no longer view { $record }'s record ({ $count } reports).
confirm-loses_one = After this change { $name } can no longer view your record (1 report).
confirm-loses_one-other = After this change { $name } can no longer view { $record }'s record (1 report).
confirm-loses_none = After this change { $name } can no longer view your record.
confirm-loses_none-other = After this change { $name } can no longer view { $record }'s record.
confirm-gains = After this change { $name } can view your record.
confirm-gains-other = After this change { $name } can view { $record }'s record.
confirm-exchange_loses = After this change { $name } can no longer request your record through data sharing (eHealth).
confirm-exchange_loses-other = After this change { $name } can no longer request { $record }'s record through data sharing (eHealth).
confirm-exchange_gains = After this change { $name } can also request your record through data sharing (eHealth).
confirm-exchange_gains-other = After this change { $name } can also request { $record }'s record through data sharing (eHealth).
confirm-no_read_change = This change does not alter who can view your record.
confirm-no_read_change-other = This change does not alter who can view { $name }'s record.
confirm-busy = Saving…
access-done = Your change has been saved: { $command }.
access-unknown_person = an unknown person

## The audit page.
audit-title = Who viewed my record
audit-intro = Every time someone views your record or changes who has access, it is recorded, even when it was refused.
audit-intro-other = Every time someone views { $name }'s record or changes who has access, it is recorded, even when it was refused.
audit-filters = Filters
audit-from = From
audit-until = Until
audit-actor = Person
audit-actor-everyone = Everyone
audit-apply = Show
audit-caption = Who viewed or changed your record, newest first
audit-caption-other = Who viewed or changed { $name }'s record, newest first
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
audit-what-report_pdf = downloaded a report as PDF
audit-what-record_pdf = downloaded your record as PDF
audit-what-record_pdf-other = downloaded the record as PDF
audit-what-access = viewed who has access
audit-what-audit = viewed who viewed your record
audit-what-audit-other = viewed who viewed the record
audit-what-change_access = changed who has access ({ $change })
audit-what-referral_request = requested access
audit-what-read_other = viewed your record
audit-what-read_other-other = viewed the record
audit-what-change_other = changed your record
audit-what-change_other-other = changed the record
audit-what-messages = viewed the messages
audit-what-message_read = read a message
audit-what-message_sent = wrote a message
audit-what-message_attachment = opened a message's attachment
audit-what-requests = viewed the requests
audit-what-request_filed = filed a request ({ $kind })
audit-what-request_attempt = tried to file a request
audit-what-request_answered = answered a question about a request ({ $kind })
audit-what-request_status = handled a request ({ $kind }: { $status })
audit-what-request_delivery = downloaded the answer to a request ({ $kind })
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
provider-open_of = Open record of { $name }
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
request-deceased-practitioner_missing = Name the doctor who is to inspect the record for you.
request-deceased-not_deceased = This request applies only to the record of a patient who has died.
request-deceased-bad_date = Enter a date as YYYY-MM-DD.
request-deceased-died_before_birth = The date of death is before the date of birth.
request-deceased-degree_unknown = Choose how you are related to the patient.
request-deceased-no_match = These details match no deceased patient of this hospital. Check the number and the dates, or contact the hospital's patient ombudsman.
reason-relative_own_request = The relative follows up their own request.
audit-role-relative = relative
request-destruction-retention = The law requires this information to be kept for { $years } years. It can be destroyed from { $from }.
request-signature_missing = The signature of { $signer ->
        [patient] the patient
        [first_parent] the first parent
        [second_parent] the second parent
        [partner] the partner
        [relative] the relative
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
error-too_many_requests = Too many requests in a row. Please try again in { $minutes } minutes.
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
mail-confirm_notice_address-subject = Confirm this address for notices from the patient portal
mail-confirm_notice_address-body = Hello,

    Someone wants notices from the patient portal sent to this e-mail address too. The notices only say that there is something new, never what. Confirm the address with this link (it works for { $minutes } minutes):

    { $link }

    Don't know about this? Then you can ignore this e-mail: without confirmation this address receives nothing.
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
pdf-record-title = Medical record of { $name }
pdf-record-intro = Every report you can read in Inzage, newest first, each on a new page; then your results, your medical summary, your medications and your appointments.
pdf-contents = Contents
pdf-section-reports = Reports
pdf-section-empty = There is nothing here you can read.
pdf-birth_date = Date of birth
pdf-born = born { $date }
pdf-printed_label = Printed on
pdf-printed = Printed on { $date } from Inzage
pdf-page = Page { $page } of { $pages }
pdf-file-report = report
pdf-file-record = record

## Identity: the account page, password reset, code cards (app)
nav-account = My account
account-menu-label = Your menu
account-menu-toggle = , open the menu
account-title = My account
account-intro = Your username, e-mail address, password, code card and the places where you are logged in.
account-username-title = Username
account-username-now = Your username is { $username }.
account-username-none = You have not chosen a username yet. You log in with your national register number or patient number.
account-username-label = New username
account-username-hint = Starts with a letter. You can then also log in with this name.
account-username-submit = Save username
account-username-saved = Your username is saved.
account-email-title = E-mail address
account-email-now_confirmed = Your e-mail address is { $email } (confirmed).
account-email-now_unconfirmed = Your e-mail address is { $email } (not confirmed yet: click the link in the e-mail we sent).
account-email-none = You have not given an e-mail address yet. Without a confirmed address you cannot reset your password yourself.
account-email-label = E-mail address
account-email-hint = We send a link to this address. It is only used once you click that link.
account-email-submit = Save e-mail address
account-password-title = Change password
account-password-intro = After the change your other sessions end; this one stays open.
account-password-current = Current password
account-password-new = New password
account-password-new-hint = At least 8 characters, preferably more, for instance a few words in a row. Not your name or the number you log in with.
account-password-repeat = New password again
account-password-repeat_differs = The two new passwords are not the same.
account-password-submit = Change password
account-password-saved = Your password is changed. Your other sessions have ended.
account-card-title = Code card
account-card-active = You have an active code card.
account-card-none = You have no active code card.
account-card-mode-rotation = Each time you log in, the portal asks the code at a random position of your card.
account-card-mode-single_use = Each code of your card works once. When only a few are left, you get a new card.
account-card-codes_left = Codes left on your card: { $count } of 24.
account-card-on_its_way = A new code card is on its way by post. Once you use it for the first time, your old card stops working.
account-card-offer = Only a few codes are left on your card. Ask for a new card.
account-card-request-intro = A new code card is posted to the address the hospital has for you.
account-card-request = Ask for a new code card
account-card-ask_helpdesk = You get a new code card from the hospital's helpdesk.
account-card-block-title = Code card lost or stolen?
account-card-block-intro = Block your card at once, so nobody can log in with it.
account-card-block = Block code card
account-card-block-confirm_title = Do you really want to block your code card?
account-card-block-effect_cards = Your code card, and a card still on its way, stop working.
account-card-block-effect_sessions = You are logged out everywhere, here too.
account-card-block-effect_new_card = You can only log in again with a new code card. Your password stays the same.
account-card-block-confirm = Yes, block my code card
account-session-method-code_card = Logged in with the code card
account-session-method-password_reset = Logged in after a new password
account-session-method-other = Logged in through { $method }
account-session-current = (this session)
account-session-started = Started on { $when }
account-session-last_seen = Last used on { $when }
account-session-from = From address { $address }
account-session-end = End session
account-session-end_label = End session started on { $when }
account-session-ended = The session has ended.
account-sessions-title = Where you are logged in
account-sessions-intro = A session you do not recognise? End it and change your password.
account-sessions-end_all = Log out everywhere
login-forgot_password = Forgot your password?
login-card_request = Ask for a code card
recovery-back_to_login = Back to logging in
recovery-forgot-title = Forgot your password
recovery-forgot-intro = Enter your username, national register number or patient number. If you have a confirmed e-mail address, we send a link to choose a new password. You will need your code card too.
recovery-forgot-submit = Send the link
recovery-reset-title = Choose a new password
recovery-reset-start_intro = Keep your code card at hand: you choose a new password with a code of your card.
recovery-reset-start = Start
recovery-reset-submit = Save the new password
recovery-reset-done = Your new password is saved. You can log in now.
recovery-reset-ask_again = Ask for a new link
recovery-card-title = Ask for a code card
recovery-card-intro = Enter your national register number and your e-mail address. Once you confirm with the link in the e-mail, we post your code card to the address the hospital has for you.
recovery-card-national_number = National register number
recovery-card-national_number-hint = The number on your identity card, for example 85.07.30-033.28.
recovery-card-email-hint = We send a link to this address to confirm the request.
recovery-card-submit = Send the request
recovery-card-desk = No Belgian national register number? The hospital's front desk prints your code card on the spot.
recovery-confirm_card-title = Confirm the code card request
recovery-confirm_card-intro = Click the button to confirm your request.
recovery-confirm_card-submit = Confirm the request
recovery-confirm_email-title = Confirm the e-mail address
recovery-confirm_email-intro = Click the button to confirm your e-mail address.
recovery-confirm_email-submit = Confirm the e-mail address
recovery-confirm_notice_address-title = Confirm an address for notices
recovery-confirm_notice_address-intro = Click the button to confirm that notices from the patient portal may go to this e-mail address. They only say that there is something new, never what.
recovery-blocked-title = Your code card is blocked
recovery-blocked-done = Your code card no longer works. Nobody can log in with it any more.
recovery-blocked-logged_out = You are logged out everywhere, in this browser too.
recovery-blocked-next_title = How to get a new code card
recovery-blocked-next_online = Ask for one online with your national register number and e-mail address; it is posted to the address the hospital has for you.
recovery-blocked-next_desk = Or go to the hospital's front desk with your identity card: it is printed there on the spot.
audit-what-code_card_blocked = Blocked the code card
audit-what-code_card_requested = Asked for a new code card
audit-what-code_card_posted = Posted a code card
audit-what-code_card_printed = Printed a code card at the front desk
staff-cards-title = Code cards
staff-cards-intro = Letters with a code card to post. Download the letter, print it, post it and then mark it as posted: the file is then deleted.
staff-cards-caption = Code cards to post
staff-cards-empty = There are no code cards to post.
staff-cards-column-patient = Patient
staff-cards-column-address = Address
staff-cards-column-channel = Asked
staff-cards-column-confirmed = Confirmed
staff-cards-column-letter = Letter
staff-cards-channel-online = Online
staff-cards-channel-account = In the portal
staff-cards-channel-desk = At the front desk
staff-cards-record_number = Patient number { $number }
staff-cards-no_address = No address known
staff-cards-download = Download the letter
staff-cards-download_of = Download the letter for { $name }
staff-cards-mark_posted = Posted
staff-cards-mark_posted_of = The letter for { $name } is posted
staff-cards-posted = The letter for { $name } is marked as posted.
staff-helpdesk-title = Helpdesk
staff-helpdesk-intro = Look up a user by national register number, patient number or username. First check who is in front of you.
staff-helpdesk-username = Username, national register number or patient number
staff-helpdesk-submit = Look up
staff-helpdesk-not_found = Nobody has this name or number.
staff-helpdesk-no_account = This patient has no account yet. Printing a code card creates one.
staff-helpdesk-disabled = Logging in is disabled after too many failed attempts.
staff-helpdesk-locked_until = Logging in is locked until { $when }.
staff-helpdesk-can_log_in = Logging in is possible.
staff-helpdesk-failures = Failed attempts in a row: { $count }
staff-helpdesk-has_card = Has an active code card.
staff-helpdesk-no_card = Has no active code card.
staff-helpdesk-sessions = Open sessions: { $count }
staff-helpdesk-unlock = Unlock
staff-helpdesk-unlock_of = Unlock logging in for { $name }
staff-helpdesk-print = Print a code card
staff-helpdesk-print_of = Print a code card for { $name }
staff-helpdesk-printed = The new code card is ready. Download and print it; it is kept nowhere.
staff-helpdesk-download = Download the code card (PDF)

## Terms of use and suspension (server, domain and app)
login-suspended = The hospital has suspended your access to the portal. Reason: { $reason }. Please contact the helpdesk: { $phone } or { $email }.
error-terms_not_accepted = Please accept the portal's terms of use first.
account-terms_outdated = The terms of use have changed in the meantime. Reload the page and read the new version.
account-suspension_reason_empty = Enter the reason for the suspension; the patient reads it when logging in.
account-suspension_reason_too_long = A reason has at most 500 characters.
reason-account_suspended = The hospital suspended access to the portal.
reason-account_resumed = The hospital lifted the suspension.
terms-title = Terms of use
terms-intro = Before you use the patient portal, please read and accept these terms (version { $version }).
terms-personal = Your access is personal. Give your username, password, code card or passkey to nobody; the hospital never asks for them.
terms-use = You use the portal to read your own record, or that of someone you represent or who named you their trusted person. Keep what you read or download with care.
terms-not_urgent = The portal is not meant for urgent questions. In an emergency, call 112 or your care provider.
terms-content = Your record shows what your care providers have validated. Some information appears only after a talk with your doctor, or is shielded as the law allows. Ask your care provider about its content.
terms-privacy = The hospital processes your data under the GDPR. Every look at your record is logged; you can see for yourself who looked at it.
terms-misuse = In case of misuse, the hospital may suspend your access. You then read why when you log in, and whom to contact.
terms-accept = I have read the terms of use and I accept them.
terms-accept_required = Tick the box to accept the terms.
terms-submit = Accept and continue
terms-contact = Questions? Helpdesk: { $phone }, { $email }.
audit-what-account_suspended = Suspended access to the portal
audit-what-account_resumed = Lifted the suspension of access
staff-helpdesk-suspended = Suspended: { $reason }
staff-helpdesk-suspend_reason = Reason for the suspension (the patient reads it when logging in)
staff-helpdesk-suspend = Suspend access
staff-helpdesk-resume = Lift the suspension
staff-helpdesk-suspend_done = Access is suspended; every session has ended.
staff-helpdesk-resume_done = The suspension is lifted.

## Passkeys (My account, logging in)
account-session-method-passkey = Logged in with a passkey
passkey-title = Passkeys
passkey-intro = A passkey is a stronger second step than the code card: your phone, computer or security key confirms it is you, with your fingerprint, face or PIN. Once added, you log in with your password and a passkey instead of a code from the card.
passkey-none = You have no passkey yet.
passkey-name = Name of the passkey
passkey-name-hint = For example "phone" or "laptop at home", so you can tell them apart later.
passkey-name-empty = Give the passkey a name.
passkey-name-too_long = The name can be at most 60 characters long.
passkey-name-control_character = The name cannot contain tabs or line breaks.
passkey-add = Add a passkey
passkey-added = The passkey was added.
passkey-removed = The passkey was removed. It no longer logs in.
passkey-added_at = Added on { $when }
passkey-last_used = last used on { $when }
passkey-never_used = not used yet
passkey-remove = Remove
passkey-remove_named = Remove passkey { $name }
passkey-too_many = You have the most passkeys an account can keep. Remove one first.
passkey-ceremony_invalid = Adding took too long or was already finished. Please try again.
passkey-not_accepted = This passkey was not accepted. Try again, perhaps with another device.
passkey-browser_refused = The browser gave no passkey: the request was cancelled or your device cannot do it.
passkey-login-hint = Or use a passkey you added in My account, instead of the code.
passkey-login-button = Log in with a passkey

# The record's sections: results, medical summary, medications, appointments.
nav-results = Results
nav-summary = Medical summary
nav-medications = Medications
nav-appointments = Appointments
results-title = Results
results-loading = Loading results…
results-empty = There are no results you can view online yet.
results-caption = Your lab results and measurements, with the latest value per test
results-column-test = Test
results-column-latest = Latest value
results-column-range = Reference range
results-column-date = Date
results-column-count = Number of values
results-column-value = Value
results-column-hospital = Hospital
results-missing-title = Why can't I see a result?
results-missing-validation = A result appears only once the lab has approved it.
results-missing-cutoff = { $hospital } shows results from { $cutoff } on.
results-back = Back to the results
results-flag-low = low
results-flag-high = high
results-flag-abnormal = abnormal
results-chart-title = { $test } over time
results-chart-caption = Each dot is a measurement; a red dot is outside the reference range. The table below gives the same values.
results-chart-band = The green band shows the reference range.
results-unit = Unit: { $unit }
results-table-caption = Every value of { $test }, newest first
summary-title = Medical summary
summary-loading = Loading the medical summary…
summary-allergies = Allergies and intolerances
summary-allergies-none = No allergies are recorded.
summary-blood_group = Blood group
summary-blood_group-unknown = Your blood group is not known in the record.
summary-risks = Risks and conditions
summary-risks-none = No risks are recorded.
summary-critical = severe
summary-recorded = recorded on { $date }
summary-statements = The patient's statements
summary-statements-hint = What the patient had added to the record with a request for a correction or an addition. It stays in the record, even when the hospital does not make a correction.
summary-statements-none = No statements have been added.
summary-statement-filed = filed on { $date }
summary-e_consults = E-consults
summary-e_consults-none = There are no e-consults.
summary-since = since { $date }
summary-until = until { $date }
summary-determined = determined on { $date }
medications-title = Medications
medications-loading = Loading medications…
medications-current = Current medications
medications-past = Past medications
medications-none = None.
medications-prescriber = prescribed by { $name }
medications-note = These are the medications the hospital knows of. Do you take others? Mention them at your next consultation.
appointments-title = Appointments
appointments-loading = Loading appointments…
appointments-upcoming = Upcoming appointments
appointments-past = Past appointments and visits
appointments-none = None.
appointments-with = with { $name }
appointments-book = Make an appointment
appointments-move = Move
appointments-cancel = Cancel
appointments-cancel-confirm = Do you want to cancel this appointment? The time then becomes free for someone else.
appointments-cancel-yes = Yes, cancel
appointments-cancel-no = No, keep it
appointments-slots-title = Choose a free time
appointments-slots-move_title = Choose a new time
appointments-slots-loading = Loading free times…
appointments-slots-none = There are no free times you can choose online now. Call the hospital for an appointment.
appointments-slots-hint = Online you choose from times starting { $hours } hours from now. For an earlier appointment, call the hospital.
appointments-slots-confirm = Confirm
appointments-slots-close = Close
appointments-done-book = Your appointment is made: { $when }.
appointments-done-move = Your appointment is moved to { $when }.
appointments-done-cancel = Your appointment of { $when } is cancelled.
appointments-done-mailed = You also get a confirmation by e-mail.
appointments-book_not_online = This hospital does not offer appointments online. Call the hospital.
appointments-move_not_online = This hospital does not let you move an appointment online. Call the hospital.
appointments-cancel_not_online = This hospital does not let you cancel an appointment online. Call the hospital.
appointments-no_appointment = This appointment does not exist.
appointments-not_changeable = This appointment can no longer be changed: it is past or cancelled.
appointments-too_late = Less than { $hours } hours before the appointment you can no longer change it online. Call the hospital.
appointments-no_slot = Choose a free time.
appointments-other_hospital = You can only move an appointment to a time in the same hospital.
appointments-same_time = Choose a time other than the current one.
appointments-slot_taken = Someone else has just chosen this time. Choose another time.
appointments-slot_too_soon = This time starts within { $hours } hours. Choose a later time or call the hospital.
audit-what-results = the results
audit-what-result = a result over time
audit-what-summary = the medical summary
audit-what-medications = the medications
audit-what-appointments = the appointments
audit-what-appointment_book = made an appointment
audit-what-appointment_move = moved an appointment
audit-what-appointment_cancel = cancelled an appointment
record-clinical-active = active
record-clinical-recurrence = recurrence
record-clinical-relapse = relapse
record-clinical-inactive = inactive
record-clinical-remission = in remission
record-clinical-resolved = resolved
record-allergy_category-food = food
record-allergy_category-medication = medication
record-allergy_category-environment = environment
record-allergy_category-biologic = biologic
record-medication-active = active
record-medication-on_hold = on hold
record-medication-cancelled = cancelled
record-medication-completed = completed
record-medication-entered_in_error = entered in error
record-medication-stopped = stopped
record-medication-draft = draft
record-medication-unknown = unknown
record-medication-intended = intended
record-medication-not_taken = not taken
record-appointment-proposed = proposed
record-appointment-pending = pending
record-appointment-booked = booked
record-appointment-arrived = arrived
record-appointment-fulfilled = attended
record-appointment-cancelled = cancelled
record-appointment-noshow = did not attend
record-appointment-checked_in = checked in
record-appointment-waitlist = on the waiting list
record-appointment-unknown = unknown
pdf-column-status = Status
pdf-column-since = Since
pdf-column-dosage = Dosage
pdf-column-when = When
pdf-column-what = What
pdf-column-where = Where
reports-download-fhir = Download my data for a health app (FHIR)

# Filters, search and pages of the record's lists
list-bad_date = Choose a valid date (YYYY-MM-DD).
list-period_reversed = The end date is before the start date.
list-query_too_long = Search with at most { $max } characters.
list-bad_page = This page does not exist.
list-hospital = Hospital
list-hospital-all = All hospitals
list-from = From
list-to = Up to and including
list-filters = Search and filter
list-apply = Apply
list-clear = Clear filters
list-pages = Pages
list-page = Page { $number } of { $count }
list-previous = Previous page
list-next = Next page
list-nothing_found = Nothing found with these filters. Change or clear them.
reports-filter-words = Search the reports
results-filter-words = Search for a test
nav-search = Search
search-title = Search my record
search-words = Search words
search-intro = Search your reports, results, allergies, risks, medications and appointments. You only find what you may also open.
search-loading = Searching…
search-empty = Your record holds nothing yet that you can see online.
search-kind-report = Report
search-kind-result = Result
search-kind-allergy = Allergy
search-kind-blood_group = Blood group
search-kind-risk = Risk
search-kind-medication = Medication
search-kind-appointment = Appointment
search-count = Number found: { $count }

## Requests and cases (issue 7)
request-hospital-empty = Choose the hospital.
request-hospital-unknown = This hospital holds no data of this record.
request-text-too_long = This text is too long: at most { $max } characters.
request-minor-no_birth_date = The child's date of birth is not known, so the hospital cannot check who must sign. Please contact the hospital.
request-destruction-nothing_held = This hospital holds no data of this record that could be destroyed.
request-signer-not_asked = This form does not ask for this document.
request-routed_elsewhere = Psychiatric records are kept by { $institution }. Please send your request to them directly.
case-closed = This request has been closed and no longer changes.
case-already_in_progress = This request is already being handled.
case-already_waiting = A question to the requester is already open.
case-question-empty = Write the question to the requester.
case-answer-empty = Write your answer.
case-text-too_long = This text is too long: at most { $max } characters.
case-delivery-missing = Attach the document that answers the request (the copy).
case-delivery-not_expected = This step takes no document.
case-no_question = There is no open question about this request.
case-changed_meanwhile = Someone else changed this request meanwhile. Please reload the page.
upload-not_document = This file is not a PDF, PNG or JPEG. Please scan the document again.
upload-image_too_large = This image is too large to open. Please scan the document at a lower resolution.
reason-request_handled = The hospital handled the request.
reason-request_refused = The hospital refused the request.
requests-title = Requests
requests-intro = Ask here for a copy of your record or of imaging, a correction or addition, or the destruction of data. You see at once when the hospital must answer and what it costs.
requests-loading = Loading your requests…
requests-sent = Your request has been sent. The hospital answers by { $date } at the latest.
requests-no_hospital = No hospital holds data in this record yet: there is nothing to request.
requests-kind-copy = Copy of the record
requests-kind-copy_for_minor = Copy of a minor's record
requests-kind-copy_of_fertility_treatment = Copy of a fertility treatment (IVF/ICSI)
requests-kind-imaging_copy = Copy of imaging (X-rays, scans)
requests-kind-correction_or_addition = Correction or addition
requests-kind-destruction = Destruction of data
requests-explain-copy = The whole record or part of it. The first copy is free.
requests-explain-copy_for_minor = For a child: who must sign depends on the child's age and on the law of the hospital's country. Attach an identity document of each signer.
requests-explain-copy_of_fertility_treatment = A fertility treatment concerns both partners: you and your partner both sign.
requests-explain-imaging_copy = Images through a secure link in the portal (free) or on a DVD by post.
requests-explain-correction_or_addition = Write which information you think is wrong or missing. Your statement is added to the record.
requests-explain-destruction = Data can only be destroyed once the legal retention period has passed.
requests-fee-amount = €{ $amount }
requests-fee = Fee: { $amount }
requests-fee-free = Free of charge
requests-form-title = New request
requests-form-hospital = Hospital
requests-form-kind = What are you asking for?
requests-form-psychiatry = It concerns psychiatric care
requests-form-two_parents = The child has two parents with parental authority
requests-form-core_data = Core data too (identity, blood group, allergies)
requests-form-delivery = How do you want to receive the images?
requests-delivery-secure_link = Through a secure link in the portal (free)
requests-delivery-dvd = On a DVD by post
requests-form-statement = Your statement
requests-form-statement-hint = Which information is wrong or missing, and what do you think is right?
requests-form-note = Note (optional)
requests-form-note-hint = For example which part of the record or which period.
requests-form-document-hint = PDF, PNG or JPEG, at most 5 MB.
requests-form-submit = Send request
requests-signer-patient = The patient's identity document
requests-signer-first_parent = The first parent's identity document
requests-signer-second_parent = The second parent's identity document
requests-signer-partner = The partner's identity document
requests-preview-title = What happens with this request
requests-preview-due = The hospital answers by { $date } at the latest.
requests-preview-missing = Still needed before you can send it:
requests-status-received = Received
requests-status-in_progress = Being handled
requests-status-needs_information = The hospital has a question
requests-status-done = Completed
requests-status-refused = Refused
requests-list-title = Your requests
requests-list-empty = You have not filed any requests yet.
requests-case-due = Answer due by { $date }
requests-case-overdue = Late: the answer was due on { $date }
requests-case-download = Download the answer
requests-case-filed = Filed on { $date }
requests-case-note = Note
requests-case-question = The hospital's question
requests-case-answer = Answer
requests-case-your_answer = Your answer
requests-case-send_answer = Send answer
staff-requests-title = Patients' requests
staff-requests-empty = There are no open requests.
staff-requests-done = { $kind } for { $patient }: { $status }.
staff-requests-files = Attached documents:
staff-requests-step = Next step
staff-requests-step-start = Start handling
staff-requests-step-ask_information = Ask the requester a question
staff-requests-step-complete = Complete
staff-requests-step-refuse = Refuse
staff-requests-text = Question or reason
staff-requests-text-hint = Required for a question or a refusal; the requester reads it.
staff-requests-delivery = Answer (document)
staff-requests-delivery-hint = PDF, PNG or JPEG, at most 100 MB.
staff-requests-submit = Carry out

## Messages (issue 7)
messages-subject-empty = Enter a subject.
messages-body-empty = Write your message.
messages-too_long = This text is too long: at most { $max } characters.
messages-too_many_attachments = Attach at most { $max } files.
messages-attachment_refused = The attachment { $name } is not accepted: { $reason }
reason-message_department = The department answers patients' messages.
messages-title = Messages
messages-loading = Loading your messages…
messages-threads = Your conversations
messages-none = There are no messages yet.
messages-unread = { $count } unread
messages-last = Last message on { $date }
messages-department-patient_questions = Patient questions (other)
messages-department-parent_child_link = Parent/child link
messages-department-appointments = Appointments
messages-department-medical_records = Medical records
messages-department-billing = Billing
messages-doctor-empty = Choose the doctor you are asking.
messages-doctor-not_expected = Only an e-consult goes to a doctor.
messages-doctor-unknown = This doctor cannot receive an e-consult about this record.
messages-department-e_consult = E-consult with your doctor
messages-form-doctor = Doctor
messages-e_consult-hint = A question to a doctor who treats you. The doctor answers themselves; the question and the answer go into your record.
messages-e_consult-title = E-consults
messages-e_consult-back = Back to my patients
messages-form-title = New message
messages-urgent = Messages are not for urgent questions. In an emergency, call 112.
messages-urgent-phone = Messages are not for urgent questions: call the hospital on { $phone }, or 112 in an emergency.
messages-form-department = Department
messages-form-subject = Subject
messages-form-body = Message
messages-form-attachments = Attachments (optional)
messages-form-attachments-hint = At most 3 files: PDF, PNG or JPEG, each at most 5 MB.
messages-form-send = Send
messages-back = Back to the messages
messages-reply-title = Reply
staff-messages-title = Patients' messages
staff-messages-back = Back to the back office

## Notifications (issue 7)
notify-topics-empty = Choose what you want an e-mail about, or turn the notices off.
notify-topics-twice = Each topic counts only once.
notify-address-known = This address already receives the notices.
notify-address-too_many = You can give at most { $max } extra addresses.
notify-address-sent = We sent a link to that address. Notices go to it once the link is opened.
notify-address-confirmed = The address is confirmed: notices now go to it too.
notify-addresses = Other addresses for the notices
notify-addresses-hint = For instance of someone who helps you. Each address first gets a link to confirm it.
notify-addresses-new = New address
notify-addresses-add = Add address
notify-addresses-remove = Remove { $email }
notify-addresses-remove-button = Remove
notify-addresses-confirmed = confirmed
notify-addresses-pending = awaiting confirmation
mail-age_change-subject = On { $date } who may see a record changes
mail-age_change-body = Hello,

    On { $date } a child or young person whose record you follow, or you yourself, has a birthday. From that day the law changes who may see the record in the patient portal.

    Log in to see what changes: { $link }

    This e-mail says nothing about what is in the record.
mail-appointment-book-subject = Your appointment is made
mail-appointment-move-subject = Your appointment is moved
mail-appointment-cancel-subject = Your appointment is cancelled
mail-appointment-book-body = Hello,

    In the patient portal you made an appointment on { $date } at { $time } at { $hospital }.

    Log in to see your appointments: { $link }

    Did you not do this yourself? Then contact the hospital. In your account you choose whether you get such e-mails.
mail-appointment-move-body = Hello,

    In the patient portal you moved an appointment to { $date } at { $time } at { $hospital }.

    Log in to see your appointments: { $link }

    Did you not do this yourself? Then contact the hospital. In your account you choose whether you get such e-mails.
mail-appointment-cancel-body = Hello,

    In the patient portal you cancelled an appointment on { $date } at { $time } at { $hospital }.

    Log in to see your appointments: { $link }

    Did you not do this yourself? Then contact the hospital. In your account you choose whether you get such e-mails.
mail-notice-subject = There is something new in your patient portal
mail-notice-body = Hello,

    There is something new for you in the patient portal:

    { $news }

    Log in to see it: { $link }

    This e-mail contains no medical information. In your account you choose whether and how often you receive such e-mails.
mail-notice-new_report = New reports: { $count }
mail-notice-new_message = New messages from the hospital: { $count }
mail-notice-request_status = Requests with a new status: { $count }
notify-title = E-mail notices
notify-intro = Get an e-mail when there is something new. The e-mail never says what: only that there is something, without medical information.
notify-enabled = Send me e-mail notices
notify-topics = About what?
notify-topic-new_report = A new report
notify-topic-new_message = A new message from the hospital
notify-topic-request_status = A request with a new status
notify-frequency = How often?
notify-frequency-immediately = At once
notify-frequency-daily = At most once a day
notify-frequency-weekly = At most once a week
notify-address = Notices go to { $email }.
notify-no_address = You have no confirmed e-mail address yet: notices go out only once you set and confirm an address above.
notify-save = Save
notify-saved = Your choice of e-mail notices has been saved.

## A relative's request about a deceased patient
relatives-title = Access after death
relatives-intro = Has a relative died? Death ends all access to the record in the portal. Here you can ask, with your own account, to see the record. In Belgium a doctor you name inspects the record for you; in the Netherlands a doctor weighs your request and may give you a copy.
relatives-link = Has a relative died? Ask to see the record.
relatives-form-title = New request after a death
relatives-form-deceased = The deceased patient
relatives-form-national_number = The patient's national register number or BSN
relatives-form-national_number-hint = 11 digits in Belgium, 9 in the Netherlands.
relatives-form-birth_date = Date of birth
relatives-form-died_on = Date of death
relatives-form-degree = How you are related
relatives-degree-1 = Parent, child or partner (first degree)
relatives-degree-2 = Brother, sister, grandparent or grandchild (second degree)
relatives-degree-3 = Further family
relatives-form-motivation = Why do you ask?
relatives-form-practitioner = Doctor who inspects the record for you
relatives-form-practitioner-hint = Name and, if you know it, the doctor's RIZIV/INAMI number.
requests-kind-copy_for_deceased_relative = Access to a deceased relative's record
requests-signer-relative = Your identity document
staff-requests-delivery-optional = Only if the doctor grants a copy.

## Personal data
nav-personal = Personal data
personal-title = Personal data
personal-intro = This is how the hospitals know you. If something is wrong, ask for a correction below.
personal-loading = Loading the personal data…
personal-unknown = not known
personal-field-name = Name
personal-field-birth_date = Date of birth
personal-field-gender = Gender
personal-field-national_number = National register number or BSN
personal-field-record_number = Patient number
personal-field-postal_address = Address
personal-gender-female = female
personal-gender-male = male
personal-gender-other = other
personal-gender-unknown = not known
personal-correction-title = Ask for a correction
personal-correction-intro = The hospital checks your request and corrects the data. You follow the request under Requests.
personal-correction-field = Which item?
personal-correction-correct = What is right?
personal-correction-submit = Ask for the correction
personal-correction-follow = See the request.

## Installed app: the offline notice (app)
offline-notice = You are offline. Your medical data is never kept on this device, so without a connection you cannot open your record. You can carry on as soon as you are connected again.
offline-unreachable = Inzage cannot be reached right now. Check your internet connection and try again in a moment.
