//! Rebuild when a migration is added: `sqlx::migrate!` embeds the migration folders at compile
//! time, and cargo does not watch them by itself (what `sqlx migrate build-script` writes).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
