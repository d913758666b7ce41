//! Deciding bookings: a booking is made if the case has room for another coming meeting and the
//! officer has no meeting overlapping it; a rebooking first gives its old time back. Bookings sent
//! at the same moment are decided together (`bookings::making`), each in arrival order against what
//! the ones before it took.
//!
//! Pure: the store locks the officers and reads their coming meetings and the cases' counts first
//! (`store::placing`), and writes what was decided afterwards (`store::write_placed`), so a batch
//! is a handful of statements however many it decides.

use std::collections::HashMap;

use uuid::Uuid;

use super::MeetingMode;
use super::slots::Slot;

/// How many coming meetings one case may have booked at once: enough to plan a few, too few to
/// fill an officer's calendar from one account.
pub const MAX_COMING_PER_CASE: i64 = 3;

/// What became of a booking request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookOutcome {
    Booked(Uuid),
    /// Someone else has the time (or an overlapping one), or the officer takes no bookings.
    Taken,
    /// The case already has `MAX_COMING_PER_CASE` coming meetings.
    TooMany,
    /// The booking to move was no longer booked (moved or cancelled meanwhile).
    Gone,
    /// The case was closed or handed to another officer meanwhile.
    CaseChanged,
}

/// What a new booking needs.
#[derive(Debug, Clone)]
pub struct NewBooking {
    pub case_id: Uuid,
    pub resident_id: Uuid,
    pub officer_id: Uuid,
    pub slot: Slot,
    pub mode: MeetingMode,
    pub place: Option<String>,
    pub booked_by: Uuid,
}

/// A coming meeting in an officer's calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub id: Uuid,
    pub case_id: Uuid,
    pub slot: Slot,
}

/// A booking decided here, to be written.
#[derive(Debug, Clone)]
pub struct Placed {
    pub id: Uuid,
    pub new: NewBooking,
    /// The booking it replaces, given back in the same transaction.
    pub replacing: Option<Uuid>,
}

/// What the officers' calendars and the cases are, as read under their locks and as changed by
/// the bookings decided since.
#[derive(Debug, Default)]
pub struct Placing {
    /// The coming meetings of each officer who takes bookings.
    calendars: HashMap<Uuid, Vec<Held>>,
    /// The open cases: their officer and their number of coming meetings.
    cases: HashMap<Uuid, OpenCase>,
    placed: Vec<Placed>,
}

#[derive(Debug, Clone, Copy)]
struct OpenCase {
    officer: Uuid,
    coming: i64,
}

impl Placing {
    /// The officer takes bookings and has these coming meetings.
    pub fn know_officer(&mut self, officer: Uuid, calendar: Vec<Held>) {
        self.calendars.insert(officer, calendar);
    }

    /// The case is open, `officer` is its contact person, and it has `coming` coming meetings.
    /// A case not known is closed or has no officer: nothing is booked for it.
    pub fn know_case(&mut self, case: Uuid, officer: Uuid, coming: i64) {
        self.cases.insert(case, OpenCase { officer, coming });
    }

    /// Decides `new` (moving `replacing`, a coming booking of the same case, if given) against
    /// everything known and decided so far; a refusal changes nothing.
    pub fn place(&mut self, new: &NewBooking, replacing: Option<Uuid>) -> BookOutcome {
        // The booking page checked the case; closed or handed over since, it is not booked.
        let Some(case) = self.cases.get_mut(&new.case_id).filter(|c| c.officer == new.officer_id) else {
            return BookOutcome::CaseChanged;
        };
        let Some(calendar) = self.calendars.get_mut(&new.officer_id) else { return BookOutcome::Taken };
        let old = match replacing {
            Some(old) => match calendar.iter().position(|h| h.id == old && h.case_id == new.case_id) {
                Some(at) => Some(at),
                None => return BookOutcome::Gone,
            },
            None => None,
        };
        let coming = case.coming - i64::from(old.is_some());
        if coming >= MAX_COMING_PER_CASE {
            return BookOutcome::TooMany;
        }
        // A rebooking may move within its own meeting's time.
        let overlapping =
            calendar.iter().enumerate().any(|(at, held)| Some(at) != old && held.slot.overlaps(&new.slot));
        if overlapping {
            return BookOutcome::Taken;
        }
        if let Some(at) = old {
            calendar.swap_remove(at);
        }
        let id = Uuid::new_v4();
        calendar.push(Held { id, case_id: new.case_id, slot: new.slot });
        case.coming = coming + 1;
        self.placed.push(Placed { id, new: new.clone(), replacing });
        BookOutcome::Booked(id)
    }

