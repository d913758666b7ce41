# Accounts, signing in, My pages, the access log, administration and log review.
# Plain English: short sentences, "you". Error messages say what to do.
# Never reveal whether an email address has an account, except in mail-already-registered-*
# (that only goes to the owner of the mailbox).

## Navigation and signed-in time

account-nav-label = Your account
nav-log-in = Sign in
nav-log-out = Sign out
nav-my-pages = My pages
nav-admin = Administration
nav-log-review = Log review
breadcrumbs-label = You are here
session-ends = You will be signed out automatically at { $time } if you do nothing.
session-extend = Stay signed in

## Forms

form-error-summary = There is a problem
form-error-prefix = Error:
form-error-title-prefix = Error:
field-name = Name
field-email = Email address
field-password = Password
field-new-password = Choose a password
password-hint = At least 10 characters. Tip: write a few words in a row that are easy for you to remember but hard for others to guess.
password-error-short = Choose a password with at least 10 characters
password-error-long = Choose a password with no more than 256 characters
choose-password-submit = Save password
back-to-login = Back to the sign-in page

## Sign in

login-title = Sign in
login-eid-heading = Sign in with e-identification
login-eid-body = For residents. You sign in with BankID or Freja eID.
login-password-heading = Sign in with email and password
login-password-body = For people who represent an association or work for the city, and for anyone who has created an account with their email address.
login-submit = Sign in
login-forgot = Forgotten your password?
login-register = Create an account
login-error-email = Enter your email address, for example name@example.com
login-error-password = Enter your password
login-error-wrong = The email address or password is not right. Try again or choose a new password. Did you just create an account? First confirm your email address with the link in the email we sent.
login-error-unverified = You need to confirm your email address before you can sign in. We have sent you a new email. Open the link in it and then sign in.
login-error-too-many = You have tried to sign in too many times. Wait 15 minutes and then try again.

notice-logged-out = You have signed out. If you used a computer that other people also use, you can close the browser now.
notice-email-verified = Thank you! Your email address is confirmed. You can now sign in.
notice-password-changed = Your password is saved. You can now sign in with it.

## Create an account

register-title = Create an account
register-lead = Here you create an account with your email address and a password. The account is for example for people who represent an association. You need to be able to read your email to confirm the address.
register-email-hint = We will send a link to this address. With it you confirm that the address is yours.
register-error-name = Enter a name. It can be up to 200 characters long.
register-error-email = Enter an email address in the correct format, for example name@example.com
register-submit = Create account
register-sent-heading = Check your email
register-sent-body = We have sent an email to the address you gave. Open the link in it to confirm your email address. Can't find the email? Look in your spam or junk folder.

## Confirm email address

verify-title = Confirm your email address
verify-body = Press the button to confirm that the email address is yours. Then you can sign in.
verify-submit = Confirm email address

## New password and invitation

forgot-title = Forgotten your password?
forgot-lead = Enter the email address you sign in with. We will send you a link where you can choose a new password.
forgot-submit = Send link
reset-sent-heading = Check your email
reset-sent-body = If the address has an account with us, we have sent a link to it. With the link you can choose a new password. The link works for 1 hour. Can't find the email? Look in your spam or junk folder.
reset-choose-heading = Choose a new password
invitation-heading = Welcome to Nära! Choose a password
link-expired-heading = This link no longer works
link-expired-body = The link is too old or has already been used. Have you already chosen a password or confirmed your email address? Then you can sign in. Do you want to choose a new password? Ask for a new link under “Forgotten your password?” when you sign in. Were you sent an invitation? Ask the person who invited you to send a new one.

error-429-heading = You have tried too many times
error-429-body = We have had many requests in a short time. Wait an hour and then try again.

## Email (plain text, no HTML)

mail-verify-subject = Confirm your email address for Nära
mail-verify-body =
    Hello,

    Someone has created an account on Nära with your email address. Was it you? Then open the link and press the button to confirm the address:

    { $link }

    The link works for 48 hours.

    Was it not you? Then you do not need to do anything. No one can sign in to the account until the address is confirmed.

    Any questions? Call the contact centre on { -contact-phone }.

    Kind regards
    Nära, { -city }

