# Surveys: was the support of use?

survey-lead = Your answers help us do better. You are anonymous: the answers are kept without your name, your case or the time. You may skip questions.
survey-lead-easy = Vi vill veta vad du tycker. Vi vet inte vem som svarar. Du behöver inte svara på alla frågor.
survey-wording-easy = Läs frågorna på lättläst svenska (easy-to-read Swedish)
survey-wording-usual = Read the questions in English
survey-optional = (optional)
survey-free-text-hint = Do not write names, personal identity numbers or phone numbers. They are removed before the answer is kept.
survey-yes = Yes
survey-no = No
survey-dont-know = Don't know
survey-submit = Send the answers
survey-answer-error-choice = Choose one of the answers given.
survey-answer-error-too-long = The text is too long (at most 4,000 characters).
survey-opt-out-heading = Don't want any more questions?
survey-opt-out-body = Then we will never ask you again, about support you have had or about a meeting.
survey-opt-out = Don't ask me again
survey-to-start = To the start page

survey-thanks-title = Thank you for your answers
survey-thanks-body = The answers are kept without your name. They help us make the support better.
survey-opted-out-title = We will not ask you again
survey-opted-out-body = You will get no more questions from us about what you thought.
survey-unknown-title = The link does not work
survey-unknown-body = We find no survey with this link. Check that the whole link came along from the e-mail, or open the survey from My pages.
survey-used-title = You have already answered
survey-used-body = The survey has already been answered, and it can be answered once only. Thank you for your answers.

survey-my-pages-heading = Tell us what you thought
survey-my-pages-body = Was the support of use? You answer anonymously, and it takes a few minutes.
survey-my-pages-none = You have no surveys to answer just now.
survey-my-pages-answer = Answer the survey
survey-my-pages-opted-out = You asked us not to ask you. You get no surveys.
survey-notice-opted-out = We will not ask you again.

survey-interview-heading = Goals and usefulness
survey-interview-link = Do an interview
survey-interview-title = Interview: was the support of use?
survey-interview-back = Back to the case
survey-interview-body = Ask the resident the questions and enter their answers. The answers are kept anonymously, without the case, and count as an interview.
survey-interview-answered = The resident has already answered the survey about this case.
survey-interview-submit = Save the interview
survey-consent-label = The resident has agreed to the interview
survey-error-consent = Tick that the resident has agreed to the interview.
survey-notice-interview = The interview is saved, anonymously.

survey-builder-title = Surveys
survey-builder-lead = The questions of the city's surveys. A published version never changes: changes are made in a draft that becomes the next version.
survey-builder-col-key = Key
survey-builder-col-version = Published version
survey-builder-has-draft = Draft in progress
survey-builder-key = Key
survey-builder-published = Version { $version } is published.
survey-draft-heading = Draft of version { $version }
survey-no-draft-heading = No draft
survey-no-draft-body = Create a draft to change the questions. It starts as a copy of the published version.
survey-create-draft = Create a draft
survey-draft-empty = The draft has no questions yet.
survey-text-missing = Swedish text missing
survey-question-edit = Change question
survey-question-up = Move up question
survey-question-down = Move down question
survey-question-remove = Remove question
survey-question-add-heading = Add a question
survey-question-add = Add the question
survey-question-title = Change the question
survey-question-save = Save the question
survey-publish-heading = Publish
survey-publish-body = The whole draft is checked first. New answers are then given to the new version; earlier answers keep theirs.
survey-publish = Publish the draft
survey-publish-problems = The draft cannot be published yet
survey-published-heading = Published version
survey-notice-published = The new version is published.
survey-notice-draft = The draft is created.
survey-notice-saved = The draft is saved.
survey-field-kind = Kind of question
survey-field-text-sv = The question in Swedish
survey-field-text-en = The question in English
survey-field-text-easy = The question in easy-to-read Swedish
survey-field-text-easy-hint = Short words and short sentences. Shown to those who choose easy-to-read Swedish.
survey-field-options = Answers
survey-field-options-hint = One answer a line: Swedish | English | easy-to-read. A scale has five lines (1 to 5). Yes/no and free text have none.
survey-kind-scale = Scale 1–5
survey-kind-yes-no = Yes / no / don't know
survey-kind-choice = One choice
survey-kind-multiple-choice = Several choices
survey-kind-free-text = Free text
survey-error-kind = Choose the kind of question.
survey-error-text-too-long = The text is too long (at most 300 characters).
survey-error-option-line = An answer has at most three parts (Swedish | English | easy-to-read) of at most 300 characters each.
survey-error-too-many-options = A question can have at most 20 answers.
survey-error-no-questions = The survey needs at least one question.
survey-error-too-many-questions = The survey has too many questions (at most 30).
survey-error-scale-labels = Question { $detail } is a scale and needs five steps, each with a text in Swedish, English and easy-to-read Swedish.
survey-error-choices = Question { $detail } needs 2–20 answers, each with a text in Swedish, English and easy-to-read Swedish.

mail-survey-invitation-subject = Tell us what you thought
mail-survey-invitation-body =
    Hello,

    We would like to know whether the support you received was of use. It takes a few minutes, and you answer anonymously:

    { $link }

    The link is for you only. If you do not want any more questions, you can say so on the page.
mail-survey-reminder-subject = Reminder: tell us what you thought
mail-survey-reminder-body =
    Hello,

    A while ago we asked what you thought of the support you received. If you would like to answer, the survey is here:

    { $link }

    This is the only reminder.

audit-action-survey-invitation-sent = Invited you to answer a survey
audit-action-survey-reminder-sent = Reminded you of a survey
audit-action-survey-invitation-used = Your survey invitation was used (the answer was kept with no link to you)
audit-action-survey-opted-out = You asked us not to ask you again
audit-action-survey-interview-recorded = Saved an interview (anonymously)
audit-action-survey-published = Published a survey
