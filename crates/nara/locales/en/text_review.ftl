# Plain language: the group reviews staff texts

nav-plain-review = Review texts
plain-review-title = Text review
plain-review-lead = Send a text to the plain-language group before it goes out. The group reads it and suggests changes. You answer and make a new version. Here you see how the text becomes easier to read.
plain-review-new-title = Send a text
plain-review-new-lead = Paste the text or choose a file. The text must not contain personal identity numbers, phone numbers or e-mail addresses.
plain-review-mine-heading = Your texts
plain-review-mine-none = You have not sent any text yet.
plain-review-to-review-heading = Texts to review
plain-review-to-review-none = There is no text to review right now.
plain-review-unfinished-heading = Every text not yet approved
plain-review-unfinished-none = Every text is approved.

plain-review-field-title = Title
plain-review-field-audience = Who the text is for
plain-review-field-audience-hint = For example: parents looking for a preschool place, or everyone living in the city.
plain-review-field-channel = Where the text will be
plain-review-field-deadline = Done by
plain-review-field-deadline-hint = Write the date like this: 2027-01-31.
plain-review-field-text = The text
plain-review-field-text-hint = Paste the text here. If you choose a file, the file is used.
plain-review-field-file = Or choose a file
plain-review-field-file-hint = A .docx, .odt or .txt of at most 5 MB. Files with macros or passwords cannot be used.
plain-review-submit = Send to the group

plain-review-channel-web = The web
plain-review-channel-brochure = Brochure
plain-review-channel-letter-template = Letter template
plain-review-channel-form = Form

plain-review-state = State
plain-review-state-submitted = Waiting for a reviewer
plain-review-state-in-review = In review
plain-review-state-returned = Back with the author
plain-review-state-approved = Approved
plain-review-author = Written by
plain-review-reviewer = Reviewer
plain-review-reviewer-none = None yet
plain-review-versions = Versions

plain-review-take = Take this text
plain-review-figures-heading = Figures for each version
plain-review-figures-lead = The figures come from the plain-language checker. A lower LIX means the text is easier to read.
plain-review-figure = Measure
plain-review-figure-lix = LIX
plain-review-figure-lix-band = How hard the text is
plain-review-figure-ovix = OVIX, word variation
plain-review-figure-nominal = Nominal quotient
plain-review-figure-sentence-words = Words per sentence
plain-review-figure-long-words = Long words
plain-review-figure-bureaucratic = Bureaucratic words
plain-review-figure-passives = Passive forms
plain-review-version-name = Version { $number }
plain-review-version-latest = the latest
plain-review-versions-heading = Versions

plain-review-comments-heading = Comments
plain-review-comments-none = No comments yet.
plain-review-rewrite-label = Suggestion
plain-review-answer-by = Answer from { $name }
plain-review-answer-label = Your answer
plain-review-answer-send = Answer

plain-review-comment-heading = Comment
plain-review-passage-label = The passage you mean
plain-review-passage-hint = Copy the words from the latest version.
plain-review-comment-label = Your comment
plain-review-rewrite-hint = Write how it could read instead. You may leave this empty.
plain-review-comment-send = Save the comment
plain-review-decision-heading = Is the text ready?
plain-review-approve = Approve the text
plain-review-return = Send back to the author

plain-review-new-version-heading = Make a new version
plain-review-new-version-label = New version of the text
plain-review-new-version-hint = Change the text after the comments. The old version is kept.
plain-review-new-version-send = Save the new version

plain-review-assign-heading = Give the text to a reviewer
plain-review-assign-label = Reviewer
plain-review-assign-send = Give the text to the reviewer

plain-review-notice-submitted = The text has been sent to the group.
plain-review-notice-version = The new version is saved.
plain-review-notice-answered = Your answer is saved.
plain-review-notice-taken = You have taken the text.
plain-review-notice-assigned = The text has a reviewer.
plain-review-notice-commented = The comment is saved.
plain-review-notice-approved = The text is approved.
plain-review-notice-returned = The text is back with its author.

plain-review-error-title = Write a title
plain-review-error-title-long = Write a shorter title (at most 150 characters)
plain-review-error-audience = Write who the text is for
plain-review-error-audience-long = Write less (at most 200 characters)
plain-review-error-channel = Choose where the text will be
plain-review-error-deadline = Write a date that has not passed, like 2027-01-31
plain-review-error-text = Paste the text or choose a file
plain-review-error-text-long = The text is too long. Split it into several parts.
plain-review-error-personal-pnr = The text contains a personal identity number. Remove it and send again.
plain-review-error-personal-phone = The text contains a phone number. Remove it and send again.
plain-review-error-personal-email = The text contains an e-mail address. Remove it and send again.
plain-review-error-personal-field = The field contains a personal identity number, a phone number or an e-mail address. Remove it and send again.
plain-review-error-approved = The text is already approved. It cannot be changed.
plain-review-error-answer = Write an answer
plain-review-error-answer-long = Write a shorter answer (at most 4000 characters)
plain-review-error-passage = Write which passage you mean
plain-review-error-passage-long = Choose a shorter passage (at most 1000 characters)
plain-review-error-passage-not-found = The passage is not in the latest version. Copy the words from the text.
plain-review-error-comment = Write a comment
plain-review-error-comment-long = Write a shorter comment (at most 4000 characters)
plain-review-error-rewrite-long = Write a shorter suggestion (at most 4000 characters)
plain-review-error-not-in-review = The text is not in review right now.
plain-review-error-reviewer = Choose a reviewer
plain-review-error-changed-meanwhile = Someone else changed the text just now. See how it is now.

audit-action-text-submitted = Sent a text to the plain-language group
audit-action-text-version-added = Made a new version of a text
audit-action-text-answered = Answered a comment on a text
audit-action-text-taken = Took a text to review
audit-action-text-assigned = Gave a text to a reviewer
audit-action-text-commented = Commented on a text
audit-action-text-approved = Approved a text
audit-action-text-returned = Returned a text
