//! The chain of entries and how it is checked. Each entry carries the hash of the one before it
//! and its own HMAC-SHA-256 under an audit key kept outside the database, bound to the log's id:
//! without the key, nobody can rewrite an entry and re-hash those after it. Signed checkpoints
//! (see `checkpoint`) pin the chain's head outside the database, so removing the newest entries
//! is found too.
//!
//! Entries written before the log was keyed have no key id and a plain SHA-256 hash. They are
//! accepted only at the start of the chain, and only when a checkpoint vouches for them.

use std::collections::BTreeMap;

use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::AuditEvent;
use super::keyring::{AuditKey, Keyring};
use crate::db::UtcTime;

/// The hash before the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: UtcTime,
    pub actor_id: Option<Uuid>,
    pub actor_role: String,
    pub actor_unit_id: Option<Uuid>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub subject_id: Option<Uuid>,
    pub purpose: Option<String>,
    pub request_id: Option<String>,
    pub prev_hash: String,
    /// The key that signed `hash`; `None` for entries from before the log was keyed.
    pub key_id: Option<String>,
    pub hash: String,
}

/// The fields a hash covers, in a fixed order (serde keeps struct order).
#[derive(Serialize)]
struct Hashed<'a> {
    seq: i64,
    at: String,
    actor_id: Option<Uuid>,
    actor_role: &'a str,
    actor_unit_id: Option<Uuid>,
    action: &'a str,
    object_type: &'a str,
    object_id: Option<&'a str>,
    subject_id: Option<Uuid>,
    purpose: Option<&'a str>,
    request_id: Option<&'a str>,
}

/// Separates entry signatures from checkpoint signatures made with the same key.
const ENTRY_DOMAIN: &[u8] = b"nara audit entry v1";

impl AuditEntry {
    fn fields_json(&self) -> String {
        let fields = Hashed {
            seq: self.seq,
            at: self.at.0.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            actor_id: self.actor_id,
            actor_role: &self.actor_role,
            actor_unit_id: self.actor_unit_id,
            action: &self.action,
            object_type: &self.object_type,
            object_id: self.object_id.as_deref(),
            subject_id: self.subject_id,
            purpose: self.purpose.as_deref(),
            request_id: self.request_id.as_deref(),
        };
        serde_json::to_string(&fields).unwrap_or_default()
    }

    /// Plain SHA-256 over the previous hash and the fields: how entries were hashed before the
    /// log was keyed. Anyone can compute it, so on its own it proves nothing.
    pub fn plain_hash(&self) -> String {
        let mut hasher = Sha256::new();
        hasher.update(self.prev_hash.as_bytes());
        hasher.update(b"\n");
        hasher.update(self.fields_json().as_bytes());
        hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    fn signed_parts<'a>(&'a self, log_id: &'a str, json: &'a str) -> [&'a [u8]; 4] {
        [ENTRY_DOMAIN, log_id.as_bytes(), self.prev_hash.as_bytes(), json.as_bytes()]
    }

    /// Signs the entry with `key` as an entry of the log `log_id`: sets its key id and hash.
    pub fn seal(&mut self, log_id: &str, key: &AuditKey) {
        let json = self.fields_json();
        self.hash = key.sign(&self.signed_parts(log_id, &json));
        self.key_id = Some(key.id().to_string());
    }

    /// Whether `key` signed this entry as an entry of `log_id`.
    fn signed_by(&self, log_id: &str, key: &AuditKey) -> bool {
        let json = self.fields_json();
        key.verifies(&self.signed_parts(log_id, &json), &self.hash)
    }

    /// The entry that follows `prev_hash` at `seq` in the log `log_id`, signed with `key`.
    pub fn chained(
        event: &AuditEvent,
        seq: i64,
        at: UtcTime,
        prev_hash: &str,
        log_id: &str,
        key: &AuditKey,
    ) -> Self {
        let mut entry = Self {
            seq,
            at,
            actor_id: event.actor.person_id,
            actor_role: event.actor.role.clone(),
            actor_unit_id: event.actor.unit_id,
            action: event.action.as_str().into(),
            object_type: event.object_type.into(),
            object_id: event.object_id.clone(),
            subject_id: event.subject_id,
            purpose: event.purpose.clone(),
            request_id: event.request_id.clone(),
            prev_hash: prev_hash.into(),
            key_id: None,
            hash: String::new(),
        };
        entry.seal(log_id, key);
        entry
    }
}

