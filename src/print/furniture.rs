//! What every page carries besides its content: the running title, « Page
//! X / N », « Exemplaire k / N », the content fingerprint, the paraphe zone,
//! the stamp box and, for a draft, the diagonal « BROUILLON ». Drawn in the
//! bands the geometry keeps free, never over content. The receipt, after
//! the copies, has the running band only ([`receipt_furniture`]).

use super::font::{Fonts, Weight};
use super::geometry::{Geometry, MM, Rect};
use super::layout::Item;

/// The stamp box's label, also searched for by the tests.
pub const STAMP_LABEL: &str = "Signature et cachet du Président";
/// What precedes the content fingerprint on every page.
/// (A no-break space before the colon, as French typography wants.)
pub const FINGERPRINT_LABEL: &str = "Empreinte du contenu\u{a0}:";

/// Per-page facts the furniture shows.
pub struct PageInfo<'a> {
    pub page: usize,
    pub pages: usize,
    pub copy: u32,
    pub copies: u32,
    pub cluster: &'a str,
    pub call_title: &'a str,
    pub draft: bool,
    /// The president is a woman: « la Présidente » in the captions.
    pub feminine: bool,
    /// The content fingerprint (`None` on a blank form).
    pub fingerprint: Option<&'a str>,
}

/// The largest size ≤ `size` at which `text` fits `width`, never below 5 pt;
/// below that the text is wrapped by the caller.
fn fit_size(fonts: &Fonts, weight: Weight, text: &str, size: f32, width: f32) -> f32 {
    let w = fonts.get(weight).width(text, size);
    if w <= width {
        size
    } else {
        (size * width / w).max(5.0)
    }
}

fn text(x: f32, y: f32, size: f32, weight: Weight, text: String) -> Item {
    Item::Text {
        x,
        y,
        size,
        weight,
        text,
        gray: 0.0,
    }
}

/// Key of a fitted furniture text: the fonts' address, weight, text,
/// size and width (bits).
type FittedKey = (usize, Weight, String, u32, u32);
/// A fitted furniture text: its size and lines.
type Fitted = (f32, Vec<String>);

thread_local! {
    /// The last furniture texts fitted: every page of every copy sets the
    /// same cluster name and call title in the same band.
    static FITTED: std::cell::RefCell<Vec<(FittedKey, Fitted)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// [`fit_lines`], remembered for the last few texts.
fn fitted_lines(
    fonts: &Fonts,
    weight: Weight,
    content: &str,
    size: f32,
    width: f32,
) -> (f32, Vec<String>) {
    let key = (
        std::ptr::from_ref(fonts) as usize,
        weight,
        content.to_string(),
        size.to_bits(),
        width.to_bits(),
    );
    let known = FITTED.with_borrow(|f| f.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()));
    if let Some(fitted) = known {
        return fitted;
    }
    let fitted = fit_lines(fonts, weight, content, size, width);
    FITTED.with_borrow_mut(|f| {
        if f.len() >= 8 {
            f.clear();
        }
        f.push((key, fitted.clone()));
    });
    fitted
}

/// Lines of `content` at `size`, wrapped to `width`, for furniture texts too
/// long even at 5 pt.
fn fit_lines(
    fonts: &Fonts,
    weight: Weight,
    content: &str,
    size: f32,
    width: f32,
) -> (f32, Vec<String>) {
    // Shaped and cleaned like content text; the cover prints the same
    // names through the layout, which reports any missing character.
    let mut reported_elsewhere = Vec::new();
    // Set in French like the body (typographic apostrophe, no-break spaces).
    let set = super::typeset::french(content);
    let prepared = super::shape::prepare(&set, fonts.get(weight), "", &mut reported_elsewhere);
    let content = prepared.as_str();
    let size = fit_size(fonts, weight, content, size, width);
    let style = if weight == Weight::Bold {
        super::layout::Style::SmallBold
    } else {
        super::layout::Style::Small
    };
    if fonts.get(weight).width(content, size) <= width {
        return (size, vec![content.to_string()]);
    }
    // Wrap at the style's size, then scale: keeps every word.
    let scale = size / style.size();
    let lines = super::layout::wrap(content, width / scale, fonts, style);
    (size, lines)
}

/// The diagonal « BROUILLON », drawn first, light grey.
fn draft_mark(geo: &Geometry, fonts: &Fonts, items: &mut Vec<Item>) {
    let size = 90.0;
    let w = fonts.bold.width("BROUILLON", size);
    let angle: f32 = 50.0;
    let (s, c) = angle.to_radians().sin_cos();
    let cx = geo.page_w / 2.0;
    let cy = geo.page_h / 2.0;
    items.push(Item::Rotated {
        x: cx - c * w / 2.0,
        y: cy + s * w / 2.0,
        size,
        angle,
        text: "BROUILLON".into(),
        gray: 0.86,
    });
}

