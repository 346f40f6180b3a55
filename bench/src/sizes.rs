//! Transfer sizes: raw, gzip (level 9, as `xtask dist` prints) and brotli (quality
//! 11, window 22: what a static host's precompression gives).

use std::{
    ops::AddAssign,
    path::{Path, PathBuf},
};

use kiroku_sizes::gzip_len;
use serde::{Deserialize, Serialize};

/// Sizes in bytes of one file or a sum of files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Size {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

impl Size {
    pub fn of(bytes: &[u8]) -> Size {
        Size {
            raw: bytes.len(),
            gzip: gzip_len(bytes),
            brotli: brotli_len(bytes),
        }
    }

    /// A file that is already compressed (Pagefind's chunks are gzip'd): a server
    /// sends it as it is, so every column is its size on disk.
    pub fn precompressed(len: usize) -> Size {
        Size {
            raw: len,
            gzip: len,
            brotli: len,
        }
    }

    pub fn of_file(path: &Path) -> Result<Size, String> {
        std::fs::read(path)
            .map(|bytes| Size::of(&bytes))
            .map_err(|err| format!("{}: {err}", path.display()))
    }

    pub fn of_files(paths: &[PathBuf]) -> Result<Size, String> {
        let mut total = Size::default();
        for path in paths {
            total += Size::of_file(path)?;
        }
        Ok(total)
    }
}

impl AddAssign for Size {
    fn add_assign(&mut self, other: Size) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }
}

fn brotli_len(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to a Vec");
    out.len()
}

/// Files directly in `dir` (not recursive), sorted, or all files below it.
pub fn files_in(dir: &Path, recursive: bool) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|err| format!("{}: {err}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|err| err.to_string())?.path();
        if path.is_file() {
            out.push(path);
        } else if recursive && path.is_dir() {
            out.extend(files_in(&path, true)?);
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_sizes_are_smaller_for_repetitive_text() {
        let text = "ベネズエラの制裁について。".repeat(200);
        let size = Size::of(text.as_bytes());
        assert_eq!(size.raw, text.len());
        assert!(size.gzip < size.raw / 10, "{size:?}");
        assert!(size.brotli < size.raw / 10, "{size:?}");
        let mut total = size;
        total += Size::precompressed(10);
        assert_eq!(total.raw, size.raw + 10);
    }
}