mail-already-registered-subject = You already have an account on Nära
mail-already-registered-body =
    Hello,

    Someone just tried to create an account on Nära with your email address. But you already have an account with this address.

    Was it you? Then you can sign in with the link below. Have you forgotten your password? Choose “Forgotten your password?” on the same page and you can choose a new one.

    { $link }

    Was it not you? Then you do not need to do anything. Nothing has changed in your account.

    Any questions? Call the contact centre on { -contact-phone }.

    Kind regards
    Nära, { -city }

mail-reset-subject = Choose a new password for Nära
mail-reset-body =
    Hello,

    Someone has asked to choose a new password for your account on Nära. Was it you? Then open the link and choose a new password:

    { $link }

    The link works for 1 hour and only once. When you have chosen a new password, you will be signed out everywhere you were signed in.

    Was it not you? Then you do not need to do anything. Your password does not change unless someone uses the link.

    Any questions? Call the contact centre on { -contact-phone }.

    Kind regards
    Nära, { -city }

mail-invitation-subject = You are invited to Nära
mail-invitation-body =
    Hello,

    You have been invited to Nära. Nära is the website for support and help from { -city }. Open the link and choose a password to start using your account:

    { $link }

    The link works for 7 days. If it stops working before you use it, ask the person who invited you to send a new one.

    Were you not expecting this invitation? Then you do not need to do anything.

    Any questions? Call the contact centre on { -contact-phone }.

    Kind regards
    Nära, { -city }

## My pages

my-pages-title = My pages
my-pages-greeting = Hello { $name }! Here you can see your information and who has read or changed it.
my-pages-details-heading = Your information
my-pages-log-heading = Who has read your information?
my-pages-log-body = You have the right to know who has read or changed information about you. Every time that happens, we write it down.
my-pages-log-link = See who has read or changed your information
my-pages-sessions-heading = Are you signed in on another computer or phone?
my-pages-sessions-body = Did you forget to sign out somewhere else? Or do you think someone else can get into your account? Then you can sign out everywhere at once, here too.
my-pages-log-out-everywhere = Sign out everywhere

## Who has read or changed my information

access-log-title = Who has read or changed my information
access-log-lead = Every time someone reads or changes information about you, we write it down here. You can see who it was, when it happened and why. You can also see here when you yourself signed in.
access-log-empty = There is nothing here yet.
access-log-when = When
access-log-who = Who
access-log-what = What
access-log-why = Why

log-who-you = You
log-who-anonymous = Someone not signed in
log-who-system = The system

role-resident = resident
role-association = association representative
role-organiser = organiser
role-staff = staff member
role-log-reviewer = log reviewer
role-admin = administrator
role-anonymous = not signed in
role-system = the system

audit-action-log-in = Signed in
audit-action-log-in-failed = Failed attempt to sign in
audit-action-log-out = Signed out
audit-action-log-out-everywhere = Signed out everywhere
audit-action-account-created = Created your account
audit-action-email-verified = Confirmed the email address
audit-action-password-reset-requested = Asked for a link to choose a new password
audit-action-password-changed = Changed the password
audit-action-invitation-sent = Sent an invitation
audit-action-role-granted = Granted a permission
audit-action-role-revoked = Removed a permission
audit-action-account-deactivated = Deactivated your account
audit-action-person-viewed = Opened your account
audit-action-access-denied = Was refused access
audit-action-audit-log-searched = Searched the log
audit-action-audit-log-exported = Downloaded the log
audit-action-people-listed = Showed the list of accounts
audit-action-identity-linked = Linked your e-identification to your account

## Log review

review-title = Log review
review-lead = Search the log of who has read or changed information. Your searches are also written down in the log.
review-actor = Who did it?
review-subject = Whose information is it about?
review-person-hint = Email address or personal identity number (personnummer)
review-action = What happened
review-any-action = Everything
review-from = From date
review-until = Up to and including date
review-submit = Search
review-results = Results
review-export = Download as CSV (opens in Excel)
review-empty = Nothing in the log matches your search. Change the search and try again.
review-no-person = No one matches what you wrote. Check the email address or personal identity number and try again.
review-subject-column = Whose information

## Administration

