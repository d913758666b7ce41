# Meetings and events.
nav-calendar = Calendar
calendar-title = Calendar
calendar-lead = Meetings, groups and events that the city and associations invite you to. Everyone is welcome unless it says otherwise.
calendar-upcoming = Coming up
calendar-subscribe = Subscribe to the calendar in your own calendar app (iCalendar)
calendar-subscribe-series = Subscribe to all meetings in your own calendar app (iCalendar)
calendar-feed-name = Nära – calendar
events-none = There are no meetings coming up right now.
event-cancelled = Cancelled
event-cancelled-notice = This meeting is cancelled.
event-places-left = { $count ->
    [one] One place left
   *[other] { $count } places left
}
event-full-waitlist = Full – you can join the waiting list
event-audience = For whom
event-organiser = Organiser
event-venue = Place
event-accessibility = Accessibility
event-online = Take part online
event-price = Cost
event-free = Free
event-contact = Contact
event-theme = Theme:
event-theme-not-set = Theme not decided yet
event-add-to-calendar = Add to your calendar (iCalendar)
event-register-heading = Sign up
event-email-hint = We send a confirmation with a link where you can see or cancel your registration.
event-needs = Do you need anything to be able to take part? (optional)
event-needs-hint = For example a special diet, an interpreter or help with access. Only the organiser sees it, and we delete it after the meeting.
event-register-submit = Sign me up
event-error-needs = Write at most 1000 characters about what you need
event-error-closed = It is no longer possible to sign up for this meeting
registration-title = Your registration
registration-event = Meeting
registration-when = When
registration-keep-link = Keep the link to this page. Here you can see your registration and cancel it.
registration-cancel = Cancel my registration
event-status-confirmed = You are signed up. Welcome!
event-status-waitlisted = It is full right now, so you are on the waiting list. We e-mail you at once if you get a place.
event-status-cancelled = Your registration is cancelled.

mail-event-confirmed-subject = You are signed up: { $title }
mail-event-confirmed-body =
    Hello,

    You are signed up for { $title } on { $when }.

    Here you can see your registration or cancel it:
    { $link }

    Kind regards
    Nära, { -city }
mail-event-waitlisted-subject = You are on the waiting list: { $title }
mail-event-waitlisted-body =
    Hello,

    { $title } on { $when } was full, so you are on the waiting list. If someone cancels you get the place and we e-mail you at once.

    Here you can see your registration or cancel it:
    { $link }

    Kind regards
    Nära, { -city }
mail-event-promoted-subject = You have a place: { $title }
mail-event-promoted-body =
    Hello,

    A place became free and you are now signed up for { $title } on { $when }.

    If you cannot come, please cancel so that someone else can have the place:
    { $link }

    Kind regards
    Nära, { -city }

home-meet-heading = Meet others
home-meet-body = Support groups for relatives, the development group where residents, associations and the city shape support together, and open talks.
home-meet-link = See all meetings in the calendar

nav-organiser = Organiser
organiser-title = My meetings as organiser
organiser-lead = Meetings that your unit organises. Here you see who is coming and what they need.
organiser-none = Your unit does not organise any meetings right now.
organiser-attendees = Signed up
organiser-needs-note = Only the organiser sees what people wrote about their needs. It is deleted when someone cancels.
organiser-no-attendees = No one has signed up yet.
organiser-status = Status
organiser-needs = Needs
organiser-status-confirmed = Signed up
organiser-status-waitlisted = On the waiting list
organiser-status-cancelled = Cancelled
organiser-export = Download the list as CSV (opens in Excel)
organiser-theme-heading = Theme
organiser-theme-sv = Theme in Swedish
organiser-theme-en = Theme in English (optional)
organiser-theme-hint = Leave it empty to show “Theme not decided yet”.
organiser-theme-submit = Save theme
organiser-cancel-heading = Cancel the meeting
organiser-cancel-body = Everyone who signed up gets an e-mail saying the meeting is cancelled.
organiser-cancel-submit = Cancel the meeting
audit-action-attendees-viewed = Saw the list of people signed up for a meeting

mail-event-cancelled-subject = Cancelled: { $title }
mail-event-cancelled-body =
    Hello,

    Unfortunately { $title } on { $when } is cancelled. You do not need to do anything.

    Kind regards
    Nära, { -city }
calendar-atom = Follow coming meetings in a feed reader (Atom)

suggest-link = Suggest a theme
suggest-title = Suggest a theme
suggest-lead = What would you like us to talk about at a coming meeting? Everyone who plans the meetings reads every suggestion.
suggest-text = Your suggestion
suggest-name = Your name
suggest-optional = Optional.
suggest-email = Your email address
suggest-email-hint = Optional. Give it if you want to hear what happens to your suggestion.
suggest-submit = Send the suggestion
suggest-thanks = Thank you for your suggestion! We have received it.
suggest-error-text = Write your suggestion (at most 2000 characters)
suggest-organiser-link = Theme suggestions
suggest-organiser-title = Theme suggestions
suggest-none = No suggestions yet.
suggest-anonymous = No name given
suggest-status-new = New
suggest-status-accepted = Accepted
suggest-status-declined = Not accepted
suggest-accept-for = Accept for the meeting
suggest-accept = Accept
suggest-decline = Decline

mail-suggestion-accepted-subject = Your suggestion becomes a theme: { $title }
mail-suggestion-accepted-body =
    Hello,

    Thank you for your suggestion for { $title }: “{ $suggestion }”.

    It will be the theme of the meeting on { $when }. You are welcome to come!

    Kind regards
    Nära, { -city }
mail-suggestion-declined-subject = About your suggestion for { $title }
mail-suggestion-declined-body =
    Hello,

    Thank you for your suggestion for { $title }: “{ $suggestion }”.

    This time it did not become a theme of our meetings. Please send more suggestions – we read them all.

    Kind regards
    Nära, { -city }

mail-event-reminder-subject = Reminder: { $title } { $when }
mail-event-reminder-body =
    Hello,

    Welcome to { $title } on { $when }.

    If you cannot come, please cancel with the link in your confirmation e-mail so that someone else can have the place. All meetings are here:
    { $link }

    Kind regards
    Nära, { -city }
