//! Reading a text out of an upload: plain text, Word (.docx) or OpenDocument (.odt). Both office
//! formats are zip files; what is read is bounded everywhere, since the file comes from outside:
//! the upload's size, the number of entries, and the bytes *uncompressed* (every entry is read
//! through `take`, so a zip bomb stops at the limit whatever its headers claim). Documents with
//! macros are refused, and so is an encrypted file: an encrypted Word file is an OLE container,
//! not a zip; an encrypted OpenDocument is a zip whose manifest names its encryption.
//! The kind is decided by the content, never by the file's name.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;

/// How much of an upload is read.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub upload_bytes: usize,
    pub entries: usize,
    pub uncompressed_bytes: u64,
    pub text_chars: usize,
}

impl Limits {
    pub const DEFAULT: Limits = Limits {
        upload_bytes: 5 * 1024 * 1024,
        entries: 1_000,
        uncompressed_bytes: 10 * 1024 * 1024,
        text_chars: super::api::MAX_CHARS,
    };
}

/// Why an upload gives no text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("the file is empty")]
    Empty,
    #[error("the upload is too large")]
    TooLarge,
    #[error("an encrypted or old-format Office file")]
    Encrypted,
    #[error("a document with macros")]
    Macros,
    #[error("the zip has too many entries")]
    TooManyEntries,
    #[error("the document expands beyond the limit")]
    ExpandsTooMuch,
    #[error("the text is too long")]
    TextTooLong,
    #[error("not a readable .docx, .odt or .txt file")]
    Unreadable,
}

impl DocumentError {
    /// The catalogue key of the message shown to the person who uploaded the file.
    pub fn message_key(self) -> &'static str {
        match self {
            DocumentError::Empty => "plain-upload-empty",
            DocumentError::TooLarge => "plain-upload-too-large",
            DocumentError::Encrypted => "plain-upload-encrypted",
            DocumentError::Macros => "plain-upload-macros",
            DocumentError::TooManyEntries | DocumentError::ExpandsTooMuch => "plain-upload-expands",
            DocumentError::TextTooLong => "plain-upload-text-too-long",
            DocumentError::Unreadable => "plain-upload-unreadable",
        }
    }
}

/// The magic number of an OLE compound file: an encrypted .docx/.odt-as-Office or an old .doc.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const ODT_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.text";
const ODT_MANIFEST: &str = "META-INF/manifest.xml";

/// The text of an upload, paragraphs separated by a blank line.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<String, DocumentError> {
    if bytes.is_empty() {
        return Err(DocumentError::Empty);
    }
    if bytes.len() > limits.upload_bytes {
        return Err(DocumentError::TooLarge);
    }
    let text = if bytes.starts_with(OLE_MAGIC) {
        return Err(DocumentError::Encrypted);
    } else if bytes.starts_with(ZIP_MAGIC) {
        office_text(bytes, limits)?
    } else {
        plain_text(bytes)?
    };
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err(DocumentError::Empty);
    }
    if text.chars().count() > limits.text_chars {
        return Err(DocumentError::TextTooLong);
    }
    Ok(text)
}

/// UTF-8 text (a byte-order mark is dropped); binary content is not text.
fn plain_text(bytes: &[u8]) -> Result<String, DocumentError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| DocumentError::Unreadable)?;
    if text.contains('\0') {
        return Err(DocumentError::Unreadable);
    }
    Ok(text.replace("\r\n", "\n"))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Office {
    Word,
    OpenDocument,
}

fn office_text(bytes: &[u8], limits: &Limits) -> Result<String, DocumentError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| DocumentError::Unreadable)?;
    if archive.len() > limits.entries {
        return Err(DocumentError::TooManyEntries);
    }
    let mut names = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|_| DocumentError::Unreadable)?;
        if entry.encrypted() {
            return Err(DocumentError::Encrypted);
        }
        names.push(entry.name().map_err(|_| DocumentError::Unreadable)?.to_string());
    }
    if names.iter().any(|n| is_macro_part(n)) {
        return Err(DocumentError::Macros);
    }
    let mut budget = limits.uncompressed_bytes;
    let has = |name: &str| names.iter().any(|n| n == name);
    let kind = if has("word/document.xml") {
        let types = read_entry(&mut archive, "[Content_Types].xml", &mut budget)?;
        if contains(&types, b"macroEnabled") {
            return Err(DocumentError::Macros);
        }
        Office::Word
    } else if has("content.xml") && has("mimetype") {
        let mimetype = read_entry(&mut archive, "mimetype", &mut budget)?;
        if mimetype.trim_ascii() != ODT_MIMETYPE {
            return Err(DocumentError::Unreadable);
        }
        // A password-protected OpenDocument keeps its parts encrypted and says so here.
        if has(ODT_MANIFEST)
            && contains(&read_entry(&mut archive, ODT_MANIFEST, &mut budget)?, b"encryption-data")
        {
            return Err(DocumentError::Encrypted);
        }
        Office::OpenDocument
    } else {
        return Err(DocumentError::Unreadable);
    };
    let part = if kind == Office::Word { "word/document.xml" } else { "content.xml" };
    let xml = read_entry(&mut archive, part, &mut budget)?;
    paragraphs(&xml, kind)
}