admin-title = Administration
admin-people-heading = People with an account
admin-roles = Roles
admin-status = Status
admin-active = Active
admin-inactive = Deactivated
admin-invite-heading = Invite a member of staff
admin-invite-body = The person gets an email with a link. There they choose a password. The link works for 7 days.
admin-invite-submit = Send invitation
admin-role = Role
admin-unit = Unit
admin-unit-hint = Organisers, staff members and log reviewers need a unit. Other roles do not.
admin-no-unit = No unit
admin-error-role = Choose a role
admin-error-unit = Choose a unit. Organisers, staff members and log reviewers need a unit.
admin-no-roles = This person has no roles other than resident.
admin-grant-heading = Add a role
admin-grant-submit = Add role
admin-revoke = Remove
admin-deactivate-heading = Deactivate the account
admin-deactivate-body = When you deactivate the account, the person can no longer sign in. Everything the person has done stays in the log.
admin-deactivate-submit = Deactivate account
admin-notice-invited = The invitation has been sent. The link in the email works for 7 days.
admin-notice-role = The roles have been updated.
admin-notice-deactivated = The account is deactivated. The person can no longer sign in.

oidc-error-heading = We could not finish signing you in
oidc-error-mismatch = The sign-in could not be linked to this browser, or the link has already been used. Start again from the sign-in page.
oidc-error-cancelled = The sign-in was cancelled. You can try again whenever you like, from the sign-in page.
oidc-error-rejected = We could not confirm the sign-in with your e-identification. Try again from the sign-in page. If it still does not work, call the contact centre on { -contact-phone }.
session-warning = You will soon be signed out because you have not done anything for a while. Do you want to stay signed in?
session-region-label = Your session

## Everything about me, to read, print or download
export-title = Everything about you
export-lead = Here is everything Nära keeps about you that you have the right to see, in one place. You can print the page or download the data as a file.
export-generated = Put together { $when }.
export-json = Download as a file (JSON)
export-link = See everything about you, print or download it
export-cases = Your cases
export-none = Nothing.
export-opened = Opened
export-timeline = How the case has gone
export-version = version
export-additions = What you have added
export-disputes = you said it is not right
export-events = Meetings you signed up for
export-log = Who has read or changed your data
export-log-count = { $count ->
    [one] The log has one line, and it is in the file.
   *[other] The log has { $count } lines, and they are in the file.
}
audit-action-own-data-downloaded = Fetched all their data

## The audit log's checkpoint, e-mailed to the log reviewer.
mail-audit-checkpoint-subject = Audit log checkpoint: entry { $seq }
mail-audit-checkpoint-body =
    On { $when } (Swedish time), entry { $seq } was the newest in Nära's audit log. The line below is signed with the log's key and records which entry it was.

    Keep this e-mail. Collect the lines in a file and run `nara audit verify --checkpoints THE-FILE`: it shows whether entries that were here have been removed or changed, even if someone changed the database and the server's own checkpoint file.

    { $line }
access-log-refused = { $count ->
    [one] Someone tried to open your case and was refused.
   *[other] Someone tried to open your case and was refused, { $count } times.
}
export-log-refused = { $count ->
    [one] Someone tried once to open your case and was refused. It is in the file, without a name.
   *[other] Someone tried { $count } times to open your case and was refused. It is in the file, one line a day, without a name.
}
mail-refusals-subject = Repeated refused attempts in Nära
mail-refusals-body =
    Hello,

    One person has been refused access more than { $count } times in the last { $minutes } minutes. This e-mail does not say who it is or whose information it concerns. Sign in to Nära to see the refused attempts in the log:

    { $link }

    You get this because you review the log. We send at most one message an hour about the same person.

## Purposes recorded in the log, as the reader sees them
audit-purpose-case-work = Handling the case
audit-purpose-work-list = Case work list
audit-purpose-own-case-addition = Own addition to the case
audit-purpose-booking = Booking a meeting in the case
audit-purpose-officer-meetings = The case officer's own meetings
audit-purpose-own-application = Own application
audit-purpose-organiser = Organiser of the meeting
audit-purpose-account-admin = Account administration
audit-purpose-log-review = Log review
audit-purpose-log-review-no-match = Log review (no match)
audit-purpose-own-data-request = Your own request for your data
my-pages-language-heading = Language
my-pages-language-legend = Which language do you want to read Nära in?
my-pages-language-hint = We send you e-mails in that language. You can also change the language at the top of the page.
my-pages-language-submit = Save the language
my-pages-language-saved = The language is saved.
my-pages-language-missing = Choose a language
access-log-times = { $count ->
    [one] once that day
   *[other] { $count } times that day (the last at the time shown)
}
