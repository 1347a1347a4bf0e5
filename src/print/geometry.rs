//! Page geometry: A4, margins, the header band and the footer band that
//! holds the stamp box. Content never enters the bands, so nothing can be
//! printed under the stamp, the paraphe zone or the page numbers.

use crate::model::dossier::StampCorner;

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
}

/// Where everything sits on a page; y grows downwards from the top edge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub page_w: f32,
    pub page_h: f32,
    pub corner: StampCorner,
    /// The area text and tables flow in.
    pub content: Rect,
    /// The band without the stamp: running title, page numbers.
    pub info_band: Rect,
    /// « Signature et cachet du Président », about 45 × 30 mm plus its label.
    pub stamp: Rect,
    /// Small initials box next to the page numbers.
    pub paraphe: Rect,
}

impl Geometry {
    pub fn a4(corner: StampCorner) -> Self {
        let page_w = 210.0 * MM;
        let page_h = 297.0 * MM;
        let margin = 15.0 * MM;
        let stamp_w = 48.0 * MM;
        let stamp_h = 34.0 * MM;
        let gap = 5.0 * MM;
        let band_h = stamp_h;
        let other_band_h = 10.0 * MM;
        let bottom = matches!(corner, StampCorner::BottomLeft | StampCorner::BottomRight);
        let right = matches!(corner, StampCorner::BottomRight | StampCorner::TopRight);
        let stamp_y = if bottom {
            page_h - margin - stamp_h
        } else {
            margin
        };
        let stamp_x = if right {
            page_w - margin - stamp_w
        } else {
            margin
        };
        let stamp = Rect {
            x: stamp_x,
            y: stamp_y,
            w: stamp_w,
            h: stamp_h,
        };
        let info_x = if right {
            margin
        } else {
            margin + stamp_w + gap
        };
        let info_w = page_w - 2.0 * margin - stamp_w - gap;
        let info_band = Rect {
            x: info_x,
            y: stamp_y,
            w: info_w,
            h: band_h,
        };
        let paraphe_w = 22.0 * MM;
        let paraphe_h = 12.0 * MM;
        let paraphe = Rect {
            x: if right {
                info_x + info_w - paraphe_w
            } else {
                info_x
            },
            y: if bottom {
                stamp_y + stamp_h - paraphe_h
            } else {
                stamp_y
            },
            w: paraphe_w,
            h: paraphe_h,
        };
        let (content_y, content_h) = if bottom {
            // A thin running header on top, the stamp band at the bottom.
            let y = margin + other_band_h;
            (y, stamp_y - gap - y)
        } else {
            let y = stamp_y + stamp_h + gap;
            (y, page_h - margin - other_band_h - y)
        };
        Self {
            page_w,
            page_h,
            corner,
            content: Rect {
                x: margin,
                y: content_y,
                w: page_w - 2.0 * margin,
                h: content_h,
            },
            info_band,
            stamp,
            paraphe,
        }
    }

    /// The thin band opposite the stamp band (running header or footer).
    pub fn running_band(&self) -> Rect {
        let margin = self.content.x;
        let h = 10.0 * MM;
        if matches!(
            self.corner,
            StampCorner::BottomLeft | StampCorner::BottomRight
        ) {
            Rect {
                x: margin,
                y: margin,
                w: self.content.w,
                h,
            }
        } else {
            Rect {
                x: margin,
                y: self.page_h - margin - h,
                w: self.content.w,
                h,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_never_overlap_the_content() {
        for corner in StampCorner::ALL {
            let g = Geometry::a4(corner);
            assert!(!g.content.intersects(&g.stamp), "{corner:?}");
            assert!(!g.content.intersects(&g.info_band), "{corner:?}");
            assert!(!g.content.intersects(&g.running_band()), "{corner:?}");
            assert!(!g.stamp.intersects(&g.info_band), "{corner:?}");
            assert!(!g.stamp.intersects(&g.paraphe), "{corner:?}");
            assert!(g.stamp.w >= 45.0 * MM && g.stamp.h >= 30.0 * MM);
            assert!(g.content.h > 180.0 * MM, "{corner:?}: {}", g.content.h / MM);
        }
    }
}
