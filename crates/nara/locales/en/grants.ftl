## Association grants: programmes, applying, assessment, decisions and payments.

nav-grants = Association grants
role-grant-assessor = grant assessor

grants-title = Association grants
grants-lead = The city gives grants to associations that do something for its residents. Here are the rules of each grant: who may apply, how applications are assessed, how much you can get and the last day to apply.
grants-none = There are no grants to apply for right now.
grants-how-to-apply = You apply as a representative of an association in the register, under
grants-purpose = What the grant is for
grants-who = Who may apply
grants-amount = Amount
grants-amount-most = At most { $amount }
grants-duration = How long
grants-duration-one-year = One year
grants-duration-years = { $years ->
    [one] One year
   *[other] { $years } years at a time
}
grants-deadline = Last day to apply
grants-deadline-value = By { $date }
grants-closed = Closed
grants-version = Version of the rules
grants-assessment-heading = How applications are assessed
grants-two-assessors = Applications for more than { $amount } are assessed by two assessors independently.
grants-criterion = What we assess
grants-weight = Weight
grants-questions-heading = Questions in the application
grants-questions-lead = This is what we ask. What the register already knows you do not need to write again.

grants-association-title = Association grants
grants-association-lead = Apply for grants for the association here and follow your applications. Every representative of the association sees the same.
grants-applications-heading = The association's applications
grants-applications-none = The association has not applied for a grant here yet.
grants-programme = Grant
grants-status = Status
grants-requested = Amount applied for
grants-changed = Last changed
grants-start-heading = Apply for a grant
grants-start-choose = Which grant do you want to apply for?
grants-start-submit = Start the application
grants-none-open = There are no grants to apply for right now.
grants-read-rules = Read the rules of the grants
grants-known-heading = What we already know about the association
grants-known-lead = These details come from the association register and go with the application. You do not need to write them again.
grants-known-when-sent = From the register when the application was sent
grants-known-name = Name of the association
grants-known-org-number = Organisation number
grants-known-email = E-mail
grants-known-phone = Phone
grants-known-target-groups = Target groups
grants-known-areas = Areas
grants-known-languages = Languages
grants-known-missing = Missing in the register
grants-known-change = Change the details in the register

grants-status-draft = Draft, not sent
grants-status-submitted = Sent, being assessed
grants-status-withdrawn = Withdrawn
grants-status-decided = Decided
grants-sent-on = on { $when }
grants-rules-version = Rules
grants-rules-version-value = Version { $version }
grants-draft-lead = The application is saved as a draft. You can save and continue later, and send it when it is ready.
grants-budget-heading = Amount and budget
grants-requested-label = How much are you applying for, in kronor?
grants-requested-hint = At most { $amount }. For example 25 000.
grants-budget-legend = Budget for what you apply for
grants-budget-hint = One line per cost: what it is and what it costs in kronor. Leave unused lines empty.
grants-budget-line = Budget line { $number }
grants-budget-amount = Amount of budget line { $number }, in kronor
grants-budget-total = Budget total: { $amount }
grants-budget-post = Budget line
grants-budget-sum = Total
grants-files-heading = Attachments
grants-file-kind = What is the attachment?
grants-file-label = Add an attachment (optional)
grants-file-hint = For example statutes, annual report or budget. PDF only, at most 5 MB.
grants-file-statutes = Statutes
grants-file-annual-report = Annual report
grants-file-budget = Budget
grants-file-other = Other
grants-save = Save
grants-submit-heading = Send the application
grants-submit-lead = Once sent, the application cannot be changed, but you can withdraw it until it is decided.
grants-submit = Send the application
grants-sent-heading = What you sent
grants-withdraw-heading = Withdraw the application
grants-withdraw = Withdraw the application
grants-decision-heading = Decision
grants-outcome = Decision
grants-outcome-granted = Granted
grants-outcome-refused = Refused
grants-reasons = Reasons for the decision
grants-conditions = Conditions
grants-decided-on = Date of decision
grants-payments-heading = Payments
grants-payment-reference = reference { $reference }