/// A point the chain must pass through: a signed checkpoint said entry `seq` had `hash` at `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub seq: i64,
    pub hash: String,
    pub at: UtcTime,
}

/// Where a chain stops being trustworthy. Each names the first entry that is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainBreak {
    /// The entry's own fields no longer give its hash: it was altered (or re-hashed without
    /// the key).
    Altered { seq: i64 },
    /// The entry does not point at the one before it: one was removed or inserted.
    Broken { seq: i64 },
    /// Sequence numbers skip: entries are missing before this one.
    Missing { expected: i64, found: i64 },
    /// The head in the database says there are more entries than there are.
    Truncated { last: i64, head: i64 },
    /// The entry names a key the keyring does not hold (lost, or never ours).
    UnknownKey { seq: i64, key_id: String },
    /// An entry without a key after keyed ones: it was rewritten with a plain hash.
    Unkeyed { seq: i64 },
    /// Entries from before the log was keyed that no checkpoint vouches for.
    Unanchored { last: i64 },
    /// A checkpoint recorded more entries than there are: the newest were removed.
    CheckpointTruncated { last: i64, recorded: i64, at: UtcTime },
    /// The entry at a checkpoint's position is not the one it recorded: entries after `since`
    /// (the newest checkpoint that still matches, or 0) were replaced.
    CheckpointDiffers { seq: i64, since: i64, at: UtcTime },
}

impl ChainBreak {
    /// Whether the break proves tampering (rather than a log that cannot be vouched for yet).
    pub fn is_tampering(&self) -> bool {
        !matches!(self, ChainBreak::Unanchored { .. } | ChainBreak::UnknownKey { .. })
    }
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let when = |at: &UtcTime| at.0.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        match self {
            ChainBreak::Altered { seq } => write!(f, "entry {seq} was altered (its hash does not match)"),
            ChainBreak::Broken { seq } => write!(f, "entry {seq} does not follow the entry before it"),
            ChainBreak::Missing { expected, found } => {
                write!(f, "entries {expected} to {} are missing", found - 1)
            }
            ChainBreak::Truncated { last, head } => {
                write!(f, "entries after {last} are missing (the log had {head})")
            }
            ChainBreak::UnknownKey { seq, key_id } => {
                write!(f, "entry {seq} is signed with audit key {key_id}, which is not in the audit key file")
            }
            ChainBreak::Unkeyed { seq } => {
                write!(f, "entry {seq} was altered (it has a plain hash where a keyed one is due)")
            }
            ChainBreak::Unanchored { last } => write!(
                f,
                "entries 1 to {last} were hashed before the log was keyed and no checkpoint vouches for them; \
                 run `nara audit checkpoint` once you trust them"
            ),
            ChainBreak::CheckpointTruncated { last, recorded, at } => write!(
                f,
                "entries {} to {recorded} are missing (the checkpoint of {} recorded {recorded})",
                last + 1,
                when(at)
            ),
            ChainBreak::CheckpointDiffers { seq, since, at } => write!(
                f,
                "entries {} to {seq} were replaced (entry {seq} is not the one the checkpoint of {} recorded)",
                since + 1,
                when(at)
            ),
        }
    }
}

/// What a whole walk found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub entries: i64,
    /// How many checkpoints the chain passed.
    pub anchors: usize,
    /// The checkpoint that vouches for the most entries, if any.
    pub newest_anchor: Option<Anchor>,
}

/// A walk along the chain in sequence order, entry by entry, checking each against the keyring
/// and against the anchors it passes.
#[derive(Debug)]
pub struct Walk<'k> {
    keys: &'k Keyring,
    log_id: String,
    last_seq: i64,
    last_hash: String,
    /// Entries without a key are allowed until the first keyed one.
    unkeyed_allowed: bool,
    /// The newest entry from before the log was keyed (0: none).
    unkeyed_until: i64,
    anchors: BTreeMap<i64, Vec<Anchor>>,
    /// How many anchors were passed, and the newest of them.
    passed: usize,
    matched: Option<Anchor>,
}

