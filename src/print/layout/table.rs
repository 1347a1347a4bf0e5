//! Tables: header rows repeated on every page, rows moved whole to the next
//! page or, when taller than a page, split line by line.

use std::rc::Rc;

use super::engine::Layouter;
use super::{Align, CELL_PAD, Item, PARA_GAP, Row, Style, Table};
use crate::print::geometry::Rect;

/// A row's cells broken into lines; the first `bold_head` lines of the
/// first cell are bold whatever the row's weight.
struct Cells {
    lines: Vec<Vec<String>>,
    bold_head: usize,
}

/// A table's geometry once its columns are measured.
pub(super) struct Grid {
    style: Style,
    bold: Style,
    xs: Vec<f32>,
    widths: Vec<f32>,
    aligns: Vec<Align>,
    header: Cells,
    header_h: f32,
    dense: bool,
}

/// A dense table (the member register) is set tighter: lines 1.2 em apart
/// (an accented capital reaches 0.93 em above the baseline, a descender
/// 0.24 em below, so lines still never touch) and 2 pt above and below
/// each row's text, so that more members fit on a page.
const DENSE_LEADING: f32 = 1.2;
const DENSE_VPAD: f32 = 2.0;

/// Rows kept with a table's header at its start (so none is left alone
/// under it at a page bottom): all of a table of four rows or fewer (else
/// one of them would be alone on a page, or one row to fill beside its
/// total), two of a longer one.
fn kept_rows(n: usize) -> usize {
    if n <= 4 { n } else { 2 }
}

impl Grid {
    fn line_height(&self) -> f32 {
        if self.dense {
            self.style.size() * DENSE_LEADING
        } else {
            self.style.line_height()
        }
    }
    /// Space above the first line and below the last one of a cell.
    fn vpad(&self) -> f32 {
        if self.dense { DENSE_VPAD } else { CELL_PAD }
    }
    fn row_height(&self, cells: &Cells, min_height: f32) -> f32 {
        let n = cells.lines.iter().map(Vec::len).max().unwrap_or(1);
        (n as f32 * self.line_height() + 2.0 * self.vpad()).max(min_height)
    }
}

