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
    /// The area text and tables flow in (with the [`Self::exclusion`]
    /// taken out of it for a stamp in a bottom corner).
    pub content: Rect,
    /// The band beside the stamp: page and copy numbers, paraphe.
    pub info_band: Rect,
    /// The stamp zone: its caption and its clear area.
    pub stamp: Rect,
    /// The clear area a round stamp and a signature go in (≥ 70 × 45 mm),
    /// caption outside it.
    pub stamp_clear: Rect,
    /// Small initials box next to the page numbers.
    pub paraphe: Rect,
    /// The part of the content area kept clear around the stamp zone:
    /// paragraphs flow beside it, full-width blocks stop above it.
    pub exclusion: Option<Rect>,
}

/// The round stamp the frame is made for.
pub const STAMP_DIAMETER: f32 = 45.0 * MM;
/// Room kept inside the frame around the stamp, on every side.
pub const STAMP_MARGIN: f32 = 3.0 * MM;
/// Least distance from the stamp frame to any content text.
pub const TEXT_CLEARANCE: f32 = 8.0 * MM;
/// Size of the stamp's clear area: a 45 mm round stamp with 3 mm around it
/// and a signature across it.
pub const STAMP_CLEAR_W: f32 = 72.0 * MM;
pub const STAMP_CLEAR_H: f32 = STAMP_DIAMETER + 2.0 * STAMP_MARGIN;
/// Height of the stamp caption above (or below) the clear area.
const STAMP_CAPTION_H: f32 = 5.0 * MM;

impl Geometry {
    pub fn a4(corner: StampCorner) -> Self {
        let page_w = 210.0 * MM;
        let page_h = 297.0 * MM;
        let margin = 15.0 * MM;
        let stamp_w = STAMP_CLEAR_W;
        let stamp_h = STAMP_CLEAR_H + STAMP_CAPTION_H;
        let gap = 4.0 * MM;
        let band_h = 13.0 * MM;
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
        // The caption sits on the side of the clear area facing the content.
        let stamp_clear = Rect {
            x: stamp_x,
            y: if bottom {
                stamp_y + STAMP_CAPTION_H
            } else {
                stamp_y
            },
            w: stamp_w,
            h: STAMP_CLEAR_H,
        };
        let info_w = page_w - 2.0 * margin - stamp_w - gap;
        let info_band = Rect {
            x: if right {
                margin
            } else {
                margin + stamp_w + gap
            },
            y: if bottom {
                page_h - margin - band_h
            } else {
                margin
            },
            w: info_w,
            h: band_h,
        };
        let paraphe_w = 22.0 * MM;
        let paraphe = Rect {
            x: if right {
                info_band.right() - paraphe_w
            } else {
                info_band.x
            },
            y: info_band.y,
            w: paraphe_w,
            h: band_h,
        };
        let content_x = margin;
        let content_w = page_w - 2.0 * margin;
        let (content, exclusion) = if bottom {
            // A thin running header on top; the page numbers at the
            // bottom, the stamp zone beside them reaching up into the
            // content area, which flows around it.
            let y = margin + other_band_h;
            let content = Rect {
                x: content_x,
                y,
                w: content_w,
                h: info_band.y - gap - y,
            };
            // Text beside the zone stays 8 mm from the frame; above it,
            // the caption (5 mm) and the gap keep 9 mm.
            let side = TEXT_CLEARANCE;
            let ex_x = if right { stamp_x - side } else { content_x };
            let exclusion = Rect {
                x: ex_x,
                y: stamp_y - gap,
                w: stamp_w + side,
                h: content.bottom() - (stamp_y - gap),
            };
            (content, Some(exclusion))
        } else {
            let y = stamp_y + stamp_h + gap;
            let content = Rect {
                x: content_x,
                y,
                w: content_w,
                h: page_h - margin - other_band_h - gap - y,
            };
            (content, None)
        };
        Self {
            page_w,
            page_h,
            corner,
            content,
            info_band,
            stamp,
            stamp_clear,
            paraphe,
            exclusion,
        }
    }

    /// The content area where full-width blocks (tables, scans) go: above
    /// the exclusion.
    pub fn full_content(&self) -> Rect {
        match self.exclusion {
            Some(e) => Rect {
                h: e.y - self.content.y,
                ..self.content
            },
            None => self.content,
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

    fn contains(outer: &Rect, inner: &Rect) -> bool {
        inner.x >= outer.x - 0.01
            && inner.y >= outer.y - 0.01
            && inner.right() <= outer.right() + 0.01
            && inner.bottom() <= outer.bottom() + 0.01
    }

    #[test]
    fn bands_never_overlap_the_content() {
        for corner in StampCorner::ALL {
            let g = Geometry::a4(corner);
            assert!(!g.full_content().intersects(&g.stamp), "{corner:?}");
            if let Some(e) = g.exclusion {
                // The part of the stamp zone in the content area is excluded.
                assert!(g.stamp.x >= e.x && g.stamp.right() <= e.right() && g.stamp.y >= e.y);
                assert!((e.bottom() - g.content.bottom()).abs() < 0.01);
                assert!(g.content.bottom() <= g.info_band.y);
            } else {
                assert!(!g.content.intersects(&g.stamp), "{corner:?}");
            }
            assert!(!g.content.intersects(&g.info_band), "{corner:?}");
            assert!(!g.content.intersects(&g.running_band()), "{corner:?}");
            assert!(!g.stamp.intersects(&g.info_band), "{corner:?}");
            assert!(!g.stamp.intersects(&g.paraphe), "{corner:?}");
            assert!(g.stamp_clear.w >= 70.0 * MM && g.stamp_clear.h >= 45.0 * MM);
            assert!(g.stamp_clear.h >= STAMP_DIAMETER + 2.0 * 3.0 * MM - 0.01);
            assert!(g.stamp_clear.w >= STAMP_DIAMETER + 2.0 * 3.0 * MM);
            // Content 8 mm from the frame on the sides and above or below.
            let frame = g.stamp_clear;
            let grown = Rect {
                x: frame.x - TEXT_CLEARANCE + 0.01,
                y: frame.y - TEXT_CLEARANCE + 0.01,
                w: frame.w + 2.0 * TEXT_CLEARANCE - 0.02,
                h: frame.h + 2.0 * TEXT_CLEARANCE - 0.02,
            };
            assert!(!g.full_content().intersects(&grown), "{corner:?}");
            if let Some(e) = g.exclusion {
                let beside = Rect {
                    y: g.content.y,
                    ..g.content
                };
                // What is left of the content beside the zone.
                let free_w = if e.x > g.content.x + 1.0 {
                    e.x - g.content.x
                } else {
                    g.content.right() - e.right()
                };
                let free_x = if e.x > g.content.x + 1.0 {
                    g.content.x
                } else {
                    e.right()
                };
                let free = Rect {
                    x: free_x,
                    w: free_w,
                    ..beside
                };
                assert!(!free.intersects(&grown), "{corner:?}");
            }
            assert!(contains(&g.stamp, &g.stamp_clear));
            assert!(g.full_content().h > 180.0 * MM, "{corner:?}");
        }
    }
}
