//! Attachments to an application: PDF, JPEG or PNG, known by their bytes and never by their
//! name, and size-limited. They are kept in the database (never under a served directory) and
//! given out only as downloads, after the policy check.

/// The largest attachment: a phone's photo of a paper fits, a video does not. 5 MB as Windows
/// and phones count it.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The largest request a step's page may send: one file (a step has at most one file question)
/// and the answers beside it.
pub const MAX_STEP_REQUEST_BYTES: usize = MAX_FILE_BYTES + 1024 * 1024;
/// The most files one question holds.
pub const MAX_FILES_PER_QUESTION: usize = 5;
/// The most files one application holds, whatever its number of file questions.
pub const MAX_FILES_PER_APPLICATION: usize = 10;
const MAX_NAME_CHARS: usize = 120;

/// A file's size for people: `340 kB`.
pub fn size_label(size_bytes: i32) -> String {
    format!("{} kB", (i64::from(size_bytes) + 999) / 1000)
}

/// The kinds of file we take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Jpeg,
    Png,
}

impl FileKind {
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Jpeg => "jpg",
            FileKind::Png => "png",
        }
    }

    pub fn from_content_type(content_type: &str) -> Option<FileKind> {
        [FileKind::Pdf, FileKind::Jpeg, FileKind::Png].into_iter().find(|k| k.content_type() == content_type)
    }
}

/// What the bytes are, by their signatures at both ends: a renamed Word file or a picture cut
/// off in the middle is none of them.
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if crate::formats::is_pdf(bytes) {
        Some(FileKind::Pdf)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) && tail.windows(2).any(|w| w == [0xFF, 0xD9]) {
        Some(FileKind::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && tail.windows(4).any(|w| w == b"IEND") {
        Some(FileKind::Png)
    } else {
        None
    }
}

/// Why an upload was refused, as a catalogue key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    TooLarge,
    WrongKind,
    TooMany,
}

impl FileProblem {
    pub fn key(self) -> &'static str {
        match self {
            FileProblem::TooLarge => "apply-error-file-too-large",
            FileProblem::WrongKind => "apply-error-file-kind",
            FileProblem::TooMany => "apply-error-file-too-many",
        }
    }
}

/// An upload that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFile {
    pub name: String,
    pub kind: FileKind,
}

/// How many files are held already: by the question, and by the whole application.
#[derive(Debug, Clone, Copy, Default)]
pub struct Held {
    pub question: usize,
    pub application: usize,
}

/// Checks an upload against the limits.
pub fn check(file_name: &str, bytes: &[u8], held: Held) -> Result<CheckedFile, FileProblem> {
    if held.question >= MAX_FILES_PER_QUESTION || held.application >= MAX_FILES_PER_APPLICATION {
        return Err(FileProblem::TooMany);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge);
    }
    let kind = sniff(bytes).ok_or(FileProblem::WrongKind)?;
    Ok(CheckedFile { name: clean_name(file_name, kind), kind })
}

/// The name to show and to download under: the last part of what the browser sent, without
/// control characters, with the extension the content has.
fn clean_name(file_name: &str, kind: FileKind) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let stem: String = stem.chars().filter(|c| !c.is_control()).take(MAX_NAME_CHARS).collect();
    let stem = stem.trim();
    let stem = if stem.is_empty() { "bilaga" } else { stem };
    format!("{stem}.{}", kind.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR....\0\0\0\0IEND\xaeB`\x82";
    const JPEG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0 picture \xff\xd9";
    const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

    #[test]
    fn files_are_known_by_their_bytes() {
        assert_eq!(sniff(PDF), Some(FileKind::Pdf));
        assert_eq!(sniff(JPEG), Some(FileKind::Jpeg));
        assert_eq!(sniff(PNG), Some(FileKind::Png));
        assert_eq!(sniff(b"PK\x03\x04 a Word file"), None);
        assert_eq!(sniff(&PNG[..12]), None, "a picture cut off");
        assert_eq!(sniff(b"<html><script>"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn names_follow_the_content_not_the_sender() {
        let none = Held::default();
        assert_eq!(check("C:\\Users\\x\\intyg.pdf", PNG, none).unwrap().name, "intyg.png");
        assert_eq!(check("../../etc/passwd", PDF, none).unwrap().name, "passwd.pdf");
        assert_eq!(check("\u{7}.jpg", JPEG, none).unwrap().name, "bilaga.jpg");
        assert_eq!(check("a.exe", b"MZ\x90\0", none), Err(FileProblem::WrongKind));
        let full = Held { question: MAX_FILES_PER_QUESTION, application: MAX_FILES_PER_QUESTION };
        assert_eq!(check("a.pdf", PDF, full), Err(FileProblem::TooMany));
        let elsewhere = Held { question: 0, application: MAX_FILES_PER_APPLICATION };
        assert_eq!(
            check("a.pdf", PDF, elsewhere),
            Err(FileProblem::TooMany),
            "the whole application's limit"
        );
        let mut big = PDF.to_vec();
        big.resize(MAX_FILE_BYTES + 1, b' ');
        assert_eq!(check("a.pdf", &big, none), Err(FileProblem::TooLarge));
    }

    #[test]
    fn downloads_are_attachments_with_a_safe_name() {
        assert_eq!(
            crate::formats::attachment_disposition("Läkarintyg* \"nytt\".pdf"),
            "attachment; filename=\"L_karintyg_ _nytt_.pdf\"; filename*=UTF-8''L%C3%A4karintyg%2A%20%22nytt%22.pdf"
        );
    }
}
