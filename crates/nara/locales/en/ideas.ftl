## Ideas: campaigns, proposals, the council, the vote, tests and lessons.

nav-ideas = Ideas
ideas-title = Ideas for social services
ideas-lead = The city collects proposals here for making support better. A council with user developers chooses proposals, everyone may vote, and the chosen proposals are tested for a week. Everything that happens to each proposal is shown here.
ideas-none = There are no campaigns yet.
ideas-manage-link = Run campaigns

idea-dates-proposals = Proposals are taken
idea-dates-council = Council meeting
idea-dates-vote = Vote
idea-dates-test-week = Test week starts
idea-who-heading = Who may propose and vote
idea-who-staff = staff
idea-who-residents = residents
idea-who-associations = associations
idea-cap-heading = The most money a proposal may ask for
idea-kronor = SEK { $sum }
idea-calendar-link = The dates are in the calendar too
idea-feed-link = Follow the campaign in a feed reader (Atom)
idea-take-part-heading = Take part
idea-propose-link = Write a proposal
idea-vote-link = Vote
idea-vote-done = You have voted. Thank you! How you voted is not kept with your name.
idea-council-link = The council's page
idea-take-part-later = You cannot propose or vote right now. See the dates above.
idea-mine-heading = Your proposals and drafts
idea-results-heading = Results of the vote
idea-results-voters = { $count ->
    [one] One person voted.
   *[other] { $count } people voted.
}
idea-votes = { $count ->
    [one] 1 vote
   *[other] { $count } votes
}
idea-proposals-heading = The proposals
idea-proposals-none = No proposals yet.
idea-category-explore = Explore
idea-category-test = Test
idea-category-scale-up = Scale up
idea-status-draft = Draft
idea-status-submitted = Sent to the council
idea-status-shortlisted = In the vote
idea-status-declined = Not in the vote

idea-signup-heading = Sign-up for staff
idea-signup-lead = Would you like to work on the ideas in the test week? Sign up with the hours your manager has approved.
idea-signup-count = { $count ->
    [one] One member of staff has signed up.
   *[other] { $count } members of staff have signed up.
}
idea-signup-done = You have signed up.
idea-signup-hours = Hours your manager has approved
idea-signup-hours-hint = A whole number, for example 16.
idea-signup-manager = Your manager's name
idea-signup-submit = Sign me up
idea-signup-none = Nobody has signed up yet.
idea-signup-hours-line = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}