impl Layouter<'_> {
    /// The table's grid, measured once per layout: the heading above a
    /// table measures it too (unless a character is missing, which is
    /// then reported each time, as before).
    fn grid(&mut self, table: &Table) -> Rc<Grid> {
        let key = std::ptr::from_ref(table) as usize;
        if let Some(grid) = self.grids.get(&key) {
            return grid.clone();
        }
        let missing = self.out.missing.len();
        let grid = Rc::new(self.measure(table));
        if self.out.missing.len() == missing {
            self.grids.insert(key, grid.clone());
        }
        grid
    }

    fn measure(&mut self, table: &Table) -> Grid {
        let (cx, cw) = (self.geo.content.x, self.geo.content.w);
        let shares: Vec<f32> = table.columns.iter().map(|c| c.share * cw).collect();
        // Numbers never break: columns are widened to their widest
        // unbreakable content, at a smaller size when the table cannot
        // hold them at the usual one.
        let sizes = [
            (Style::Small, Style::SmallBold),
            (Style::Tiny, Style::TinyBold),
        ];
        let (style, bold, widths) = sizes[usize::from(table.dense)..]
            .iter()
            .copied()
            .find_map(|(st, bd)| {
                let mins = self.min_widths(table, bd);
                fit_columns(&shares, &mins, cw).map(|w| (st, bd, w))
            })
            .unwrap_or((Style::Tiny, Style::TinyBold, shares));
        let xs: Vec<f32> = widths
            .iter()
            .scan(cx, |x, w| {
                let here = *x;
                *x += w;
                Some(here)
            })
            .collect();
        let mut grid = Grid {
            style,
            bold,
            xs,
            widths,
            aligns: table.columns.iter().map(|c| c.align).collect(),
            header: Cells {
                lines: Vec::new(),
                bold_head: 0,
            },
            header_h: 0.0,
            dense: table.dense,
        };
        let titles: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
        // Column headers are never hyphenated.
        grid.header = Cells {
            lines: titles
                .iter()
                .zip(&grid.widths)
                .map(|(t, w)| {
                    let t = self.prepared(t, grid.bold, "tableau");
                    let width = w - 2.0 * CELL_PAD;
                    self.texts.lines(&t, width, self.fonts, (grid.bold, false))
                })
                .collect(),
            bold_head: 0,
        };
        grid.header_h = grid.row_height(&grid.header, 0.0);
        grid
    }

    /// Per column, the widest piece of its cells no break may split
    /// (measured in bold, the widest weight), with the cell padding.
    fn min_widths(&self, table: &Table, style: Style) -> Vec<f32> {
        let metrics = self.fonts.get(style.weight());
        let mut mins = vec![0.0f32; table.columns.len()];
        for row in &table.rows {
            for (i, cell) in row.cells.iter().enumerate().take(mins.len()) {
                if cell.chars().any(|c| c.is_ascii_digit()) {
                    let set = self.texts.french(cell);
                    let w = super::wrap::widest_unbreakable(&set, metrics, style.size());
                    mins[i] = mins[i].max(w + 2.0 * CELL_PAD + 0.5);
                }
            }
        }
        mins
    }

    /// `(bold, lead_bold)`: the row's weight, and whether the first cell's
    /// first line is bold above the rest.
    fn wrap_cells(&mut self, grid: &Grid, cells: &[String], weight: (bool, bool)) -> Cells {
        let (bold, lead_bold) = weight;
        let st = if bold { grid.bold } else { grid.style };
        let mut bold_head = 0;
        let lines = (0..grid.widths.len())
            .map(|i| {
                let text = cells.get(i).map(String::as_str).unwrap_or("");
                let width = grid.widths[i] - 2.0 * CELL_PAD;
                if i == 0 && lead_bold && !bold {
                    let (head, rest) = text.split_once('\n').unwrap_or((text, ""));
                    let head = self.prepared(head, grid.bold, "tableau");
                    let mut lines = self
                        .texts
                        .lines(&head, width, self.fonts, (grid.bold, true));
                    bold_head = lines.len();
                    if !rest.trim().is_empty() {
                        let rest = self.prepared(rest, st, "tableau");
                        lines.extend(self.texts.lines(&rest, width, self.fonts, (st, true)));
                    }
                    return lines;
                }
                let text = self.prepared(text, st, "tableau");
                self.texts.lines(&text, width, self.fonts, (st, true))
            })
            .collect();
        Cells { lines, bold_head }
    }

    /// Draws lines `from..from + count` of each cell in a row `h` tall.
    fn draw_row(
        &mut self,
        grid: &Grid,
        cells: &Cells,
        (from, count): (usize, usize),
        h: f32,
        row: (bool, bool),
        aligns: &[Align],
    ) {
        let (bold, shaded) = row;
        let st = if bold { grid.bold } else { grid.style };
        let lh = grid.line_height();
        for (i, cell) in cells.lines.iter().enumerate() {
            let rect = Rect {
                x: grid.xs[i],
                y: self.y,
                w: grid.widths[i],
                h,
            };
            self.page.items.push(Item::Rect {
                rect,
                stroke: Some(0.5),
                fill: shaded.then_some(0.9),
            });
            self.part = self
                .data_row
                .map_or(super::Part::Header, |r| super::Part::Cell(r, i));
            for (k, line) in cell.iter().skip(from).take(count).enumerate() {
                let lead = i == 0 && from + k < cells.bold_head;
                let st = if lead { grid.bold } else { st };
                if i == 0
                    && cells.bold_head > 0
                    && !lead
                    && let Some(r) = self.data_row
                {
                    self.part = super::Part::CellTail(r, 0);
                }
                let x = self.aligned_x(
                    line,
                    st,
                    grid.xs[i] + CELL_PAD,
                    grid.widths[i] - 2.0 * CELL_PAD,
                    aligns[i],
                );
                let baseline = self.y + grid.vpad() + k as f32 * lh + st.ascent();
                let inner = grid.widths[i] - 2.0 * CELL_PAD;
                self.text_in(x, baseline, st, line.clone(), inner);
            }
        }
        self.y += h;
    }

    /// The header row, drawn first and again on every new page.
    fn draw_header(&mut self, grid: &Grid) {
        let centred = vec![Align::Center; grid.widths.len()];
        let header = Cells {
            lines: grid.header.lines.clone(),
            bold_head: 0,
        };
        let row = self.data_row.take();
        self.draw_row(
            grid,
            &header,
            (0, usize::MAX),
            grid.header_h,
            (true, true),
            &centred,
        );
        self.data_row = row;
    }

    /// The table's header and first rows: what a heading above it keeps
    /// with itself (the same height the table keeps together).
    pub(super) fn table_lead(&mut self, table: &Table) -> f32 {
        let grid = self.grid(table);
        let cells: Vec<Cells> = table
            .rows
            .iter()
            .take(kept_rows(table.rows.len()))
            .map(|r| self.wrap_cells(&grid, &r.cells, (r.bold, r.lead_bold)))
            .collect();
        self.kept_height(&grid, table, &cells) + 4.0
    }

    /// The header and the first [`kept_rows`] rows, bounded by a page.
    fn kept_height(&self, grid: &Grid, table: &Table, cells: &[Cells]) -> f32 {
        let rows: f32 = cells
            .iter()
            .zip(&table.rows)
            .map(|(c, r)| grid.row_height(c, r.min_height))
            .sum();
        grid.header_h + rows.min(self.geo.full_content().h - grid.header_h)
    }

    pub(super) fn table(&mut self, table: &Table) {
        let grid = self.grid(table);
        let cells: Vec<Cells> = table
            .rows
            .iter()
            .map(|r| self.wrap_cells(&grid, &r.cells, (r.bold, r.lead_bold)))
            .collect();
        let heights: Vec<f32> = cells
            .iter()
            .zip(&table.rows)
            .map(|(c, r)| grid.row_height(c, r.min_height))
            .collect();
        // The header and the first rows start on the same page: no row
        // alone under its header at a page bottom.
        let kept = self.kept_height(&grid, table, &cells[..kept_rows(cells.len())]);
        self.ensure(kept);
        self.draw_header(&grid);
        let fresh = self.geo.full_content().h - grid.header_h;
        let n = table.rows.len();
        // The last row never alone on a page, nor a total (shaded) with a
        // single row above it: the rows before go with it when they do not
        // all fit here.
        let tail = if table.rows.last().is_some_and(|l| l.shaded) {
            3
        } else {
            2
        };
        let mut on_page = 0usize;
        for (r, (row, lines)) in table.rows.iter().zip(cells).enumerate() {
            let h = heights[r];
            if r + tail == n && on_page >= 2 {
                let rest: f32 = heights[r..].iter().sum();
                if h <= self.remaining() && rest > self.remaining() && rest <= fresh {
                    self.new_page();
                    self.draw_header(&grid);
                    on_page = 0;
                }
            }
            let page = self.out.pages.len();
            self.data_row = Some(r);
            self.table_row(&grid, row, lines, h);
            on_page = if self.out.pages.len() == page {
                on_page + 1
            } else {
                1
            };
        }
        self.data_row = None;
        self.y += PARA_GAP + 2.0;
    }

    fn table_row(&mut self, grid: &Grid, row: &Row, lines: Cells, natural: f32) {
        let n_lines = lines.lines.iter().map(Vec::len).max().unwrap_or(1);
        let fresh = self.geo.full_content().h - grid.header_h;
        let style = (row.bold, row.shaded);
        if natural > self.remaining() && natural <= fresh {
            // Move the row whole to the next page, under a repeated header.
            self.new_page();
            self.draw_header(grid);
        }
        if natural <= self.remaining() {
            self.draw_row(grid, &lines, (0, usize::MAX), natural, style, &grid.aligns);
            return;
        }
        // Taller than a page: split it line by line.
        let lh = grid.line_height();
        let mut from = 0;
        while from < n_lines {
            let fit = ((self.remaining() - 2.0 * grid.vpad()) / lh)
                .floor()
                .max(0.0) as usize;
            if fit == 0 {
                self.new_page();
                self.draw_header(grid);
                continue;
            }
            let count = fit.min(n_lines - from);
            let h = count as f32 * lh + 2.0 * grid.vpad();
            self.draw_row(grid, &lines, (from, count), h, style, &grid.aligns);
            from += count;
            if from < n_lines {
                self.new_page();
                self.draw_header(grid);
            }
        }
    }
}

/// Column widths as close to `shares` as possible with each at least its
/// minimum, the difference taken from the columns with room to spare;
/// `None` when the minimums alone exceed the width.
fn fit_columns(shares: &[f32], mins: &[f32], total: f32) -> Option<Vec<f32>> {
    if mins.iter().sum::<f32>() > total {
        return None;
    }
    let mut widths: Vec<f32> = shares.iter().zip(mins).map(|(s, m)| s.max(*m)).collect();
    let excess: f32 = widths.iter().sum::<f32>() - total;
    if excess > 0.0 {
        let slack: Vec<f32> = widths.iter().zip(mins).map(|(w, m)| w - m).collect();
        let total_slack: f32 = slack.iter().sum();
        if total_slack < excess {
            return None;
        }
        for (w, s) in widths.iter_mut().zip(&slack) {
            *w -= excess * s / total_slack;
        }
    }
    Some(widths)
}