grants-notice-saved = The application is saved.
grants-notice-submitted = The application is sent. You will get the decision by e-mail and see it here.
grants-notice-withdrawn = The application is withdrawn.
grants-error-programme = Choose the grant you want to apply for.
grants-error-closed = The last day to apply for that grant has passed.
grants-error-deadline-passed = The last day to apply has passed, so the application could not be sent. Everything you wrote is still in the draft.
grants-error-amount = Write the amount in kronor, for example 12 500 or 12 500,50.
grants-error-budget-label = Write what the budget line is for.
grants-error-budget-label-too-long = A budget line may have at most 120 characters.
grants-error-requested-missing = Write how much you are applying for.
grants-error-requested-too-much = You can apply for at most the amount the rules give.
grants-error-file-too-large = The attachment may be at most 5 MB.
grants-error-file-not-pdf = The attachment must be a PDF.
grants-error-file-too-many = The application already has as many attachments as it can hold. Remove one first.

grants-staff-title = Association grants – assessment
grants-staff-applications = Applications
grants-staff-none = No applications have been sent yet.
grants-staff-csv = Download the decisions as CSV (for the board's minutes)
grants-staff-programmes = Grant programmes
grants-staff-public-page = See the public page
grants-staff-new-programme = New grant programme
grants-staff-current-version = Current version: { $version }
grants-staff-versions-lead = Publishing makes a new version. Applications already made are assessed by the rules they were made under.
grants-staff-slug = Short name in the address
grants-staff-slug-hint = Lower-case letters a–z, digits and hyphens, for example operating-grant.
grants-staff-rules = Rules (TOML)
grants-staff-rules-hint = Name, purpose, who may apply, how you assess, number of years, largest amount, the amount above which two assessors score, last day and criteria with weights.
grants-staff-questions = Questions (the same format as application forms)
grants-staff-questions-hint = The association sees these questions. Attachments have a part of their own, so questions of type file cannot be used here.
grants-staff-publish = Publish a new version
grants-notice-published = The new version is published.
grants-rules-problems = The rules cannot be published
grants-rules-error-syntax = The text cannot be read: { $detail }
grants-rules-error-too-long = The text is too long: { $detail }
grants-rules-error-missing = The text is missing: { $detail }
grants-rules-error-years = The number of years must be 1–5 (now { $detail }).
grants-rules-error-amount = The amount cannot be read: { $detail }
grants-rules-error-deadline = Write the last day as YYYY-MM-DD (now { $detail }).
grants-rules-error-criteria = Give 1–12 criteria.
grants-rules-error-criterion-id = A criterion's id must be unique and written with a–z, 0–9 and _: { $detail }
grants-rules-error-weight = The weight must be 1–10: { $detail }
grants-rules-error-file-question = The question { $detail } takes a file; attachments have a part of their own.
grants-error-slug = Write a short name with a–z, 0–9 and hyphens.
grants-error-slug-taken = The short name is already used.

grants-association = Association
grants-assessments = Assessments
grants-assessments-done = { $done } done,
grants-assessments-needed = { $needed } needed
grants-weighted = weighted { $percent } %
grants-sent = Sent
grants-scores-heading = Assessments
grants-scores-none = Nobody has assessed the application yet.
grants-assessor = Assessor
grants-score = Score (0–5)
grants-reason = Reason
grants-conflicts = { $count } assessors declared a conflict of interest.
grants-you-are-conflicted = You declared a conflict of interest and take no part in assessing this application.
grants-my-score-heading = Your assessment
grants-my-score-lead = Give each criterion 0–5 points and write briefly why.
grants-score-hint = 0 is not at all, 5 is fully. Weight { $weight }.
grants-reason-label = Reason: { $criterion }
grants-score-submit = Save the assessment
grants-conflict-lead = Do you have a conflict of interest, for example as a member of the association or a relative of someone on its board? Declare it, and you take no part in the assessment.
grants-conflict-submit = Declare a conflict of interest
grants-decide-heading = Decision
grants-decision-amount = Amount granted in kronor (only if the application is granted)
grants-kronor-hint = For example 25 000 or 25 000,50.
grants-conditions-hint = What the association must do to receive the money, in plain language (optional).
grants-reasons-hint = Write why in plain language, so that the association understands the decision.
grants-decide-submit = Decide and send to the association
grants-not-ready = The application needs to be fully assessed before a decision.
grants-payments-none = No payments are recorded.
grants-paid-total = Paid in total: { $amount }
grants-payment-date = Date of payment
grants-date-hint = YYYY-MM-DD, for example 2027-05-15.
grants-payment-amount = Amount in kronor
grants-payment-reference-label = Reference (for example the voucher number)
grants-payment-submit = Record the payment
grants-notice-conflict = Your conflict of interest is declared. You take no part in assessing the application.
grants-notice-scored = Your assessment is saved.
grants-notice-decided = The decision is made and sent to the association.
grants-notice-paid = The payment is recorded.
grants-error-score = Choose 0–5 points.
grants-error-reason = Write a short reason.
grants-error-reason-too-long = The reason may have at most 1,000 characters.
grants-error-not-assessed = The application is not fully assessed by as many assessors as its amount needs.
grants-error-outcome = Choose granted or refused.
grants-error-decision-amount = Write an amount above zero and at most what the rules give.
grants-error-reasons = Write the reasons for the decision.
grants-error-text-too-long = The text is too long.
grants-error-date = Write the date as YYYY-MM-DD.
grants-error-reference = Write a reference.
grants-error-not-granted = Payments can only be recorded for granted applications.

grants-csv-association = Association
grants-csv-org-number = Organisation number
grants-csv-programme = Grant
grants-csv-version = Rules version
grants-csv-requested = Applied for (SEK)
grants-csv-outcome = Decision
grants-csv-amount = Granted (SEK)
grants-csv-conditions = Conditions
grants-csv-reasons = Reasons
grants-csv-decided = Date of decision

grants-mail-decision-subject = Decision on { $programme } for { $association }
grants-mail-decision-body =
    Hello,

    The decision on your application for { $programme } for { $association } is here: { $outcome }, { $amount }.

    Read the decision with its reasons and conditions here:

    { $link }

audit-action-grant-programme-published = Published a version of a grant programme
audit-action-grant-application-saved = Saved a grant application
audit-action-grant-application-submitted = Sent a grant application
audit-action-grant-application-withdrawn = Withdrew a grant application
audit-action-grant-application-viewed = Read a grant application
audit-action-grant-file-read = Opened an attachment of a grant application
audit-action-grant-conflict-declared = Declared a conflict of interest in a grant application
audit-action-grant-scored = Assessed a grant application
audit-action-grant-decided = Decided a grant application
audit-action-grant-payment-recorded = Recorded a grant payment
audit-action-grant-decisions-exported = Downloaded the grant decisions as CSV

## Follow-up report of a paid grant
grants-rules-error-follow-up-due = Write the follow-up day as YYYY-MM-DD (now { $detail }).
grants-rules-error-reminder-days = The reminder can come at most 180 days before (now { $detail }).
grants-follow-up-title = Follow-up report
grants-follow-up-due = Due
grants-follow-up-due-value = Due by { $date }
grants-follow-up-late = Late
grants-follow-up-submitted = Submitted
grants-follow-up-start = Report back
grants-follow-up-read = Read the follow-up report
grants-follow-up-period = Grant period
grants-follow-up-due-on = Due by
grants-follow-up-counted-heading = What we already know
grants-follow-up-counted-lead = We have counted your meetings in the calendar during the grant period, how many registered and how many came. The figures are already in the form below. Change them only if something is missing or wrong.
grants-follow-up-counted-none = We found none of your meetings in the calendar during the period. Enter what you have done in the form.
grants-follow-up-meeting = Meeting
grants-follow-up-when = When
grants-follow-up-counted-total = { $count ->
    [one] { $count } meeting
   *[other] { $count } meetings
}
grants-follow-up-counted-hint = The calendar counted { $count }.
grants-follow-up-activities = Activities you held
grants-follow-up-registrations = Registered
grants-follow-up-attended = Attended
grants-follow-up-reached-legend = How many have you reached in each target group?
grants-follow-up-reached-hint = The target groups come from the association register. Rough figures are fine. Leave blank if you do not know.
grants-follow-up-reached-in = Reached: { $group }
grants-follow-up-changes = What has changed?
grants-follow-up-changes-hint = A few sentences on what the grant has done for the participants or for the association.
grants-follow-up-story = One story
grants-follow-up-story-hint = An event or a person (without a name) that shows what your activities mean.
grants-follow-up-form-heading = Your follow-up report
grants-follow-up-form-lead = Five things, and most are already filled in. You can save and continue later.
grants-follow-up-submit = Send the follow-up report
grants-follow-up-save = Save draft
grants-follow-up-sent-heading = What you sent
grants-follow-up-notice-saved = The draft is saved.
grants-follow-up-notice-submitted = Thank you! The follow-up report is sent.
grants-follow-up-error-number = Enter a whole number from 0, for example 12.
grants-follow-up-error-too-long = The text is too long (at most 2,000 characters).
grants-follow-up-error-required = Fill this in before you send.
grants-follow-up-figures-label = The follow-up's figures { $period }
grants-follow-up-figure = Figure
grants-follow-up-reported = The association reported
grants-follow-up-counted = The calendar counted
grants-follow-up-corrected = Changed
grants-follow-up-earlier-heading = Follow-up reports of earlier grants
grants-follow-up-earlier-lead = The association's follow-up reports from earlier years in the same programme, to inform the decision.
grants-mail-follow-up-subject = Reminder: follow-up report for { $programme }
grants-mail-follow-up-body = Hello,

    The follow-up report for { $association }'s grant ({ $programme }) is due by { $date }.

    Most of it is already filled in from the calendar. You check the figures and write what has changed and one story:
    { $link }

    Kind regards
    The city
audit-action-grant-follow-up-saved = Saved a follow-up report
audit-action-grant-follow-up-submitted = Sent a follow-up report
audit-action-grant-follow-up-reminded = Reminded of a follow-up report

## Effect view
grants-effect-title = What the grants achieve
grants-effect-lead = Grants awarded and what the associations have reported back. No personal data: only amounts, register facts and the associations' own figures.
grants-effect-none = Nothing to show yet.
grants-effect-years = Year by year
grants-effect-year = Year
grants-effect-grants = Grants
grants-effect-granted = Granted
grants-effect-reports = Follow-up reports
grants-effect-reached = People reached
grants-effect-per-person = Kronor per person reached
grants-effect-per-10k = Reached per 10,000 kr
grants-effect-per-person-hint = Kronor per person reached and reached per 10,000 kr count only grants with a submitted follow-up report.
grants-effect-by-area = Money by area
grants-effect-area = Area
grants-effect-overlap-hint = An association may have several areas and target groups. Its grant then counts under each, so the sums can be larger than the amount granted.
grants-effect-by-target-group = Money by target group
grants-effect-target-group = Target group
grants-effect-by-district = Money by district
grants-effect-district = District or town
grants-effect-district-unknown = Not given
grants-effect-funded-again = Associations funded in several years
grants-effect-funded-years = Years
grants-effect-year-count = { $count ->
    [one] { $count } year
   *[other] { $count } years
}
grants-effect-open-data = Open data
grants-effect-open-data-lead = The decisions are available as open data, without personal data.
grants-effect-json = The decisions as JSON
grants-effect-csv = The decisions as CSV