/// The running band: cluster name, call title and, at the right of the
/// first line, the content fingerprint.
fn running_band(fonts: &Fonts, geo: &Geometry, info: &PageInfo, items: &mut Vec<Item>) {
    let band = geo.running_band();
    let mut width = band.w;
    if let Some(code) = info.fingerprint {
        let label = format!("{FINGERPRINT_LABEL} {code}");
        let size = 7.0;
        let w = fonts.regular.width(&label, size);
        items.push(text(
            band.right() - w,
            band.y + 8.0,
            size,
            Weight::Regular,
            label,
        ));
        width -= w + 4.0 * MM;
    }
    let (size1, lines1) = fitted_lines(fonts, Weight::Bold, info.cluster, 8.0, width);
    let (size2, lines2) = fitted_lines(fonts, Weight::Regular, info.call_title, 7.0, width);
    let mut y = band.y + size1;
    for l in lines1 {
        items.push(text(band.x, y, size1, Weight::Bold, l));
        y += size1 * 1.2;
    }
    for l in lines2 {
        items.push(text(band.x, y, size2, Weight::Regular, l));
        y += size2 * 1.2;
    }
    let rule_y = if band.y < geo.content.y {
        geo.content.y - 2.0 * MM
    } else {
        geo.content.bottom() + 2.0 * MM
    };
    items.push(Item::Line {
        x1: band.x,
        y1: rule_y,
        x2: band.right(),
        y2: rule_y,
        width: 0.4,
    });
}

pub fn furniture(fonts: &Fonts, geo: &Geometry, info: &PageInfo) -> Vec<Item> {
    let mut items = Vec::new();
    if info.draft {
        draft_mark(geo, fonts, &mut items);
    }
    running_band(fonts, geo, info, &mut items);

    // Info band: page and copy numbers, paraphe box.
    let ib = geo.info_band;
    let para = geo.paraphe;
    let text_x = if para.x > ib.x + 1.0 {
        ib.x
    } else {
        para.right() + 3.0 * MM
    };
    let text_w = ib.w - para.w - 3.0 * MM;
    let page_text = format!("Page {} / {}", info.page, info.pages);
    let copy_text = format!("Exemplaire {} / {}", info.copy, info.copies);
    let base = ib.y + ib.h - 4.0;
    items.push(text(text_x, base - 11.0, 9.0, Weight::Bold, page_text));
    items.push(text(text_x, base, 9.0, Weight::Regular, copy_text));
    let (size, lines) = fitted_lines(
        fonts,
        Weight::Regular,
        &super::words::agree(
            "Signé et cacheté par le Président sur toutes les pages",
            info.feminine,
        ),
        6.5,
        text_w,
    );
    let mut y = ib.y + size + 2.0;
    for l in lines {
        items.push(text(text_x, y, size, Weight::Regular, l));
        y += size * 1.2;
    }
    items.push(Item::Rect {
        rect: para,
        stroke: Some(0.6),
        fill: None,
    });
    items.push(text(
        para.x + 1.5,
        para.y + 6.5,
        5.5,
        Weight::Regular,
        "Paraphe".into(),
    ));

    // The stamp zone: a framed clear area, its caption outside the frame,
    // on the side facing the content.
    let clear = geo.stamp_clear;
    items.push(Item::Rect {
        rect: clear,
        stroke: Some(1.0),
        fill: None,
    });
    let st = geo.stamp;
    let caption_h = st.h - clear.h;
    let label = super::words::stamp_label(info.feminine);
    let (size, lines) = fitted_lines(fonts, Weight::Bold, &label, 7.0, st.w - 2.0);
    let caption_top = if clear.y > st.y { st.y } else { clear.bottom() };
    let mut y = caption_top + (caption_h - size * 1.2 * lines.len() as f32) / 2.0 + size * 0.95;
    for l in lines {
        let w = fonts.bold.width(&l, size);
        items.push(text(st.x + (st.w - w) / 2.0, y, size, Weight::Bold, l));
        y += size * 1.2;
    }
    items
}

/// The receipt's furniture: the running band (with the fingerprint) and,
/// on a draft, « BROUILLON »; no page or copy number, no stamp box.
pub fn receipt_furniture(fonts: &Fonts, geo: &Geometry, info: &PageInfo) -> Vec<Item> {
    let mut items = Vec::new();
    if info.draft {
        draft_mark(geo, fonts, &mut items);
    }
    running_band(fonts, geo, info, &mut items);
    items
}

/// The big « Exemplaire k / N » framed on the cover, in the slot the
/// document reserved.
pub fn cover_copy_mark(
    fonts: &Fonts,
    geo: &Geometry,
    slot_y: f32,
    slot_h: f32,
    copy: u32,
    copies: u32,
) -> Vec<Item> {
    let label = format!("Exemplaire {copy} / {copies}");
    let size = 16.0;
    let w = fonts.bold.width(&label, size);
    let box_w = w + 16.0 * MM;
    let rect = Rect {
        x: geo.content.x + (geo.content.w - box_w) / 2.0,
        y: slot_y + 4.0,
        w: box_w,
        h: (slot_h - 8.0).max(size + 8.0),
    };
    vec![
        Item::Rect {
            rect,
            stroke: Some(1.2),
            fill: None,
        },
        text(
            rect.x + (rect.w - w) / 2.0,
            rect.y + rect.h / 2.0 + size * 0.35,
            size,
            Weight::Bold,
            label,
        ),
    ]
}
