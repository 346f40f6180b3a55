//! The shared-link preview image (`preview.png`, Open Graph and Twitter cards): the
//! corpus' timeline drawn at build time, one bar per year, the height its number of
//! articles. No text: glyphs would need a font, and the card shows the title and the
//! description beside the image anyway.
//!
//! A PNG is written by hand (truecolor, one zlib stream, filter 0 on every row):
//! a few lines of code instead of an image crate.

use std::io::Write;

use anyhow::{Context, Result};
use kiroku_core::Date;

/// The size Open Graph and Twitter's large card expect.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// The page's light theme: its background and its accent.
const BACKGROUND: [u8; 3] = [0xf7, 0xf5, 0xf0];
const ACCENT: [u8; 3] = [0xb0, 0x27, 0x1c];
const BASELINE: [u8; 3] = [0x9a, 0x94, 0x88];

/// Articles per year, from the first year to the last (years without articles are 0).
pub fn per_year(dates: &[Date]) -> Vec<usize> {
    let (Some(first), Some(last)) = (
        dates.iter().map(|d| d.year).min(),
        dates.iter().map(|d| d.year).max(),
    ) else {
        return Vec::new();
    };
    let mut counts = vec![0; (last - first + 1) as usize];
    for date in dates {
        counts[(date.year - first) as usize] += 1;
    }
    counts
}

/// The image's pixels (RGB rows): bars for `counts` over a baseline, with margins.
fn pixels(counts: &[usize]) -> Vec<[u8; 3]> {
    let (width, height) = (WIDTH as usize, HEIGHT as usize);
    let mut image = vec![BACKGROUND; width * height];
    let (left, right, top, bottom) = (80, width - 80, 80, height - 100);
    for x in left..right {
        for y in bottom..bottom + 4 {
            image[y * width + x] = BASELINE;
        }
    }
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let slot = (right - left) / counts.len().max(1);
    for (i, &count) in counts.iter().enumerate() {
        let bar_height = (bottom - top) * count / max;
        let x0 = left + i * slot + slot / 8;
        let x1 = left + (i + 1) * slot - slot / 8;
        for y in bottom - bar_height..bottom {
            for x in x0..x1.max(x0 + 1) {
                image[y * width + x] = ACCENT;
            }
        }
    }
    image
}

/// The PNG file of the timeline of `dates`.
pub fn png(dates: &[Date]) -> Result<Vec<u8>> {
    let image = pixels(&per_year(dates));
    let mut raw = Vec::with_capacity(image.len() * 3 + HEIGHT as usize);
    for row in image.chunks(WIDTH as usize) {
        raw.push(0); // filter: none
        raw.extend(row.iter().flatten());
    }
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    zlib.write_all(&raw)
        .context("cannot compress the preview image")?;
    let data = zlib.finish().context("cannot compress the preview image")?;

    let mut header = Vec::new();
    header.extend(WIDTH.to_be_bytes());
    header.extend(HEIGHT.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]); // 8 bits, truecolor, deflate, filter 0, no interlace
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, body) in [(b"IHDR", &header), (b"IDAT", &data), (b"IEND", &Vec::new())] {
        png.extend((body.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(body);
        png.extend(kind);
        png.extend(body);
        png.extend(crc.sum().to_be_bytes());
    }
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32) -> Date {
        Date::new(year, 1, 1).unwrap()
    }

    #[test]
    fn counts_articles_per_year_with_empty_years() {
        assert_eq!(per_year(&[date(2013), date(2015), date(2015)]), [1, 0, 2]);
        assert_eq!(per_year(&[]), Vec::<usize>::new());
    }

    #[test]
    fn the_png_decodes_to_bars_of_the_counts() {
        let png = png(&[date(2020), date(2021), date(2021)]).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), WIDTH);
        // The IDAT chunk inflates to the rows, each a filter byte and RGB pixels.
        let idat_len = u32::from_be_bytes(png[33..37].try_into().unwrap()) as usize;
        assert_eq!(&png[37..41], b"IDAT");
        let mut raw = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::ZlibDecoder::new(&png[41..41 + idat_len]),
            &mut raw,
        )
        .unwrap();
        let row = WIDTH as usize * 3 + 1;
        assert_eq!(raw.len(), row * HEIGHT as usize);
        let pixel = |x: usize, y: usize| &raw[y * row + 1 + x * 3..y * row + 4 + x * 3];
        // Just above the baseline: the first bar (half height) and the second (full).
        let (y_mid, y_top) = (HEIGHT as usize - 100 - 10, 90);
        assert_eq!(pixel(80 + 520 / 2, y_mid), ACCENT);
        assert_eq!(pixel(80 + 520 / 2, y_top), BACKGROUND, "the shorter bar");
        assert_eq!(pixel(80 + 520 + 520 / 2, y_top), ACCENT, "the taller bar");
        assert_eq!(pixel(10, 10), BACKGROUND);
    }
}
