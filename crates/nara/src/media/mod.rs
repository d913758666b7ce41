//! Pictures people upload: an article's image, a leisure-bank item's photo.
//!
//! A picture is known by its bytes, never its name. It is decoded within limits (a small file that
//! claims a huge picture is refused before memory is taken), turned upright, shrunk to the size a
//! page needs and encoded again, so nothing but pixels survives: no EXIF, no GPS position, no
//! camera serial. The alt text belongs to the row that shows the image, because what a picture
//! means depends on where it is shown.

pub mod store;
pub mod web;

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits};

/// The largest upload read at all.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// The largest picture decoded, per side: a phone's 50-megapixel photo fits, a bomb does not.
const MAX_SIDE_DECODED: u32 = 10_000;
/// Memory the decoder may take for one picture.
const MAX_DECODE_ALLOC: u64 = 512 * 1024 * 1024;
const JPEG_QUALITY: u8 = 85;

/// A picture ready to store: re-encoded, at most `max_side` pixels on its longer side.
#[derive(Debug, Clone)]
pub struct Processed {
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Why a picture was refused; each has a message for the person who sent it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MediaError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is over the size limit")]
    TooLarge,
    #[error("the file is not a JPEG, PNG or WebP picture")]
    NotAPicture,
    #[error("the picture is too large to process")]
    TooManyPixels,
    #[error("the picture could not be read")]
    Unreadable,
}

impl MediaError {
    /// The catalogue key of the message shown beside the file field.
    pub fn message_key(self) -> &'static str {
        match self {
            MediaError::Empty => "media-error-empty",
            MediaError::TooLarge => "media-error-too-large",
            MediaError::NotAPicture => "media-error-not-a-picture",
            MediaError::TooManyPixels => "media-error-too-many-pixels",
            MediaError::Unreadable => "media-error-unreadable",
        }
    }
}

/// Checks, shrinks and re-encodes an uploaded picture. CPU-bound (tens of milliseconds for a
/// phone photo): call it through [`process_off_thread`] from a handler.
pub fn process(bytes: &[u8], max_side: u32) -> Result<Processed, MediaError> {
    if bytes.is_empty() {
        return Err(MediaError::Empty);
    }
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(MediaError::TooLarge);
    }
    let picture = decode(bytes)?;
    let picture = if picture.width() > max_side || picture.height() > max_side {
        picture.resize(max_side, max_side, FilterType::Triangle)
    } else {
        picture
    };
    encode(&picture)
}

/// [`process`] on the blocking pool, so a large photo does not hold up the async workers.
pub async fn process_off_thread(bytes: Vec<u8>, max_side: u32) -> Result<Processed, MediaError> {
    tokio::task::spawn_blocking(move || process(&bytes, max_side))
        .await
        .unwrap_or(Err(MediaError::Unreadable))
}

fn decode(bytes: &[u8]) -> Result<DynamicImage, MediaError> {
    // The format comes from the magic bytes; anything but the three web formats is refused before
    // a decoder sees it.
    let format = image::guess_format(bytes).map_err(|_| MediaError::NotAPicture)?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) {
        return Err(MediaError::NotAPicture);
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE_DECODED);
    limits.max_image_height = Some(MAX_SIDE_DECODED);
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    // A phone stores "turn me" in EXIF; apply it now, since the EXIF is not kept.
    let orientation = decoder.orientation().map_err(refusal)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    picture.apply_orientation(orientation);
    Ok(picture)
}

fn refusal(error: ImageError) -> MediaError {
    match error {
        ImageError::Limits(_) => MediaError::TooManyPixels,
        ImageError::Unsupported(_) => MediaError::NotAPicture,
        _ => MediaError::Unreadable,
    }
}

/// JPEG for photographs; PNG when the picture has transparency (a logo, a drawing).
fn encode(picture: &DynamicImage) -> Result<Processed, MediaError> {
    let mut bytes = Vec::new();
    let content_type = if picture.color().has_alpha() {
        picture.to_rgba8().write_with_encoder(PngEncoder::new(&mut bytes)).map_err(refusal)?;
        "image/png"
    } else {
        let encoder = JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY);
        picture.to_rgb8().write_with_encoder(encoder).map_err(refusal)?;
        "image/jpeg"
    };
    Ok(Processed { content_type, bytes, width: picture.width(), height: picture.height() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage, Rgba, RgbaImage};

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let picture = RgbImage::from_fn(width, height, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut bytes = Vec::new();
        picture.write_with_encoder(JpegEncoder::new_with_quality(&mut bytes, 90)).unwrap();
        bytes
    }

    /// An EXIF segment (APP1) with a marker string, placed right after the JPEG's start marker,
    /// as a camera writes it.
    fn with_exif(jpeg: &[u8], marker: &[u8]) -> Vec<u8> {
        let mut payload = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\0".to_vec();
        payload.extend_from_slice(marker);
        let length = u16::try_from(payload.len() + 2).unwrap().to_be_bytes();
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1, length[0], length[1]]);
        out.extend_from_slice(&payload);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    #[test]
    fn a_camera_photo_loses_its_exif_and_is_shrunk_to_fit() {
        let photo = with_exif(&jpeg(1200, 800), b"GPS 59.3293N 18.0686E");
        assert!(photo.windows(4).any(|w| w == b"Exif"), "the fixture carries EXIF");
        let processed = process(&photo, 600).unwrap();
        assert_eq!((processed.width, processed.height, processed.content_type), (600, 400, "image/jpeg"));
        assert!(!processed.bytes.windows(4).any(|w| w == b"Exif"));
        assert!(!processed.bytes.windows(3).any(|w| w == b"GPS"));
        assert_eq!(image::guess_format(&processed.bytes).unwrap(), ImageFormat::Jpeg);
    }

    #[test]
    fn a_small_picture_keeps_its_size_and_transparency_keeps_png() {
        let logo = RgbaImage::from_pixel(40, 30, Rgba([10, 20, 30, 0]));
        let mut bytes = Vec::new();
        logo.write_with_encoder(PngEncoder::new(&mut bytes)).unwrap();
        let processed = process(&bytes, 600).unwrap();
        assert_eq!((processed.width, processed.height, processed.content_type), (40, 30, "image/png"));
    }

    #[test]
    fn the_name_does_not_matter_the_bytes_do() {
        assert_eq!(process(b"%PDF-1.4 not a picture", 600).unwrap_err(), MediaError::NotAPicture);
        assert_eq!(process(b"GIF89a\x01\x00\x01\x00", 600).unwrap_err(), MediaError::NotAPicture);
        assert_eq!(process(b"", 600).unwrap_err(), MediaError::Empty);
        // A JPEG cut off after its header.
        assert_eq!(process(&jpeg(64, 64)[..40], 600).unwrap_err(), MediaError::Unreadable);
    }

    #[test]
    fn a_small_file_claiming_a_huge_picture_is_refused_before_decoding() {
        // 20,000 × 1 pixels is a few hundred bytes as PNG, but over the per-side limit.
        let strip = image::GrayImage::new(20_000, 1);
        let mut bytes = Vec::new();
        strip.write_with_encoder(PngEncoder::new(&mut bytes)).unwrap();
        assert!(bytes.len() < 10_000);
        assert_eq!(process(&bytes, 600).unwrap_err(), MediaError::TooManyPixels);
    }

    #[test]
    fn an_oversized_upload_is_refused_unread() {
        let mut big = jpeg(8, 8);
        big.resize(MAX_UPLOAD_BYTES + 1, 0);
        assert_eq!(process(&big, 600).unwrap_err(), MediaError::TooLarge);
    }
}
