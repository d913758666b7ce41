## Booking a meeting with one's contact person
booking-book-title = Book a meeting
booking-rebook-title = Rebook your meeting
booking-book-lead = Choose a time that suits you and how you want to meet. You get a confirmation here on My pages.
booking-rebook-lead = Your meeting on { $when } moves to the time you choose. The old time is given back.
booking-no-times = There are no free times right now. Send a message to your contact person and you will find a time together.
booking-back-to-case = Back to the case
booking-choose-time = Choose a time
booking-choose-time-hint = Times outside office hours are marked.
booking-outside-office-hours = Outside office hours
booking-choose-mode = How do you want to meet?
booking-book-submit = Book the meeting
booking-rebook-submit = Move the meeting here
booking-mode-in-person = In person
booking-mode-phone = Phone (we call you)
booking-mode-video = Video meeting
booking-error-choose-time = Choose a time
booking-error-taken = That time is no longer free. Choose another time
booking-error-choose-mode = Choose how you want to meet
booking-error-mode = That time cannot be held that way. Choose another way or another time
booking-error-too-late = It is too late to rebook the meeting here. Call or write to your contact person
booking-title = Your meeting
booking-case = The case
booking-booked = The meeting is booked.
booking-cancelled = The meeting is cancelled.
booking-when = When
booking-how = How
booking-where = Where
booking-with = With
booking-reference = Booking reference
booking-add-to-calendar = Add to your calendar (iCalendar)
booking-change-until = { $hours ->
    [one] You can rebook or cancel up to one hour before.
   *[other] You can rebook or cancel up to { $hours } hours before.
}
booking-rebook-link = Rebook the meeting
booking-cancel = Cancel
booking-too-late = It is too late to change the meeting here. Call or write to your contact person if you cannot come.
booking-calendar-summary = Meeting with your contact person
mail-booking-changed-subject = A booking has changed
mail-booking-changed-body =
    Hello,

    Something has changed in one of your bookings. Sign in to My pages to see what:
    { $link }

    Kind regards
    Nära, { -city }
mail-booking-changed-officer-subject = A booking has changed
mail-booking-changed-officer-body =
    Hello,

    Something has changed in one of your booked meetings. Sign in and open My bookable times and coming meetings to see what:
    { $link }

    Kind regards
    Nära, { -city }

## The officer's bookable times
availability-title = My bookable times
availability-lead = The people you are contact person for can book, rebook and cancel the times you offer here themselves. You can offer evenings and weekends too.
availability-bookings = Coming meetings
availability-no-bookings = No meetings booked.
availability-windows = Times every week
availability-no-windows = You have no bookable times yet.
availability-meetings-of = { $minutes } minutes per meeting
availability-buffer-of = { $minutes } minutes between meetings
availability-remove = Remove
availability-add = Add a time
availability-weekday = Weekday
availability-from = From (hh:mm)
availability-until = Until (hh:mm)
availability-time-hint = For example 17:00
availability-length = Length of a meeting in minutes
availability-length-hint = Between 10 and 240
availability-buffer = Minutes between meetings (optional)
availability-buffer-hint = Time to write notes and prepare
availability-modes = How can people meet you at that time?
availability-place = Address or video link
availability-place-hint = Shown to whoever books an in-person or video meeting
availability-add-submit = Add
availability-blocked = Days you do not see anyone
availability-block-date = Date
availability-block-submit = Block the day
availability-error-weekday = Choose a weekday
availability-error-time = Write a time like 17:00
availability-error-order = The time must end after it starts
availability-error-length = Write a length between 10 and 240 minutes that fits in the time
availability-error-buffer = Write at most 240 minutes between meetings
availability-error-modes = Choose at least one way to meet
availability-error-date = Write a date like 2027-03-15
audit-action-booking-made = Booked a meeting
audit-action-booking-cancelled = Cancelled a meeting
case-meetings-heading = Meetings
case-meetings-none = No meetings booked.
case-book-meeting = Book a meeting with your contact person
booking-cancelled-tag = Cancelled
availability-link = My bookable times and coming meetings
mail-booking-reminder-subject = A reminder of a meeting
mail-booking-reminder-body =
    Hello,

    This is a reminder that you have a meeting with your contact person within a day.
    You can see the time and place, and rebook or cancel, here:
    { $link }

    Kind regards
    Nära, { -city }
booking-mode-in-person-short = in person
booking-mode-phone-short = phone
booking-mode-video-short = video
audit-action-bookings-listed = Saw their coming meetings, one of them yours
availability-error-place = Write the address or link on one line, at most 300 characters
booking-error-too-many = You already have three coming meetings in this case. Rebook or cancel one of them first
booking-error-gone = The meeting you wanted to move has already been moved or cancelled
booking-error-case-changed = You have a new contact person. Choose one of their times
booking-choose-mode-hint = Then we show the times when you can meet that way.
booking-show-times = Show free times
booking-mode-chosen = How you meet:
booking-change-mode = Choose another way to meet
phone-hours-heading = When you answer the phone
phone-hours-lead = Shown to the people you are contact person for. Outside these hours they are told they can call the social emergency service (socialjouren).
phone-hours-phone = Phone number
phone-hours-phone-hint = For example 042-10 50 00
phone-hours-days = Days you answer
phone-hours-submit = Save phone hours
phone-hours-error-phone = Enter a phone number, for example 042-10 50 00
phone-hours-error-days = Choose at least one day
phone-hours-from = Answer from (hh:mm)
phone-hours-until = Answer until (hh:mm)