idea-form-title = Write a proposal
idea-form-edit-title = Change your draft
idea-form-lead = Earlier proposals were often too thin, so the group that tested them spent its time learning the background. That is why we ask for the problem, what the people who live with it say and what can be tested in one week.
idea-form-draft-hint = You can save a draft and go on later. Only you and your co-authors see a draft.
idea-category-legend = What kind of proposal is it?
idea-category-hint = Explore: learn more about how people experience something. Test: try a specific idea. Scale up: spread a way of working that works.
idea-title-label = Title
idea-title-hint = { $min ->
    [one] At least one character.
   *[other] At least { $min } characters. Say briefly what it is about.
}
idea-problem-label = What is the problem?
idea-problem-hint = { $min ->
    [one] At least one character.
   *[other] Describe what does not work today, at least { $min } characters.
}
idea-whose-label = Whose problem is it?
idea-whose-hint = { $min ->
    [one] At least one character.
   *[other] Who notices the problem, at least { $min } characters.
}
idea-voices-label = What do the people who live with it say?
idea-voices-hint = { $min ->
    [one] At least one character.
   *[other] What have you heard them say, at least { $min } characters. No names or personal details.
}
idea-heard-link-label = Link to what you heard (optional)
idea-heard-link-hint = For example a meeting in the calendar (/kalender/…) or an interview (https://…).
idea-heard-link-text = What we heard
idea-try-label = What would you try for one week?
idea-try-hint = { $min ->
    [one] At least one character.
   *[other] Something concrete that can be done in a week, at least { $min } characters.
}
idea-signs-label = What would show that it works?
idea-signs-hint = { $min ->
    [one] At least one character.
   *[other] What would be different after the test, at least { $min } characters.
}
idea-needs-heading = What it needs
idea-people-label = Which people are needed?
idea-people-hint = { $min ->
    [one] At least one character.
   *[other] For example two case officers and a user developer, at least { $min } characters.
}
idea-money-label = How much money is needed? (optional)
idea-money-hint = Whole kronor, for example 1 500.
idea-money-cap-hint = Whole kronor, at most SEK { $sum }.
idea-form-send = Send to the council
idea-form-save = Save draft

idea-error-category = Choose what kind of proposal it is
idea-error-title-missing = Write a title
idea-error-title-short = The title is too short: say what the proposal is about
idea-error-title-long = The text is too long: at most 160 characters
idea-error-problem-missing = Describe the problem
idea-error-problem-short = The description of the problem is too short
idea-error-whose-missing = Write whose problem it is
idea-error-whose-short = Write a little more about whose problem it is
idea-error-voices-missing = Write what the people who live with it say
idea-error-voices-short = Write more about what the people who live with it say
idea-error-try-missing = Write what you would try for one week
idea-error-try-short = Write more about what you would try for one week
idea-error-signs-missing = Write what would show that it works
idea-error-signs-short = Write more about what would show that it works
idea-error-people-missing = Write which people are needed
idea-error-people-short = Write a little more about which people are needed
idea-error-text-long = The text is too long: at most 4,000 characters
idea-error-link = The link must start with / or https:// and have no spaces
idea-error-money = Write the sum in whole kronor, for example 1 500
idea-error-money-cap = The sum is more than the campaign allows
idea-error-comment = Write your question or comment
idea-error-coauthor = There is no account with that e-mail address, or the person is already an author
idea-error-hours = Write the hours as a whole number from 1 to 200
idea-error-manager = Write your manager's name
idea-error-decision = Choose whether the proposal goes to the vote
idea-error-reason = Write a reason of at least 20 characters: the proposer will read it
idea-error-council-closed = The council cannot change its decisions once the vote has begun
idea-error-date = Write the date as YYYY-MM-DD
idea-error-order = The dates must come in order: proposals, council meeting, vote and last the test week
idea-error-who = Choose who may propose
idea-error-votes = Write the votes per person, from 1 to 10
idea-error-campaign-title = Write the campaign's name
idea-error-campaign-summary = Describe the campaign
idea-error-member = There is no active account with that e-mail address
idea-error-not-chosen = A test can start only after the vote has closed, for a proposal that was in it
idea-error-coach = Write the coach's name
idea-error-co-organiser = Write the name of the co-organiser from the administration
idea-error-goal = Write a concrete delivery goal
idea-error-budget = Write the budget in whole kronor, more than 0
idea-error-presentation = Choose the day and time of the final presentation
idea-error-log = Write what you did today
idea-error-spend-what = Write what the money was spent on
idea-error-over-budget = The sum is more than what is left of the budget
idea-error-test-closed = The test is closed
idea-error-happened = Write what happened, at least 20 characters
idea-error-surprised = Write what surprised you, at least 20 characters
idea-error-next-step = Choose what happens next
idea-error-next-owner = Write who is responsible for what happens next

idea-notice-saved = Your draft is saved. We have sent you an e-mail about it.
idea-notice-sent = Your proposal is sent to the council. You will get an e-mail at every step.
idea-notice-commented = Thank you! Your text is now on the page.
idea-notice-following = You follow the proposal and will get an e-mail when something happens.
idea-notice-coauthor = The co-author is added and has been sent an e-mail.
idea-notice-decided = The council's decision and reason are saved and the proposer has been told.
idea-notice-test-started = The test has started and its final presentation is in the calendar.
idea-notice-joined = You are in the group.
idea-notice-logged = Today's log is saved.
idea-notice-spent = The spending is saved.
idea-notice-closed = The test is closed with its lessons.
idea-notice-signed-up = You have signed up.
idea-notice-voted = Your vote is counted.
idea-notice-campaign = The campaign is created and its dates are in the calendar.
idea-notice-council = The person is on the council.

idea-authors-you = Written by:
idea-authors-count = { $count ->
    [one] Written by one person.
   *[other] Written by { $count } people.
}
idea-draft-lead = This is a draft. Only you and your co-authors see it.
idea-edit-link = Change or send the draft
idea-path-heading = The proposal's path
idea-path-draft = Not sent yet.
idea-path-sent = Sent to the council on { $when }.
idea-path-council-waiting = The council goes through the proposals on { $date }.
idea-path-reason = The council's reason:
idea-path-vote = The vote closes on { $date }.
idea-path-test-week = The test week starts on { $date }.
idea-path-tested = The proposal is being tested. See below.
idea-test-heading = The test
idea-test-goal = Delivery goal
idea-test-goal-hint = What the group will have delivered at the end of the week.
idea-test-coach = Coach
idea-test-co-organiser = Co-organiser from the administration
idea-test-co-organiser-hint = A named person from the administration who runs the test with the group.
idea-test-group = The group
idea-test-group-empty = Nobody has joined yet.
idea-test-group-count = { $count ->
    [one] One person has joined.
   *[other] { $count } people have joined.
}
idea-test-presentation = Final presentation
idea-test-presentation-link = See the final presentation in the calendar
idea-test-join = Join the group
idea-test-budget = Budget
idea-test-spent = spent SEK { $sum }
idea-test-left = left SEK { $sum }
idea-test-log = Log per day
idea-test-log-empty = Nothing written yet.
idea-lessons-heading = Lessons
idea-lessons-happened = What happened?
idea-lessons-surprised = What surprised you?
idea-lessons-next = What happens next?
idea-lessons-owner = Who is responsible for what happens next?
idea-lessons-owner-hint = A named person or unit.
idea-lessons-closed = Closed
idea-lessons-waiting = The test is not closed yet.
idea-next-stop = We stop
idea-next-test-again = We test again
idea-next-scale-up = We scale up
idea-next-hand-over = We hand over to a unit
idea-log-form-heading = Write today's log
idea-log-day = Day
idea-log-body = What did you do?
idea-log-submit = Save the log
idea-spend-form-heading = Record spending
idea-spend-what = What was the money spent on?
idea-spend-amount = Sum
idea-spend-day = Date
idea-spend-submit = Save the spending
idea-close-form-heading = Close the test
idea-close-lead = A test is closed with its lessons and a named owner for what happens next.
idea-close-submit = Close the test
idea-start-test-heading = Start a test
idea-start-test-submit = Start the test
idea-comments-heading = Questions and comments
idea-comments-none = No questions or comments yet.
idea-comment-kind = What would you like to write?
idea-comment-question = Question
idea-comment-comment = Comment
idea-comment-label = Your text
idea-comment-hint = Your name is shown with the text. Write nothing personal about others.
idea-comment-submit = Send
idea-follow = Follow the proposal by e-mail
idea-following = You follow the proposal.
idea-log-in-to-comment = Log in to ask a question or follow the proposal
idea-coauthor-heading = Invite a co-author
idea-coauthor-label = The co-author's e-mail address
idea-coauthor-hint = The person needs an account in Nära.
idea-coauthor-submit = Invite

idea-council-title = The council
idea-council-lead = The council chooses which proposals go to the vote. Write a reason for every decision: the proposer will read it.
idea-council-members = The council's members:
idea-council-decision = Decision
idea-council-in = In the vote
idea-council-out = Not in the vote
idea-council-reason = Reason
idea-council-reason-hint = At least 20 characters. The reason is shown on the proposal's page.
idea-council-submit = Save the decision
idea-council-empty = Nobody is on the council yet.
idea-council-add-label = Add to the council (e-mail address)
idea-council-add-hint = User developers and staff with an account in Nära.
idea-council-add-submit = Add

idea-vote-title = Vote
idea-vote-secret = The vote is secret: we keep that you voted, not what you voted for.
idea-vote-legend = Which proposals should be tested?
idea-vote-hint = { $count ->
    [one] Choose one proposal.
   *[other] Choose up to { $count } proposals.
}
idea-vote-submit = Cast my vote
idea-vote-read = Read the proposal: { $title }
idea-vote-error-empty = Choose a proposal
idea-vote-error-too-many = You chose more proposals than you have votes
idea-vote-error-unknown = Choose only from the proposals in the list
idea-vote-error-voted = You have already voted
idea-vote-error-closed = The vote is not open.

idea-manage-title = Run idea campaigns
idea-manage-lead = Create a campaign and choose who sits on its council. The dates of the council meeting, the vote and the test week go into the calendar.
idea-campaign-new = New campaign
idea-campaign-title = The campaign's name
idea-campaign-summary = Short description
idea-campaign-opens = Proposals are taken from
idea-campaign-closes = Proposals are taken until
idea-campaign-vote-opens = The vote opens
idea-campaign-vote-closes = The vote closes (last day)
idea-campaign-votes = Votes per person
idea-campaign-submit = Create the campaign

idea-calendar-audience = Everyone who wants to
idea-calendar-council = Ideas: council meeting – { $title }
idea-calendar-council-summary = The council of user developers and staff chooses proposals for the vote in { $title }.
idea-calendar-vote = Ideas: the vote opens – { $title }
idea-calendar-vote-summary = You can now vote for the proposals in { $title }.
idea-calendar-test-week = Ideas: the test week starts – { $title }
idea-calendar-test-week-summary = The chosen proposals in { $title } are tested for a week.
idea-calendar-presentation = Final presentation: { $title }
idea-calendar-presentation-summary = The group that tested { $title } tells what they did and learned. Everyone is welcome.

mail-idea-saved-subject = Your draft is saved: { $title }
mail-idea-saved-body =
    Hello,

    Your draft "{ $title }" is saved. Only you and your co-authors see it. Send it to the council when you are ready:
    { $link }
mail-idea-sent-subject = Your proposal is sent: { $title }
mail-idea-sent-body =
    Hello,

    Your proposal "{ $title }" is sent to the council. You will get an e-mail when the council has decided, and at every step after that.
    { $link }
mail-idea-coauthor-subject = You are a co-author: { $title }
mail-idea-coauthor-body =
    Hello,

    You have been invited as a co-author of the proposal "{ $title }". You can read and change it here:
    { $link }
mail-idea-comment-subject = A new question or comment: { $title }
mail-idea-comment-body =
    Hello,

    Someone wrote about your proposal "{ $title }":

    { $reason }

    Answer on the proposal's page:
    { $link }
mail-idea-shortlisted-subject = Your proposal is in the vote: { $title }
mail-idea-shortlisted-body =
    Hello,

    The council has chosen to put "{ $title }" to the vote. The council's reason:

    { $reason }

    { $link }
mail-idea-declined-subject = The council's decision on your proposal: { $title }
mail-idea-declined-body =
    Hello,

    The council has chosen not to put "{ $title }" to the vote. The council's reason:

    { $reason }

    Thank you for your proposal. It stays on its page:
    { $link }
mail-idea-test-started-subject = The proposal is being tested: { $title }
mail-idea-test-started-body =
    Hello,

    "{ $title }" will be tested. Its coach, goal, budget and final presentation are here:
    { $link }
mail-idea-test-closed-subject = The test is closed: { $title }
mail-idea-test-closed-body =
    Hello,

    The test of "{ $title }" is closed. Its lessons and what happens next are here:
    { $link }

audit-action-idea-campaign-created = Created an idea campaign
audit-action-idea-signed-up = Signed up for idea work
audit-action-idea-council-member-added = Added you to an idea campaign's council
audit-action-idea-proposal-saved = Saved an idea proposal
audit-action-idea-proposal-sent = Sent an idea proposal
audit-action-idea-coauthor-added = Added you as a co-author of an idea proposal
audit-action-idea-commented = Wrote a question or comment on an idea proposal
audit-action-idea-followed = Followed an idea proposal
audit-action-idea-decided = Decided on an idea proposal in the council
audit-action-idea-voted = Voted in an idea campaign
audit-action-idea-test-started = Started a test of an idea proposal
audit-action-idea-test-changed = Changed a test of an idea proposal
audit-action-idea-test-closed = Closed a test of an idea proposal