impl<'k> Walk<'k> {
    /// From the start of the log `log_id`, through `anchors`.
    pub fn from_genesis(keys: &'k Keyring, log_id: &str, anchors: Vec<Anchor>) -> Self {
        let mut by_seq: BTreeMap<i64, Vec<Anchor>> = BTreeMap::new();
        // A checkpoint of an empty log vouches for nothing.
        for anchor in anchors.into_iter().filter(|a| a.seq > 0) {
            by_seq.entry(anchor.seq).or_default().push(anchor);
        }
        Self {
            keys,
            log_id: log_id.to_string(),
            last_seq: 0,
            last_hash: GENESIS_HASH.to_string(),
            unkeyed_allowed: true,
            unkeyed_until: 0,
            anchors: by_seq,
            passed: 0,
            matched: None,
        }
    }

    /// Onwards from the entry a checkpoint vouched for (which the caller has found unchanged).
    /// Everything after a checkpoint must be keyed.
    pub fn resume(keys: &'k Keyring, log_id: &str, from: &Anchor) -> Self {
        Self {
            keys,
            log_id: log_id.to_string(),
            last_seq: from.seq,
            last_hash: from.hash.clone(),
            unkeyed_allowed: false,
            unkeyed_until: 0,
            anchors: BTreeMap::new(),
            passed: 1,
            matched: Some(from.clone()),
        }
    }

    /// The last entry checked: its sequence number and hash.
    pub fn position(&self) -> (i64, &str) {
        (self.last_seq, &self.last_hash)
    }

    /// Checks the next entries, oldest first; stops at the first break.
    pub fn step(&mut self, entries: &[AuditEntry]) -> Result<(), ChainBreak> {
        entries.iter().try_for_each(|entry| self.check(entry))
    }

    fn check(&mut self, entry: &AuditEntry) -> Result<(), ChainBreak> {
        let seq = entry.seq;
        if seq != self.last_seq + 1 {
            return Err(ChainBreak::Missing { expected: self.last_seq + 1, found: seq });
        }
        if entry.prev_hash != self.last_hash {
            return Err(ChainBreak::Broken { seq });
        }
        match &entry.key_id {
            None if !self.unkeyed_allowed => return Err(ChainBreak::Unkeyed { seq }),
            None if entry.plain_hash() != entry.hash => return Err(ChainBreak::Altered { seq }),
            None => self.unkeyed_until = seq,
            Some(key_id) => {
                let key = self
                    .keys
                    .get(key_id)
                    .ok_or_else(|| ChainBreak::UnknownKey { seq, key_id: key_id.clone() })?;
                if !entry.signed_by(&self.log_id, key) {
                    return Err(ChainBreak::Altered { seq });
                }
                self.unkeyed_allowed = false;
            }
        }
        for anchor in self.anchors.remove(&seq).unwrap_or_default() {
            if anchor.hash != entry.hash {
                let since = self.matched.as_ref().map_or(0, |m| m.seq);
                return Err(ChainBreak::CheckpointDiffers { seq, since, at: anchor.at });
            }
            self.passed += 1;
            self.matched = Some(anchor);
        }
        self.last_seq = seq;
        self.last_hash.clone_from(&entry.hash);
        Ok(())
    }

