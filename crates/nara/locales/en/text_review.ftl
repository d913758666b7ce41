# Plain language: the group reviews staff texts

nav-plain-review = Review texts
review-title = Text review
review-lead = Send a text to the plain-language group before it goes out. The group reads it and suggests changes. You answer and make a new version. Here you see how the text becomes easier to read.
review-new-title = Send a text
review-new-lead = Paste the text or choose a file. The text must not contain personal identity numbers, phone numbers or e-mail addresses.
review-mine-heading = Your texts
review-mine-none = You have not sent any text yet.
review-to-review-heading = Texts to review
review-to-review-none = There is no text to review right now.
review-unfinished-heading = Every text not yet approved
review-unfinished-none = Every text is approved.

review-field-title = Title
review-field-audience = Who the text is for
review-field-audience-hint = For example: parents looking for a preschool place, or everyone living in the city.
review-field-channel = Where the text will be
review-field-deadline = Done by
review-field-deadline-hint = Write the date like this: 2027-01-31.
review-field-text = The text
review-field-text-hint = Paste the text here. If you choose a file, the file is used.
review-field-file = Or choose a file
review-field-file-hint = A .docx, .odt or .txt of at most 5 MB. Files with macros or passwords cannot be used.
review-submit = Send to the group

review-channel-web = The web
review-channel-brochure = Brochure
review-channel-letter-template = Letter template
review-channel-form = Form

review-state = State
review-state-submitted = Waiting for a reviewer
review-state-in-review = In review
review-state-returned = Back with the author
review-state-approved = Approved
review-author = Written by
review-reviewer = Reviewer
review-reviewer-none = None yet
review-versions = Versions

review-take = Take this text
review-figures-heading = Figures for each version
review-figures-lead = The figures come from the plain-language checker. A lower LIX means the text is easier to read.
review-figure = Measure
review-figure-lix = LIX
review-figure-lix-band = How hard the text is
review-figure-ovix = OVIX, word variation
review-figure-nominal = Nominal quotient
review-figure-sentence-words = Words per sentence
review-figure-long-words = Long words
review-figure-bureaucratic = Bureaucratic words
review-figure-passives = Passive forms
review-version-name = Version { $number }
review-version-latest = the latest
review-versions-heading = Versions

review-comments-heading = Comments
review-comments-none = No comments yet.
review-rewrite-label = Suggestion
review-answer-by = Answer from { $name }
review-answer-label = Your answer
review-answer-send = Answer

review-comment-heading = Comment
review-passage-label = The passage you mean
review-passage-hint = Copy the words from the latest version.
review-comment-label = Your comment
review-rewrite-hint = Write how it could read instead. You may leave this empty.
review-comment-send = Save the comment
review-decision-heading = Is the text ready?
review-approve = Approve the text
review-return = Send back to the author

review-new-version-heading = Make a new version
review-new-version-label = New version of the text
review-new-version-hint = Change the text after the comments. The old version is kept.
review-new-version-send = Save the new version

review-assign-heading = Give the text to a reviewer
review-assign-label = Reviewer
review-assign-send = Give the text to the reviewer

review-notice-submitted = The text has been sent to the group.
review-notice-version = The new version is saved.
review-notice-answered = Your answer is saved.
review-notice-taken = You have taken the text.
review-notice-assigned = The text has a reviewer.
review-notice-commented = The comment is saved.
review-notice-approved = The text is approved.
review-notice-returned = The text is back with its author.

review-error-title = Write a title
review-error-title-long = Write a shorter title (at most 150 characters)
review-error-audience = Write who the text is for
review-error-audience-long = Write less (at most 200 characters)
review-error-channel = Choose where the text will be
review-error-deadline = Write a date that has not passed, like 2027-01-31
review-error-text = Paste the text or choose a file
review-error-text-long = The text is too long. Split it into several parts.
review-error-personal-pnr = The text contains a personal identity number. Remove it and send again.
review-error-personal-phone = The text contains a phone number. Remove it and send again.
review-error-personal-email = The text contains an e-mail address. Remove it and send again.
review-error-approved = The text is already approved. It cannot be changed.
review-error-answer = Write an answer
review-error-answer-long = Write a shorter answer (at most 4000 characters)
review-error-passage = Write which passage you mean
review-error-passage-long = Choose a shorter passage (at most 1000 characters)
review-error-passage-not-found = The passage is not in the latest version. Copy the words from the text.
review-error-comment = Write a comment
review-error-comment-long = Write a shorter comment (at most 4000 characters)
review-error-rewrite-long = Write a shorter suggestion (at most 4000 characters)
review-error-not-in-review = The text is not in review right now.
review-error-reviewer = Choose a reviewer
review-error-changed-meanwhile = Someone else changed the text just now. See how it is now.

audit-action-text-submitted = Sent a text to the plain-language group
audit-action-text-version-added = Made a new version of a text
audit-action-text-answered = Answered a comment on a text
audit-action-text-taken = Took a text to review
audit-action-text-assigned = Gave a text to a reviewer
audit-action-text-commented = Commented on a text
audit-action-text-approved = Approved a text
audit-action-text-returned = Returned a text
