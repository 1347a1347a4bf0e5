//! What the desktop knows the app by: its id and its window icon.
//!
//! The id is the desktop entry's name (`assets/linux/APP_ID.desktop`):
//! Wayland compositors and X11 docks match the window to the menu entry, and
//! so to its name and icon, through it.

/// The application id, also the desktop entry's and the icon's name.
pub const APP_ID: &str = "ma.clusters.cluster-dossier";

/// The window icon, drawn from `assets/icon.svg` and committed as PNG so the
/// build needs no SVG tool. 128 px: on X11 the 256 px icon (256 kB of
/// pixels) is over the core protocol's request size, and the window got an
/// empty `_NET_WM_ICON` (seen under Xvfb); docks and menus take the larger
/// sizes from the icon theme anyway.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/cluster-dossier-128.png");

/// The window icon as RGBA pixels, or `None` (egui's default icon) if the
/// embedded PNG could not be decoded: a missing icon must not stop the app.
pub fn window_icon() -> Option<egui::IconData> {
    decode_rgba(ICON_PNG)
}

fn decode_rgba(bytes: &[u8]) -> Option<egui::IconData> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().ok()?;
    let mut buf = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buf).ok()?;
    let pixels = &buf[..info.buffer_size()];
    let rgba: Vec<u8> = match info.color_type {
        png::ColorType::Rgba => pixels.to_vec(),
        png::ColorType::Rgb => pixels
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::Grayscale => pixels.iter().flat_map(|g| [*g, *g, *g, 255]).collect(),
        png::ColorType::GrayscaleAlpha => pixels
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Indexed => return None,
    };
    Some(egui::IconData {
        rgba,
        width: info.width,
        height: info.height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_icon_is_our_128_pixel_drawing() {
        let icon = window_icon().expect("the embedded icon decodes");
        assert_eq!((icon.width, icon.height), (128, 128));
        assert_eq!(icon.rgba.len(), 128 * 128 * 4);
        // Transparent corners (rounded square), opaque centre: the drawing,
        // not a blank or a flattened image.
        assert_eq!(icon.rgba[3], 0, "top-left corner is transparent");
        let centre = (64 * 128 + 64) * 4;
        assert_eq!(icon.rgba[centre + 3], 255, "centre is opaque");
    }

    #[test]
    fn a_broken_png_gives_no_icon_instead_of_failing() {
        assert!(decode_rgba(b"\x89PNG\r\n\x1a\nnot really").is_none());
    }

    #[test]
    fn the_app_id_names_the_desktop_entry_and_its_icon() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/linux");
        let entry = std::fs::read_to_string(dir.join(format!("{APP_ID}.desktop")))
            .expect("assets/linux/APP_ID.desktop exists");
        assert!(entry.contains(&format!("\nIcon={APP_ID}\n")));
        assert!(entry.contains(&format!("\nStartupWMClass={APP_ID}\n")));
        // The MIME type the entry opens is the one the shared-mime-info file defines.
        let mime = std::fs::read_to_string(dir.join(format!("{APP_ID}.xml")))
            .expect("assets/linux/APP_ID.xml exists");
        assert!(entry.contains("\nMimeType=application/x-cluster-dossier;\n"));
        assert!(mime.contains("<mime-type type=\"application/x-cluster-dossier\">"));
    }

    #[test]
    fn the_mime_magic_is_the_first_line_the_store_writes() {
        let dossier = crate::example_dossier().expect("example parses");
        let text = crate::store::to_ron(&dossier, std::path::Path::new("x.ron"))
            .expect("example serialises");
        let first = text.lines().next().unwrap_or_default();
        assert!(first.starts_with("// Dossier de candidature "));
        let tail = first.find("(cluster-dossier)").expect("marker in line 1");
        // The XML looks for the marker between bytes 26 and 200.
        assert!((26..=200).contains(&tail), "marker at byte {tail}");
    }
}