    /// After the last entry: no anchor may lie beyond it, the database's head must be where the
    /// walk ended, and entries from before the log was keyed must be vouched for.
    pub fn finish(self, head_seq: i64, head_hash: &str) -> Result<Verified, ChainBreak> {
        if let Some((&recorded, anchors)) = self.anchors.last_key_value() {
            return Err(ChainBreak::CheckpointTruncated { last: self.last_seq, recorded, at: anchors[0].at });
        }
        if head_seq != self.last_seq || head_hash != self.last_hash {
            return Err(ChainBreak::Truncated { last: self.last_seq, head: head_seq });
        }
        if self.unkeyed_until > self.matched.as_ref().map_or(0, |m| m.seq) {
            return Err(ChainBreak::Unanchored { last: self.unkeyed_until });
        }
        Ok(Verified { entries: self.last_seq, anchors: self.passed, newest_anchor: self.matched })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{Action, AuditActor};

    const LOG: &str = "log-under-test";

    fn event(seq: i64) -> AuditEvent {
        AuditEvent::new(AuditActor::anonymous(), Action::LogInFailed, "account")
            .object(format!("a{seq}"))
            .request(Some(format!("req-{seq}")))
    }

    /// Entries `from..=to` after `prev`, signed with `key`, or plain-hashed when `key` is `None`.
    fn extend(entries: &mut Vec<AuditEntry>, to: i64, key: Option<&AuditKey>) {
        let from = entries.last().map_or(1, |e| e.seq + 1);
        for seq in from..=to {
            let prev = entries.last().map_or(GENESIS_HASH.to_string(), |e| e.hash.clone());
            let entry = match key {
                Some(key) => AuditEntry::chained(&event(seq), seq, UtcTime::now(), &prev, LOG, key),
                None => {
                    let mut entry = AuditEntry::chained(
                        &event(seq),
                        seq,
                        UtcTime::now(),
                        &prev,
                        LOG,
                        &AuditKey::generate(),
                    );
                    entry.key_id = None;
                    entry.hash = entry.plain_hash();
                    entry
                }
            };
            entries.push(entry);
        }
    }

    fn keyed(n: i64) -> (Keyring, Vec<AuditEntry>) {
        let keys = Keyring::ephemeral();
        let mut entries = Vec::new();
        extend(&mut entries, n, Some(keys.signing()));
        (keys, entries)
    }

    fn anchor_at(entries: &[AuditEntry], seq: i64) -> Anchor {
        Anchor { seq, hash: entries[seq as usize - 1].hash.clone(), at: UtcTime::now() }
    }

    fn walk(keys: &Keyring, entries: &[AuditEntry], anchors: Vec<Anchor>) -> Result<Verified, ChainBreak> {
        let mut walk = Walk::from_genesis(keys, LOG, anchors);
        walk.step(entries)?;
        let last = entries.last().map_or((0, GENESIS_HASH.to_string()), |e| (e.seq, e.hash.clone()));
        walk.finish(last.0, &last.1)
    }

    #[test]
    fn an_intact_chain_verifies() {
        let (keys, entries) = keyed(5);
        let anchor = anchor_at(&entries, 4);
        let verified = walk(&keys, &entries, vec![anchor.clone()]).unwrap();
        assert_eq!(verified, Verified { entries: 5, anchors: 1, newest_anchor: Some(anchor) });
    }

    #[test]
    fn any_altered_field_is_found() {
        let (keys, mut entries) = keyed(5);
        entries[2].purpose = Some("nyfikenhet".into());
        assert_eq!(walk(&keys, &entries, vec![]), Err(ChainBreak::Altered { seq: 3 }));
    }

    #[test]
    fn a_removed_entry_is_found() {
        let (keys, mut entries) = keyed(5);
        entries.remove(1);
        assert_eq!(walk(&keys, &entries, vec![]), Err(ChainBreak::Missing { expected: 2, found: 3 }));
    }

    #[test]
    fn re_hashing_without_the_key_is_found() {
        let (keys, entries) = keyed(5);
        // With another key, keeping the genuine key's id.
        let mut forged = entries.clone();
        for i in 2..forged.len() {
            forged[i].object_id =
                Some(if i == 2 { "annat".into() } else { forged[i].object_id.clone().unwrap() });
            forged[i].prev_hash = forged[i - 1].hash.clone();
            forged[i].seal(LOG, &AuditKey::generate());
            forged[i].key_id = entries[i].key_id.clone();
        }
        assert_eq!(walk(&keys, &forged, vec![]), Err(ChainBreak::Altered { seq: 3 }));
        // With plain SHA-256, as before the log was keyed.
        let mut plain = entries.clone();
        for i in 2..plain.len() {
            plain[i].prev_hash = plain[i - 1].hash.clone();
            plain[i].key_id = None;
            plain[i].hash = plain[i].plain_hash();
        }
        assert_eq!(walk(&keys, &plain, vec![]), Err(ChainBreak::Unkeyed { seq: 3 }));
    }

    #[test]
    fn an_entry_moved_to_another_log_is_found() {
        let (keys, entries) = keyed(2);
        let mut walk = Walk::from_genesis(&keys, "another-log", vec![]);
        assert_eq!(walk.step(&entries), Err(ChainBreak::Altered { seq: 1 }));
    }

    #[test]
    fn a_rewritten_and_renumbered_tail_is_found() {
        let (keys, mut entries) = keyed(5);
        entries.remove(1);
        for (i, e) in entries.iter_mut().enumerate() {
            e.seq = i as i64 + 1;
        }
        assert_eq!(walk(&keys, &entries, vec![]), Err(ChainBreak::Broken { seq: 2 }));
    }

    #[test]
    fn removing_the_newest_entries_is_found_by_a_checkpoint() {
        let (keys, mut entries) = keyed(10);
        let anchor = anchor_at(&entries, 10);
        entries.truncate(8);
        assert_eq!(
            walk(&keys, &entries, vec![anchor.clone()]),
            Err(ChainBreak::CheckpointTruncated { last: 8, recorded: 10, at: anchor.at })
        );
        // Without the checkpoint, and with the head moved back, nothing shows.
        assert!(walk(&keys, &entries, vec![]).is_ok());
    }

    #[test]
    fn a_replaced_tail_is_found_by_the_checkpoints_it_passes() {
        let (keys, mut entries) = keyed(10);
        let (early, late) = (anchor_at(&entries, 5), anchor_at(&entries, 9));
        // Entries 7 on removed and new, genuinely signed ones appended in their place.
        entries.truncate(6);
        extend(&mut entries, 10, Some(keys.signing()));
        assert_eq!(
            walk(&keys, &entries, vec![early, late.clone()]),
            Err(ChainBreak::CheckpointDiffers { seq: 9, since: 5, at: late.at })
        );
    }

    #[test]
    fn after_rotation_old_entries_verify_with_the_old_key_only_while_it_is_kept() {
        let old = AuditKey::generate();
        let new = AuditKey::generate();
        let mut entries = Vec::new();
        extend(&mut entries, 3, Some(&old));
        extend(&mut entries, 6, Some(&new));
        let both = Keyring::new(vec![old.clone(), new.clone()]).unwrap();
        assert_eq!(walk(&both, &entries, vec![]).map(|v| v.entries), Ok(6));
        let new_only = Keyring::new(vec![new]).unwrap();
        assert_eq!(
            walk(&new_only, &entries, vec![]),
            Err(ChainBreak::UnknownKey { seq: 1, key_id: old.id().to_string() })
        );
    }

    #[test]
    fn entries_from_before_keying_need_a_checkpoint_and_may_only_come_first() {
        let keys = Keyring::ephemeral();
        let mut entries = Vec::new();
        extend(&mut entries, 3, None);
        extend(&mut entries, 5, Some(keys.signing()));
        assert_eq!(walk(&keys, &entries, vec![]), Err(ChainBreak::Unanchored { last: 3 }));
        assert_eq!(
            walk(&keys, &entries, vec![anchor_at(&entries, 2)]),
            Err(ChainBreak::Unanchored { last: 3 })
        );
        assert!(walk(&keys, &entries, vec![anchor_at(&entries, 4)]).is_ok());
        extend(&mut entries, 6, None);
        assert_eq!(walk(&keys, &entries, vec![anchor_at(&entries, 4)]), Err(ChainBreak::Unkeyed { seq: 6 }));
    }

    #[test]
    fn a_walk_resumed_at_a_checkpoint_checks_what_follows() {
        let (keys, mut entries) = keyed(6);
        let from = anchor_at(&entries, 4);
        let mut resumed = Walk::resume(&keys, LOG, &from);
        resumed.step(&entries[4..]).unwrap();
        assert_eq!(resumed.position(), (6, entries[5].hash.as_str()));
        entries[5].action = "log_in".into();
        let mut resumed = Walk::resume(&keys, LOG, &from);
        assert_eq!(resumed.step(&entries[4..]), Err(ChainBreak::Altered { seq: 6 }));
    }
}
