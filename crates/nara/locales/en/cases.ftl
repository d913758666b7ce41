# Cases and the record: the resident's pages under My pages and the case officer's work list.
# Plain language: short sentences, "you", say "the city". Say what happens next and when.
# E-mail about cases never says what they are about, only that something new is waiting.

nav-cases = Cases

## Status and what happens next ($due: a date, $contact: the contact person's name)

case-status-received = Received
case-status-being-assessed = Being assessed
case-status-more-information-needed = We need more information
case-status-decision-made = Decision made
case-status-closed = Closed
case-next-received = We have received your case. The next step is that a case officer starts looking at what you need. You will see here when that happens.
case-next-being-assessed = { $contact } is now assessing what you need. This means we read what you have told us and talk with you. You do not need to do anything right now. If you have questions, you can send a message.
case-next-more-information-needed = We need more information from you by { $due }. Read what is needed in the timeline below. Answer with a message or call { $contact }. Not enough time? Get in touch and we will find a way together.
case-next-decision-made = We have made a decision. You can read about it in your record below. If you do not agree with the decision, you can appeal. { $contact } can help you if you want.
case-next-closed = The case is closed. Everything that was written is still here and you can read it whenever you want. If you need support again, you are welcome to get in touch.
case-contact-none-short = your contact person
case-status-heading = Right now:
case-status-label = Status
case-due-by = Answer by { $due }
case-timeline-heading = How the case has gone
case-opened-on = Opened { $when }
case-unit = Unit
case-unread = { $count ->
    [one] 1 new message
   *[other] { $count } new messages
}
case-you = you

## Contact person

case-contact-heading = Contact person
case-contact-named = Contact person: { $name }
case-contact-body = Your contact person is the one to turn to first. You can send a message below.
case-contact-none = You will soon have a contact person. Until then, you can call the contact centre on { -contact-phone }.

## The record

case-journal-heading = Record
case-journal-none = There are no entries yet.
case-corrected = Corrected
case-version = Version { $number }
case-earlier-versions = { $count ->
    [one] Show 1 earlier version
   *[other] Show { $count } earlier versions
}
case-shared = Shown to the resident
case-withheld = Not shown to the resident
case-withheld-reason = Reason it is not shown:
case-additions-heading = Added by the resident
case-disputes-tag = The resident says this is not right
case-about-version = About version { $number }

## Messages

case-messages-heading = Messages
case-messages-none = There are no messages yet.
case-message-new = New
case-message-submit = Send the message

## My cases

my-cases-title = My cases
my-cases-lead = Here you see your cases with the city, what happens next and everything we have written about you. You can also add notes of your own and send messages to your contact person.
my-cases-none = You have no cases with us.
my-cases-open = Open cases
my-cases-closed = Closed cases
my-pages-cases-heading = Your cases
my-pages-cases-body = See how your cases are going, read what we have written and send messages to your contact person.
my-pages-cases-link = Go to your cases

my-case-journal-lead = This is what we have written about you in this case. If something is not right, you can say so. What you write is kept with the entry and never changed.
my-case-additions-heading = What you added
my-case-disputes-tag = You said this is not right
my-case-comment-link = Comment on the entry or say that something is not right
my-case-notes-heading = Your own notes
my-case-notes-lead = Here you can add something to your record that you want us to know.
my-case-note-label = New note
my-case-note-hint = Write in your own words. Your contact person can read what you write.
my-case-note-submit = Save the note
my-case-message-label = Message to your contact person
my-case-message-hint = Your contact person gets an e-mail saying there is a new message here. What you write is never sent by e-mail.
my-case-file-label = Attach a file
my-case-file-hint = For example a certificate your contact person has asked for. PDF, JPEG or PNG, at most 5 MB. Write a few words about the file in the message.
my-case-closed-messages = The case is closed, so you can no longer send messages here. Want to get in touch? Call the contact centre on { -contact-phone }.

my-entry-title = Entry in your record
my-entry-comment-heading = Add a comment
my-entry-comment-lead = You have the right to say what you think about what we have written. Your comment is kept with the entry and cannot be changed or removed.
my-entry-disputes = This is not right
my-entry-disputes-hint = Tick the box if you think something in the entry is wrong. It will then be clearly shown next to the entry.
my-entry-comment-label = Your comment
my-entry-comment-hint = For example, write what is wrong and how things really are.
my-entry-comment-submit = Save the comment
my-entry-back = Back to the case

case-notice-note-added = Your note is saved.
case-notice-comment-added = Your comment is saved with the entry.
case-notice-message-sent = The message is sent.
case-notice-entry-written = The entry is saved.
case-notice-entry-corrected = The correction is saved as a new version. The earlier versions are kept.
case-notice-status-changed = The status is changed. The resident gets an e-mail saying something is new.
case-notice-handed-over = The case is handed over. The new contact person gets an e-mail.
case-notice-closed = The case is closed.

## Form errors