/// Word's VBA project, a macro-enabled part, or an OpenDocument's Basic or scripts.
fn is_macro_part(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with("vbaproject.bin")
        || lower.ends_with("vbadata.xml")
        || lower.starts_with("basic/")
        || lower.starts_with("scripts/")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// One entry's content, read through `take` so no more than the budget left is ever inflated.
fn read_entry(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut u64,
) -> Result<Vec<u8>, DocumentError> {
    let entry = archive.by_name(name).map_err(|_| DocumentError::Unreadable)?;
    let mut content = Vec::new();
    entry.take(*budget + 1).read_to_end(&mut content).map_err(|_| DocumentError::Unreadable)?;
    let used = content.len() as u64;
    if used > *budget {
        return Err(DocumentError::ExpandsTooMuch);
    }
    *budget -= used;
    Ok(content)
}

/// The paragraphs' text: in Word only the text runs (`w:t`), not field codes; in OpenDocument
/// every text inside a paragraph or heading (`text:p`, `text:h`), with `text:s` as a space.
fn paragraphs(xml: &[u8], kind: Office) -> Result<String, DocumentError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = String::new();
    let mut depth_in_text = 0usize;
    // Word's `w:tab` and `w:br` are text only inside a run (`w:r`); in a paragraph's properties a
    // `w:tab` is a tab stop. OpenDocument's `text:tab` and `text:line-break` are inside paragraphs.
    let mut depth_in_run = 0usize;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|_| DocumentError::Unreadable)?;
        match event {
            Event::Start(e) => {
                if is_text_container(e.local_name().as_ref(), kind) {
                    depth_in_text += 1;
                }
                if e.local_name().as_ref() == b"r" {
                    depth_in_run += 1;
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                if is_text_container(name.as_ref(), kind) {
                    depth_in_text = depth_in_text.saturating_sub(1);
                }
                if name.as_ref() == b"r" {
                    depth_in_run = depth_in_run.saturating_sub(1);
                }
                if is_paragraph(name.as_ref()) {
                    out.push_str("\n\n");
                }
            }
            Event::Empty(e) => {
                let in_line = match kind {
                    Office::Word => depth_in_run > 0,
                    Office::OpenDocument => depth_in_text > 0,
                };
                match e.local_name().as_ref() {
                    b"tab" if in_line => out.push('\t'),
                    b"br" | b"line-break" if in_line => out.push('\n'),
                    b"s" if in_line && kind == Office::OpenDocument => out.push(' '),
                    _ => {}
                }
            }
            Event::Text(t) if depth_in_text > 0 => {
                out.push_str(&t.xml10_content().map_err(|_| DocumentError::Unreadable)?);
            }
            Event::GeneralRef(r) if depth_in_text > 0 => {
                let name = r.decode().map_err(|_| DocumentError::Unreadable)?;
                match r.resolve_char_ref().map_err(|_| DocumentError::Unreadable)? {
                    Some(c) => out.push(c),
                    None => out.push_str(resolve_predefined_entity(&name).ok_or(DocumentError::Unreadable)?),
                }
            }
            Event::CData(c) if depth_in_text > 0 => {
                out.push_str(&String::from_utf8_lossy(&c));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

fn is_text_container(local: &[u8], kind: Office) -> bool {
    match kind {
        Office::Word => local == b"t",
        Office::OpenDocument => local == b"p" || local == b"h",
    }
}

fn is_paragraph(local: &[u8]) -> bool {
    local == b"p" || local == b"h"
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use zip::write::SimpleFileOptions;

    use super::*;

    /// A zip with the given entries, deflated.
    pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in entries {
            writer.start_file(*name, options).unwrap();
            writer.write_all(content).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    const TYPES: &[u8] = br#"<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

    fn docx(body: &str) -> Vec<u8> {
        let xml = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:body>{body}</w:body></w:document>"#
        );
        zip_of(&[("[Content_Types].xml", TYPES), ("word/document.xml", xml.as_bytes())])
    }

    #[test]
    fn word_paragraphs_runs_and_entities() {
        let bytes = docx(
            r#"<w:p><w:r><w:t>Hej &amp; välkommen</w:t></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Andra </w:t><w:t>stycket&#33;</w:t></w:r></w:p>"#,
        );
        assert_eq!(read(&bytes, &Limits::DEFAULT), Ok("Hej & välkommen\n\nAndra stycket!".to_string()));
    }

    #[test]
    fn a_word_tab_stop_is_no_text_but_a_tab_in_a_run_is() {
        let bytes = docx(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left"/></w:tabs></w:pPr><w:r><w:t>Ett</w:t><w:tab/><w:t>två</w:t></w:r></w:p>"#,
        );
        assert_eq!(read(&bytes, &Limits::DEFAULT), Ok("Ett\ttvå".to_string()));
    }

    #[test]
    fn opendocument_paragraphs_and_headings() {
        let content = br#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:h>Rubrik</text:h><text:p>Ett<text:s/>stycke <text:span>med span</text:span>.</text:p></office:text></office:body></office:document-content>"#;
        let bytes = zip_of(&[("mimetype", ODT_MIMETYPE), ("content.xml", content)]);
        assert_eq!(read(&bytes, &Limits::DEFAULT), Ok("Rubrik\n\nEtt stycke med span.".to_string()));
    }

    #[test]
    fn plain_text_with_a_bom_and_windows_lines() {
        assert_eq!(
            read(b"\xEF\xBB\xBFRad ett\r\nRad tv\xC3\xA5", &Limits::DEFAULT),
            Ok("Rad ett\nRad två".into())
        );
        assert_eq!(read(b"\xFF\xFE\x00bin\x00", &Limits::DEFAULT), Err(DocumentError::Unreadable));
        assert_eq!(read(b"", &Limits::DEFAULT), Err(DocumentError::Empty));
    }

    #[test]
    fn macros_encryption_and_strangers_are_refused() {
        let with_vba = zip_of(&[
            ("[Content_Types].xml", TYPES),
            ("word/document.xml", b"<w:document/>"),
            ("word/vbaProject.bin", b"\x00macro"),
        ]);
        assert_eq!(read(&with_vba, &Limits::DEFAULT), Err(DocumentError::Macros));
        let docm_type = zip_of(&[
            (
                "[Content_Types].xml",
                b"<Types ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/>",
            ),
            ("word/document.xml", b"<w:document/>"),
        ]);
        assert_eq!(read(&docm_type, &Limits::DEFAULT), Err(DocumentError::Macros));
        let mut ole = OLE_MAGIC.to_vec();
        ole.extend_from_slice(&[0; 512]);
        assert_eq!(read(&ole, &Limits::DEFAULT), Err(DocumentError::Encrypted));
        let manifest = br#"<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"#;
        let locked_odt = zip_of(&[
            ("mimetype", ODT_MIMETYPE),
            ("META-INF/manifest.xml", manifest),
            ("content.xml", b"\x9a\x01"),
        ]);
        assert_eq!(read(&locked_odt, &Limits::DEFAULT), Err(DocumentError::Encrypted));
        assert_eq!(
            read(&zip_of(&[("other.xml", b"<x/>")]), &Limits::DEFAULT),
            Err(DocumentError::Unreadable)
        );
        assert_eq!(read(b"PK\x03\x04broken", &Limits::DEFAULT), Err(DocumentError::Unreadable));
    }

    #[test]
    fn a_zip_bomb_stops_at_the_uncompressed_limit() {
        let limits = Limits { uncompressed_bytes: 64 * 1024, ..Limits::DEFAULT };
        let zeros = vec![b'a'; 1024 * 1024];
        let bomb = zip_of(&[("[Content_Types].xml", TYPES), ("word/document.xml", &zeros)]);
        assert!(bomb.len() < 16 * 1024, "{}", bomb.len());
        assert_eq!(read(&bomb, &limits), Err(DocumentError::ExpandsTooMuch));
        let many: Vec<(String, &[u8])> = (0..5).map(|i| (format!("f{i}"), &b"x"[..])).collect();
        let many: Vec<(&str, &[u8])> = many.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        assert_eq!(
            read(&zip_of(&many), &Limits { entries: 4, ..Limits::DEFAULT }),
            Err(DocumentError::TooManyEntries)
        );
    }

    #[test]
    fn a_huge_text_is_refused() {
        let limits = Limits { text_chars: 10, ..Limits::DEFAULT };
        assert_eq!(read("ord ".repeat(10).as_bytes(), &limits), Err(DocumentError::TextTooLong));
        assert_eq!(
            read(&[b'a'; 100], &Limits { upload_bytes: 99, ..Limits::DEFAULT }),
            Err(DocumentError::TooLarge)
        );
    }
}
