//! The private link to a registration: its id and an HMAC of it under the server's key. Nothing
//! needs storing, the link can be sent again (to someone promoted from the waitlist), and it
//! cannot be guessed or forged.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

fn mac(key: &[u8], id: Uuid) -> Hmac<Sha256> {
    // HMAC takes keys of any length; this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC accepts any key length");
    mac.update(b"registration:");
    mac.update(id.as_bytes());
    mac
}

/// The secret part of the link for a registration (128 bits).
pub fn registration_token(key: &[u8], id: Uuid) -> String {
    let tag = mac(key, id).finalize().into_bytes();
    format!("{}.{}", id.simple(), URL_SAFE_NO_PAD.encode(&tag[..16]))
}

/// The registration a token names, if the token is genuine.
pub fn verify_registration_token(key: &[u8], token: &str) -> Option<Uuid> {
    let (id, tag) = token.split_once('.')?;
    let id = Uuid::try_parse(id).ok()?;
    let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
    mac(key, id).verify_truncated_left(&tag).ok().filter(|()| tag.len() == 16).map(|()| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_verifies_and_names_its_registration() {
        let id = Uuid::new_v4();
        let token = registration_token(b"key", id);
        assert_eq!(verify_registration_token(b"key", &token), Some(id));
    }

    #[test]
    fn forged_swapped_or_truncated_tokens_are_refused() {
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let token = registration_token(b"key", a);
        let tag = token.split_once('.').unwrap().1;
        assert_eq!(verify_registration_token(b"other key", &token), None);
        assert_eq!(verify_registration_token(b"key", &format!("{}.{tag}", b.simple())), None, "another id");
        assert_eq!(verify_registration_token(b"key", &token[..token.len() - 4]), None, "shortened");
        assert_eq!(verify_registration_token(b"key", &format!("{}.", a.simple())), None);
        assert_eq!(verify_registration_token(b"key", "not a token"), None);
    }
}
