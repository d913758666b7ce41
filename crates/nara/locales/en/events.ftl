# Meetings and events.
nav-calendar = Calendar
calendar-title = Calendar
calendar-lead = Meetings, groups and events that the city and associations invite you to. Everyone is welcome unless it says otherwise.
calendar-upcoming = Coming up
calendar-pages = Pages of coming meetings
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

mail-event-place = Place: { $place }
mail-event-online = Take part online: { $url }
mail-event-confirmed-subject = You are signed up: { $title }
mail-event-confirmed-body =
    Hello,

    You are signed up for { $title } on { $when }.
    { $where }

    Here you can see your registration or cancel it:
    { $link }

    Kind regards
    Nära, { -city }
mail-event-waitlisted-subject = You are on the waiting list: { $title }
mail-event-waitlisted-body =
    Hello,

    { $title } on { $when } was full, so you are on the waiting list. If someone cancels you get the place and we e-mail you at once.
    { $where }

    Here you can see your registration or cancel it:
    { $link }

    Kind regards
    Nära, { -city }
mail-event-promoted-subject = You have a place: { $title }
mail-event-promoted-body =
    Hello,

    A place became free and you are now signed up for { $title } on { $when }.
    { $where }

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

## The calendar's views and filters
calendar-filters = Show only
calendar-filter-all = All
calendar-filter-area = Area
calendar-filter-submit = Show
calendar-filter-clear = Show everything again
calendar-views = Show as
calendar-view-list = List
calendar-view-month = Month
calendar-months = Other months
calendar-month-empty = No meetings this month.

## A meeting's agenda, notes and documents
event-agenda = Agenda
event-notes = Notes from the meeting
event-documents = Documents
event-scope = Which meetings do you want to sign up for?
event-scope-one = Only this meeting
event-scope-all = { $count ->
    [one] This one and the next meeting
   *[other] All { $count } meetings from this one on
}
registration-group-heading = Your meetings
registration-cancel-all = Cancel all coming meetings

mail-event-series-subject = You are signed up: { $title }
mail-event-series-body =
    Hello,

    You signed up for these meetings of { $title }:
    { $when }

    { $where }

    Where it is full you are on the waiting list, and we will e-mail you as soon as you get a place.
    Here you can see your meetings and cancel one or all of them:
    { $link }

    Kind regards
    Nära, { -city }

mail-event-moved-subject = New time: { $title }
mail-event-moved-body =
    Hello,

    { $title } has a new time. The meeting that was to be on { $before } is now on { $when }–{ $until }.
    Your registration is for the new time. If you cannot come then, please cancel with the link in your first e-mail.

    Kind regards
    Nära, { -city }

## The organiser's page of a meeting
organiser-public-page = See the page as visitors see it
organiser-attended = Attended
organiser-attended-yes = Came
organiser-attended-submit = Save attendance
organiser-agenda-heading = Agenda
organiser-agenda-sv = Agenda in Swedish
organiser-agenda-en = Agenda in English (optional)
organiser-agenda-hint = One item per line.
organiser-agenda-submit = Save agenda
organiser-notes-heading = Notes
organiser-notes-label = Notes from the meeting
organiser-notes-hint = Shown on the meeting's page. You can use Markdown: ## Heading, **bold**, - bullet list and [link text](https://…).
organiser-notes-submit = Publish notes
organiser-notes-error-long = Notes can be at most 20,000 characters
organiser-theme-error-long = The theme can be at most 200 characters
organiser-agenda-error-long = The agenda can be at most 4,000 characters
organiser-documents-heading = Documents
organiser-documents-none = No documents yet.
organiser-document-title = Name of the document
organiser-document-title-hint = For example “Notes 16 March”. Leave it empty to use the file's name.
organiser-document-file = Choose a PDF file
organiser-document-file-hint = PDF only, at most { $kb } kB. Everyone sees the document on the meeting's page.
organiser-document-submit = Upload
document-error-missing = Choose a PDF file to upload
document-error-not-pdf = The file is not a PDF. Save it as PDF and try again
document-error-too-large = The file is too large. It can be at most 1,500 kB
document-error-title = Write a name of at most 200 characters
organiser-move-heading = Move the meeting
organiser-move-body = Everyone who signed up gets an e-mail with the new time. Subscribed calendars update.
organiser-move-date = New date
organiser-move-date-hint = For example 2027-03-15
organiser-move-start = Starts (hh:mm)
organiser-move-end = Ends (hh:mm)
organiser-move-submit = Move the meeting
organiser-move-error-date = Write a date like 2027-03-15
organiser-move-error-time = Write a time like 13:30
organiser-move-error-order = The meeting must end after it starts
organiser-move-error-past = Choose a time that has not passed
organiser-move-error-cancelled = The meeting is cancelled and cannot be moved
audit-action-attendance-marked = Noted who came to a meeting

## My calendar feed
my-calendar-title = My calendar
my-calendar-lead = Get the meetings you signed up for straight into the calendar on your phone or computer.
my-calendar-link = Subscribe to your meetings
my-calendar-none = You have no calendar link yet.
my-calendar-active = You have had a calendar link since { $since }. For your safety it is only shown when it is made.
my-calendar-create = Make a calendar link
my-calendar-renew = Make a new link (the old one stops working)
my-calendar-revoke = Turn the link off
my-calendar-created = Your calendar link is ready. Copy it now: it is shown only once.
my-calendar-address = Address to subscribe to
my-calendar-address-hint = Paste the address where your calendar app lets you add a calendar from the internet. Do not share it: anyone with the link sees your meetings.
my-calendar-feed-name = Nära: my meetings

# Meetings where people look for help: on a directory entry, with an area of help and in search results.
meetings-heading = Meetings
meetings-next = Next meetings:
meetings-calendar = All meetings in this area in the calendar
# A series' page: meetings that have been held, with their notes.
series-past = Past meetings
series-coming-shown = Showing meetings { $from }–{ $to } of { $total } coming up.
series-past-newest = { $count ->
    [one] The most recent meeting.
   *[other] The { $count } most recent meetings.
}
series-past-no-notes = There are no notes from this meeting.