    /// The officer's coming meetings, as read and as changed by the bookings decided since, by
    /// start; `None` if they take no bookings.
    pub fn booked(&self, officer: Uuid) -> Option<Vec<Slot>> {
        let mut booked: Vec<Slot> = self.calendars.get(&officer)?.iter().map(|held| held.slot).collect();
        booked.sort_unstable();
        Some(booked)
    }

    /// The bookings decided, in the order they were.
    pub fn placed(&self) -> &[Placed] {
        &self.placed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::UtcTime;
    use chrono::{TimeZone, Utc};

    /// `minutes` long from `hour`:`minute` on one day.
    fn at(hour: u32, minute: u32, minutes: i64) -> Slot {
        let starts_at = Utc.with_ymd_and_hms(2027, 3, 9, hour, minute, 0).unwrap();
        Slot {
            starts_at: UtcTime(starts_at),
            ends_at: UtcTime(starts_at + chrono::Duration::minutes(minutes)),
        }
    }

    fn slot(hour: u32, minutes: i64) -> Slot {
        at(hour, 0, minutes)
    }

    fn booking(officer: Uuid, case: Uuid, slot: Slot) -> NewBooking {
        NewBooking {
            case_id: case,
            resident_id: Uuid::new_v4(),
            officer_id: officer,
            slot,
            mode: MeetingMode::Phone,
            place: None,
            booked_by: Uuid::new_v4(),
        }
    }

    fn officer_with(calendar: Vec<Held>) -> (Placing, Uuid) {
        let officer = Uuid::new_v4();
        let mut placing = Placing::default();
        placing.know_officer(officer, calendar);
        (placing, officer)
    }

    /// A new open case of `officer`'s with `coming` coming meetings.
    fn open_case(placing: &mut Placing, officer: Uuid, coming: i64) -> Uuid {
        let case = Uuid::new_v4();
        placing.know_case(case, officer, coming);
        case
    }

    #[test]
    fn a_time_goes_to_the_first_and_an_overlapping_one_to_no_one_after() {
        let (mut placing, officer) = officer_with(Vec::new());
        let (first, second) = (open_case(&mut placing, officer, 0), open_case(&mut placing, officer, 0));
        let BookOutcome::Booked(id) = placing.place(&booking(officer, first, slot(9, 45)), None) else {
            panic!("the first gets the free time");
        };
        assert_eq!(placing.place(&booking(officer, second, slot(9, 45)), None), BookOutcome::Taken);
        assert_eq!(placing.place(&booking(officer, second, at(9, 30, 30)), None), BookOutcome::Taken);
        // Touching is not overlapping.
        assert!(matches!(
            placing.place(&booking(officer, second, at(9, 45, 15)), None),
            BookOutcome::Booked(_)
        ));
        assert_eq!(placing.placed().len(), 2);
        assert_eq!(placing.placed()[0].id, id);
    }

    #[test]
    fn the_officers_meetings_are_those_read_and_those_decided_since_by_start() {
        let read = Held { id: Uuid::new_v4(), case_id: Uuid::new_v4(), slot: slot(13, 60) };
        let (mut placing, officer) = officer_with(vec![read]);
        let case = open_case(&mut placing, officer, 0);
        assert!(matches!(placing.place(&booking(officer, case, slot(9, 45)), None), BookOutcome::Booked(_)));
        assert_eq!(placing.place(&booking(officer, case, slot(13, 30)), None), BookOutcome::Taken);
        assert_eq!(placing.booked(officer), Some(vec![slot(9, 45), slot(13, 60)]));
        assert_eq!(placing.booked(Uuid::new_v4()), None, "not an officer who takes bookings");
    }

    #[test]
    fn an_officer_who_takes_no_bookings_has_no_time() {
        let mut placing = Placing::default();
        let officer = Uuid::new_v4();
        let case = open_case(&mut placing, officer, 0);
        assert_eq!(placing.place(&booking(officer, case, slot(9, 45)), None), BookOutcome::Taken);
        assert!(placing.placed().is_empty());
    }

    #[test]
    fn nothing_is_booked_for_a_case_closed_or_handed_over_meanwhile() {
        let (mut placing, officer) = officer_with(Vec::new());
        // Closed: not among the open cases read.
        assert_eq!(
            placing.place(&booking(officer, Uuid::new_v4(), slot(9, 45)), None),
            BookOutcome::CaseChanged
        );
        // Handed over: the case's officer is now someone else.
        let handed_over = open_case(&mut placing, Uuid::new_v4(), 0);
        assert_eq!(
            placing.place(&booking(officer, handed_over, slot(9, 45)), None),
            BookOutcome::CaseChanged
        );
        assert!(placing.placed().is_empty());
    }

    #[test]
    fn a_case_has_room_for_a_few_coming_meetings_counting_those_decided_together() {
        let (mut placing, officer) = officer_with(Vec::new());
        let case = open_case(&mut placing, officer, MAX_COMING_PER_CASE - 1);
        assert!(matches!(placing.place(&booking(officer, case, slot(9, 45)), None), BookOutcome::Booked(_)));
        assert_eq!(placing.place(&booking(officer, case, slot(11, 45)), None), BookOutcome::TooMany);
        assert_eq!(placing.placed().len(), 1);
    }

    #[test]
    fn a_rebooking_gives_its_time_back_and_may_move_within_it() {
        let (mut placing, officer) = officer_with(Vec::new());
        let case = open_case(&mut placing, officer, MAX_COMING_PER_CASE);
        let old = Held { id: Uuid::new_v4(), case_id: case, slot: slot(9, 60) };
        placing.know_officer(officer, vec![old]);
        let later = at(9, 30, 60);
        let BookOutcome::Booked(id) = placing.place(&booking(officer, case, later), Some(old.id)) else {
            panic!("a full case may still move a meeting, into its own time");
        };
        assert_eq!(placing.placed()[0].replacing, Some(old.id));
        // The old time is free for someone else; the new one is not.
        let (other, another) = (open_case(&mut placing, officer, 0), open_case(&mut placing, officer, 0));
        assert!(matches!(placing.place(&booking(officer, other, slot(8, 60)), None), BookOutcome::Booked(_)));
        assert_eq!(placing.place(&booking(officer, another, later), None), BookOutcome::Taken);
        // Moved once, the old booking is gone; the new one can be moved again.
        assert_eq!(placing.place(&booking(officer, case, slot(13, 60)), Some(old.id)), BookOutcome::Gone);
        assert!(matches!(
            placing.place(&booking(officer, case, slot(13, 60)), Some(id)),
            BookOutcome::Booked(_)
        ));
    }

    #[test]
    fn only_the_cases_own_coming_booking_can_be_moved() {
        let old = Held { id: Uuid::new_v4(), case_id: Uuid::new_v4(), slot: slot(9, 60) };
        let (mut placing, officer) = officer_with(vec![old]);
        let other_case = open_case(&mut placing, officer, 0);
        assert_eq!(
            placing.place(&booking(officer, other_case, slot(13, 60)), Some(old.id)),
            BookOutcome::Gone
        );
        assert!(placing.placed().is_empty());
    }
}