case-error-note = Write your note
case-error-comment = Write your comment
case-error-message = Write your message
case-error-too-long = The text is too long. It can be at most 20,000 characters.
case-error-entry-body = Write the entry
case-error-sharing = Choose whether the resident can read the entry
case-error-reason = Write why the resident may not read the entry. There must always be a reason when something is not shown.
case-error-stale = Someone else corrected the entry while you were writing. Read the new version and try again.
case-error-status = Choose a new status
case-error-status-not-allowed = The case cannot have that status now
case-error-status-stale = Someone else changed the status while you were writing. Read the new status and try again.
case-error-due-missing = Write the date the resident should answer by
case-error-due-past = That date has passed. Choose a date from today onwards.
case-error-due-format = Write the date as year-month-day, for example 2026-12-07
case-error-status-note = Write what information you need. The resident reads this text.
case-error-handover-to = Choose a case officer in the same unit
case-error-handover-note = Write a handover note, so the new contact person knows what has happened

## Case officer: the work list

worklist-cases-title = Cases
worklist-cases-lead = Cases in your units. Those waiting for an answer from the resident come first, earliest date first.
worklist-cases-no-units = You do not work in any unit yet. Ask an administrator to add you.
worklist-cases-filter = Choose cases
worklist-cases-all-units = All my units
worklist-cases-all-open = All open
worklist-cases-show = Show
worklist-cases-none = No cases match.
worklist-cases-count = { $count ->
    [one] 1 case
   *[other] { $count } cases
}
worklist-cases-case = Case
worklist-cases-resident = Resident
worklist-cases-due = Answer by
worklist-cases-opened = Opened
worklist-cases-overdue = Date has passed
worklist-cases-unassigned = No contact person

## Case officer: the case

officer-case-resident-reads = The resident reads:
officer-case-correct-link = Correct the entry or see its history
officer-case-write-heading = Write a new entry
officer-case-entry-label = Entry
officer-case-entry-hint = Write so that the resident understands. The resident can read the entry at once if it is shown.
officer-case-entry-submit = Save the entry
case-sharing-legend = Should the resident be able to read the entry?
case-sharing-hint = The rule is that the resident may read everything. Not showing something is an exception you must justify.
case-sharing-shared = Yes, show it to the resident
case-sharing-withheld = No, do not show it
case-reason-label = Reason it is not shown
case-reason-hint = Only needed if the entry is not shown. For example, write which secrecy rule applies.
officer-case-notes-heading = The resident's own notes
officer-case-notes-none = The resident has not written any notes of their own.
officer-case-message-label = Message to the resident
officer-case-message-hint = The resident gets an e-mail saying there is a new message here. What you write is never sent by e-mail.
officer-case-status-heading = Change status
officer-case-new-status = New status
officer-case-due-label = Answer by
officer-case-due-hint = Needed when you need more information. Write as year-month-day, for example 2026-12-07.
officer-case-status-note-label = To the resident
officer-case-status-note-hint = Write what happens, or what information you need. The resident reads this text in the timeline.
officer-case-status-submit = Change status
officer-case-handover-heading = Hand over the case
officer-case-handover-none = There is no other case officer in the unit to hand over to.
officer-case-handover-to = New contact person
officer-case-handover-note-label = Handover note
officer-case-handover-note-hint = Write what the new contact person needs to know, so the resident does not have to start again.
officer-case-handover-submit = Hand over the case
officer-case-handovers-heading = Handovers
officer-case-close-heading = Close the case
officer-case-close-body = Once the case is closed, no one can send messages in it. Everything written is kept and the resident can still read it.
officer-case-close-note-label = To the resident (optional)
officer-case-close-note-hint = For example, where the resident can turn if they need support again.
officer-case-close-submit = Close the case

correct-title = Correct an entry
correct-history = Earlier versions
correct-form-heading = Write a correction
correct-form-lead = The correction is saved as a new version. The old version is kept and can be read, by the resident too if it was shown.
correct-submit = Save the correction

## The log

audit-action-case-viewed = Read your case
audit-action-cases-listed = Saw the list of cases
audit-action-journal-entry-written = Wrote an entry in your record
audit-action-journal-entry-corrected = Corrected an entry in your record
audit-action-case-addition-made = Added something to the record
audit-action-case-message-sent = Sent a message in the case
audit-action-case-status-changed = Changed the status of your case
audit-action-case-handed-over = Handed your case over to another contact person
audit-action-case-closed = Closed your case

## E-mail (plain text, no HTML). Never what the case is about.

mail-case-news-subject = There is something new in your case on Nära
mail-case-news-body =
    Hello,

    There is something new to read in your case with { -city }. To protect you, we do not say what it is about in e-mail. Log in to Nära to read it:

    { $link }

    Questions? Call the contact centre on { -contact-phone }.

    Kind regards
    Nära, { -city }

mail-case-officer-news-subject = Something new in a case on Nära
mail-case-officer-news-body =
    Hello,

    There is something new in a case where you are the contact person. Log in to Nära to read it:

    { $link }

    Kind regards
    Nära
worklist-pages = Pages of the work list
officer-case-withdrawn = The applicant withdrew the application on { $when }. Their reason:
case-contact-phone = Telephone
case-contact-phone-hours = Answers the telephone
case-contact-not-now = { $name } does not answer the telephone right now.
case-contact-call-instead = Do you need the social services before then? Call the social emergency service (socialjouren) on
case-contact-emergency = If someone is in danger: call 112.
